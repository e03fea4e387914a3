import { describe, expect, it } from 'vitest';
import { barStart, MIN_TAIL, tailSize } from './offset-scale';

const bar = (
  logStart: number,
  committed: number | null,
  logEnd: number,
  processed: number | null = null,
) => ({
  logStartOffset: logStart,
  committedOffset: committed,
  processedOffset: processed,
  logEndOffset: logEnd,
});

describe('the offset bars’ scale', () => {
  it('tail: a lag of 15 in a log of 1,200 fills about a third of the bar, not a hairline', () => {
    const offsets = [bar(0, 1185, 1200), bar(0, 1195, 1200)];
    const size = tailSize(offsets);
    expect(size).toBe(MIN_TAIL);
    const start = barStart(offsets[0] ?? bar(0, 0, 0), 'tail', size);
    expect((1200 - 1185) / (1200 - start)).toBeCloseTo(0.3);
  });

  it('tail: the largest lag (or processed-not-committed window) takes at most half, the same window for every bar', () => {
    const offsets = [bar(0, 700, 1200), bar(0, 1190, 1200, 1195), bar(0, null, 300)];
    const size = tailSize(offsets);
    // The group never committed on the third: its lag runs from the log start, 300.
    expect(size).toBe(1000);
    expect(1200 - 700).toBeLessThanOrEqual(size / 2);
    expect(barStart(offsets[1] ?? bar(0, 0, 0), 'tail', size)).toBe(200);
    expect(barStart(offsets[2] ?? bar(0, 0, 0), 'tail', size)).toBe(0);
  });

  it('tail sizes come in 1-2-5 steps, so the window does not move with every tick', () => {
    expect(tailSize([bar(0, 1000 - 26, 1000)])).toBe(100);
    expect(tailSize([bar(0, 1000 - 49, 1000)])).toBe(100);
    expect(tailSize([bar(0, 1000 - 51, 1000)])).toBe(200);
    expect(tailSize([bar(0, 10_000 - 2_400, 10_000)])).toBe(5000);
  });

  it('log: the bar starts at the log start, which retention moves', () => {
    expect(barStart(bar(400, 900, 1000), 'log', 50)).toBe(400);
    expect(barStart(bar(980, 990, 1000), 'tail', 50)).toBe(980);
  });
});
