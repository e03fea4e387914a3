import { describe, expect, it } from 'vitest';
import { coarseSeconds, type LogEndPoint, lagSeconds, MAX_POINTS, recordLogEnd } from './lag-time';

const T0 = 1_700_000_000_000;
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
    expect(lagSeconds(steady(10), 100, 100, T0 + 10_000)).toBe(0);
    expect(lagSeconds(steady(10), null, 100, T0 + 10_000)).toBe(0);
  });

  it('is the age of the next message to consume, interpolated between samples', () => {
    // Offset 55 (the next after committed 55 - 1 … ) arrived at T0 + 5.6 s: 10 msg/s from 0.
    expect(lagSeconds(steady(10), 55, 100, T0 + 10_000)).toBeCloseTo(4.4, 5);
    expect(lagSeconds(steady(10), 99, 100, T0 + 10_000)).toBeCloseTo(0, 5);
  });

  it('grows with time while the consumer stands still', () => {
    const points = steady(10);
    expect(lagSeconds(points, 20, 100, T0 + 30_000)).toBeGreaterThan(
      lagSeconds(points, 20, 100, T0 + 10_000),
    );
  });

  it('is at least the age of the oldest point when history does not reach back far enough', () => {
    const points = recordLogEnd(recordLogEnd([], T0 + 5000, 50), T0 + 6000, 60);
    expect(lagSeconds(points, 10, 60, T0 + 10_000)).toBe(5);
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
