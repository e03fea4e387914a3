import { describe, expect, it } from 'vitest';
import { planReset } from './offset-reset';

const partitions = [
  { partition: 0, logStartOffset: 10, logEndOffset: 100, committedOffset: 50 },
  { partition: 1, logStartOffset: 0, logEndOffset: 40, committedOffset: null },
];

describe('planReset', () => {
  it('earliest and latest go to the log start and log end', () => {
    expect(planReset('earliest', 0, partitions).map((r) => r.to)).toEqual([10, 0]);
    expect(planReset('latest', 0, partitions).map((r) => r.to)).toEqual([100, 40]);
  });

  it('shift moves from the committed offset (log start if none), clamped into the log', () => {
    expect(planReset('shift', -20, partitions)).toEqual([
      { partition: 0, from: 50, to: 30 },
      { partition: 1, from: null, to: 0 },
    ]);
    expect(planReset('shift', 1000, partitions).map((r) => r.to)).toEqual([100, 40]);
  });

  it('last N goes N back from the committed offset, never before the log start', () => {
    expect(planReset('last', 5, partitions).map((r) => r.to)).toEqual([45, 0]);
    expect(planReset('last', 45, partitions).map((r) => r.to)).toEqual([10, 0]);
  });

  it('an absolute offset is clamped per partition', () => {
    expect(planReset('offset', 5, partitions).map((r) => r.to)).toEqual([10, 5]);
  });

  it('timestamp uses the offset Kafka found for it, or the log end when nothing is that new', () => {
    const found = new Map<number, number | null>([
      [0, 70],
      [1, null],
    ]);
    expect(planReset('timestamp', Date.now(), partitions, found).map((r) => r.to)).toEqual([
      70, 40,
    ]);
  });
});
