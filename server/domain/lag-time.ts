/**
 * Lag in seconds, as kafka-lag-exporter estimates it: keep how the log end offset grew over time,
 * and read off when the log end passed the group's committed offset. The next message to consume
 * was appended about then, so its age is the lag in time. This needs no extra reads from Kafka
 * (reading each partition's record at the committed offset would cost one fetch per partition per
 * poll), and it is as precise as the log-end samples are frequent. Where the history does not
 * reach back (the dashboard restarted, a group stopped long ago) or brackets the append loosely,
 * the record's own timestamp is read once per committed offset (server/lab/record-times.ts).
 */

import type { LagMethod } from '../../protocol/group';

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
 * Two samples this close bracket the append well enough; wider (thinned history, a long idle
 * gap before a burst), the record's own timestamp is read instead, within this share of the lag.
 */
export const PRECISE_SPAN_MS = 2000;
export const PRECISE_SHARE = 0.025;

export interface HistoryLag {
  seconds: number;
  /**
   * False when the history does not reach back to the next message (after a restart of the
   * dashboard, a group stopped long ago: `seconds` is then only a lower bound) or brackets its
   * append too loosely: then the record's timestamp should be read.
   */
  precise: boolean;
}

/** Seconds since the message at `committed` was appended, from the log end's history. */
export function lagFromHistory(
  points: LogEndPoint[],
  committed: number | null,
  logEnd: number,
  now: number,
): HistoryLag {
  if (committed === null || committed >= logEnd) return { seconds: 0, precise: true };
  // The first point at which the log had grown past the committed offset.
  const after = points.findIndex((p) => p.offset > committed);
  // No sample has seen the log end move past it yet: the next message was appended after the
  // last sample (a moment ago), or there is no sample at all yet (the first poll is to come).
  if (after === -1) return { seconds: 0, precise: points.length > 0 };
  const later = points[after] as LogEndPoint;
  const earlier = points[after - 1];
  if (!earlier) return { seconds: Math.max(0, (now - later.at) / 1000), precise: false };
  // Offsets grow about evenly between two samples: interpolate when `committed + 1` arrived.
  const share = (committed + 1 - earlier.offset) / (later.offset - earlier.offset);
  const span = later.at - earlier.at;
  const appendedAt = earlier.at + Math.min(1, Math.max(0, share)) * span;
  const seconds = Math.max(0, (now - appendedAt) / 1000);
  return { seconds, precise: span <= Math.max(PRECISE_SPAN_MS, seconds * 1000 * PRECISE_SHARE) };
}

/** What the record a group reads next said, as server/lab/record-times.ts read it. */
export interface RecordTime {
  /** The record's timestamp; null when nothing readable waits (only aborted or control records). */
  timestamp: number | null;
}

/**
 * The figure shown, and how it was had: `log-end` from the history, `record` from the timestamp
 * of the record at (or after) the committed offset, `lower-bound` while neither is known.
 */
export function partitionLagSeconds(
  history: HistoryLag,
  record: RecordTime | undefined,
  now: number,
): { seconds: number; method: LagMethod } {
  if (history.precise) return { seconds: history.seconds, method: 'log-end' };
  if (record)
    return {
      seconds: record.timestamp === null ? 0 : Math.max(0, (now - record.timestamp) / 1000),
      method: 'record',
    };
  return { seconds: history.seconds, method: 'lower-bound' };
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
