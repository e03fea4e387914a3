import { describe, expect, it } from 'vitest';
import {
  coarseSeconds,
  type LogEndPoint,
  lagFromHistory,
  MAX_POINTS,
  partitionLagSeconds,
  recordLogEnd,
} from './lag-time';

const T0 = 1_700_000_000_000;
const historySeconds = (...args: Parameters<typeof lagFromHistory>) =>
  lagFromHistory(...args).seconds;
/** The log grew by 10 messages a second from offset 0 at T0. */
const steady = (seconds: number): LogEndPoint[] => {
  let points: LogEndPoint[] = [];
  for (let s = 0; s <= seconds; s++) points = recordLogEnd(points, T0 + s * 1000, s * 10);
  return points;
};

describe('recordLogEnd', () => {
  it('keeps only changes of the offset, in time order', () => {
    let points = recordLogEnd([], T0, 5);
    points = recordLogEnd(points, T0 + 1000, 5);
    points = recordLogEnd(points, T0 + 2000, 7);
    points = recordLogEnd(points, T0 + 1500, 9);
    expect(points).toEqual([
      { at: T0, offset: 5 },
      { at: T0 + 2000, offset: 7 },
    ]);
  });

  it('starts over when the log end shrinks (the topic was recreated)', () => {
    const points = recordLogEnd(steady(3), T0 + 9000, 2);
    expect(points).toEqual([{ at: T0 + 9000, offset: 2 }]);
  });

  it('thins the older half when full, keeping the newest points and the oldest', () => {
    const points = steady(200);
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(points[0]).toEqual({ at: T0, offset: 0 });
    expect(points.at(-1)).toEqual({ at: T0 + 200_000, offset: 2000 });
  });
});

describe('lagSeconds', () => {
  it('is 0 when nothing waits or nothing was committed', () => {
    expect(historySeconds(steady(10), 100, 100, T0 + 10_000)).toBe(0);
    expect(historySeconds(steady(10), null, 100, T0 + 10_000)).toBe(0);
  });

  it('is the age of the next message to consume, interpolated between samples', () => {
    // Offset 55 (the next after committed 55 - 1 … ) arrived at T0 + 5.6 s: 10 msg/s from 0.
    expect(historySeconds(steady(10), 55, 100, T0 + 10_000)).toBeCloseTo(4.4, 5);
    expect(historySeconds(steady(10), 99, 100, T0 + 10_000)).toBeCloseTo(0, 5);
  });

  it('grows with time while the consumer stands still', () => {
    const points = steady(10);
    expect(historySeconds(points, 20, 100, T0 + 30_000)).toBeGreaterThan(
      historySeconds(points, 20, 100, T0 + 10_000),
    );
  });

  it('is at least the age of the oldest point when history does not reach back far enough', () => {
    const points = recordLogEnd(recordLogEnd([], T0 + 5000, 50), T0 + 6000, 60);
    expect(historySeconds(points, 10, 60, T0 + 10_000)).toBe(5);
  });
});

describe('coarseSeconds', () => {
  it('keeps two significant figures, at most a tenth of a second fine', () => {
    expect(coarseSeconds(0.04)).toBe(0);
    expect(coarseSeconds(4.26)).toBe(4.3);
    expect(coarseSeconds(42.6)).toBe(43);
    expect(coarseSeconds(123.4)).toBe(120);
    expect(coarseSeconds(3725)).toBe(3700);
  });
  it('changes a few times a minute for a group minutes behind', () => {
    const shown = new Set<number>();
    for (let s = 300; s < 360; s++) shown.add(coarseSeconds(s));
    expect([...shown]).toEqual([300, 310, 320, 330, 340, 350, 360]);
  });
});

describe('lag in seconds when the history does not reach back', () => {
  it('is precise where two close samples bracket the append', () => {
    expect(lagFromHistory(steady(10), 55, 100, T0 + 10_000)).toEqual({
      seconds: expect.closeTo(4.4, 5),
      precise: true,
    });
    expect(lagFromHistory(steady(10), 100, 100, T0 + 10_000)).toEqual({
      seconds: 0,
      precise: true,
    });
  });

  it('is a lower bound, not precise, for an offset older than the first sample (a restart)', () => {
    // The dashboard started at T0 + 60 s; the group has been stopped at offset 3 since long before.
    const points = recordLogEnd([], T0 + 60_000, 500);
    expect(lagFromHistory(points, 3, 500, T0 + 61_000)).toEqual({ seconds: 1, precise: false });
    // No sample at all yet.
    expect(lagFromHistory([], 3, 500, T0)).toEqual({ seconds: 0, precise: false });
    // Appended after the last sample: a moment ago, no record to read.
    expect(lagFromHistory(steady(3), 30, 32, T0 + 3500)).toEqual({ seconds: 0, precise: true });
  });

  it('is not precise where the samples bracket the append loosely (an idle gap, then a burst)', () => {
    let points = recordLogEnd([], T0, 100);
    points = recordLogEnd(points, T0 + 600_000, 150);
    // Interpolated: offset 120 "arrived" 4 minutes in, though the burst came at the end.
    const history = lagFromHistory(points, 120, 150, T0 + 601_000);
    expect(history.precise).toBe(false);
  });

  it('takes the record timestamp when the history is not precise, and says which', () => {
    const loose = { seconds: 1, precise: false };
    expect(partitionLagSeconds(loose, { timestamp: T0 }, T0 + 3_600_000)).toEqual({
      seconds: 3600,
      method: 'record',
    });
    // Only aborted or control records wait: nothing to read, no age.
    expect(partitionLagSeconds(loose, { timestamp: null }, T0)).toEqual({
      seconds: 0,
      method: 'record',
    });
    expect(partitionLagSeconds(loose, undefined, T0)).toEqual({
      seconds: 1,
      method: 'lower-bound',
    });
    expect(
      partitionLagSeconds({ seconds: 4, precise: true }, { timestamp: T0 }, T0 + 9000),
    ).toEqual({ seconds: 4, method: 'log-end' });
    // A producer's clock ahead of ours: no negative age.
    expect(partitionLagSeconds(loose, { timestamp: T0 + 5000 }, T0).seconds).toBe(0);
  });
});
