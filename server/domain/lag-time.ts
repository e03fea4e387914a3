/**
 * Lag in seconds, as kafka-lag-exporter estimates it: keep how the log end offset grew over time,
 * and read off when the log end passed the group's committed offset. The next message to consume
 * was appended about then, so its age is the lag in time. This needs no extra reads from Kafka
 * (reading each partition's record at the committed offset would cost one fetch per partition per
 * poll), and it is as precise as the log-end samples are frequent.
 */

/** Points kept per partition; older history is thinned out, not dropped, so long lags stay known. */
export const MAX_POINTS = 64;

export interface LogEndPoint {
  at: number;
  offset: number;
}

/** Appends a sample; only changes of the offset are kept, and the history is thinned when full. */
export function recordLogEnd(points: LogEndPoint[], at: number, offset: number): LogEndPoint[] {
  const last = points[points.length - 1];
  if (last && (at <= last.at || offset === last.offset)) return points;
  // A log end never shrinks; when it does, the topic was recreated and the past no longer applies.
  if (last && offset < last.offset) return [{ at, offset }];
  const next = [...points, { at, offset }];
  if (next.length <= MAX_POINTS) return next;
  // Keep every other point of the older half: recent history stays fine-grained.
  const half = Math.floor(next.length / 2);
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}

/**
 * Seconds since the message at `committed` was appended; 0 when nothing is waiting. When the
 * history does not reach back that far, the age of the oldest point is a lower bound.
 */
export function lagSeconds(
  points: LogEndPoint[],
  committed: number | null,
  logEnd: number,
  now: number,
): number {
  if (committed === null || committed >= logEnd) return 0;
  // The first point at which the log had grown past the committed offset.
  const after = points.findIndex((p) => p.offset > committed);
  if (after === -1) return 0;
  const later = points[after] as LogEndPoint;
  const earlier = points[after - 1];
  if (!earlier) return Math.max(0, (now - later.at) / 1000);
  // Offsets grow about evenly between two samples: interpolate when `committed + 1` arrived.
  const share = (committed + 1 - earlier.offset) / (later.offset - earlier.offset);
  const appendedAt = earlier.at + Math.min(1, Math.max(0, share)) * (later.at - earlier.at);
  return Math.max(0, (now - appendedAt) / 1000);
}

/**
 * Seconds at the precision an overview row shows: two significant figures, never finer than
 * 0.1 s. Thousands of lagging groups would otherwise each send a new value every poll as the
 * clock ticks; at this precision a group 5 minutes behind changes every 10 s.
 */
export function coarseSeconds(seconds: number): number {
  if (seconds < 10) return Math.round(seconds * 10) / 10;
  const step = 10 ** (Math.floor(Math.log10(seconds)) - 1);
  return Math.round(seconds / step) * step;
}
