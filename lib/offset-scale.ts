/**
 * Where a group's partition bars start. The whole log (log start … log end) shows retention, but a
 * lag of 15 in a log of 1,200 is a hairline; the tail shows the last offsets only, the same count
 * for every bar of the group so their lags compare, and wide enough that the largest lag (and
 * what was processed but not committed) fills at most half of it.
 */
export type OffsetScale = 'tail' | 'log';

/** The tail never shows fewer offsets than this: a lag of 1 stays a sliver, not half the bar. */
export const MIN_TAIL = 50;

export interface BarOffsets {
  logStartOffset: number;
  logEndOffset: number;
  committedOffset: number | null;
  processedOffset: number | null;
}

/** How many offsets the tail shows for these bars. */
export function tailSize(offsets: readonly BarOffsets[]): number {
  let widest = 0;
  for (const o of offsets) {
    const from = Math.min(o.committedOffset ?? o.logStartOffset, o.processedOffset ?? Infinity);
    widest = Math.max(widest, o.logEndOffset - Math.max(from, o.logStartOffset));
  }
  return Math.max(MIN_TAIL, nice(2 * widest));
}

/** The offset a bar starts at: the log start, or `size` offsets before the log end (not before the log start). */
export function barStart(o: BarOffsets, scale: OffsetScale, size: number): number {
  return scale === 'log' ? o.logStartOffset : Math.max(o.logStartOffset, o.logEndOffset - size);
}

/** 1, 2 or 5 times a power of ten, at least n: a window that does not change with every tick. */
function nice(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/** Segments never vanish: a lag of 3 in a log of 3 million still gets a visible sliver. */
export const MIN_SEGMENT_PCT = 1.2;

/** Where `value` falls on a bar from `start` spanning `span` offsets, in percent. */
export function pct(value: number, start: number, span: number): number {
  return span <= 0 ? 100 : ((value - start) / span) * 100;
}
