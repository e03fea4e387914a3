import { describe, expect, it } from 'vitest';
import { BatchPolicy } from './batch-policy';

describe('batch commit policy', () => {
  it('asks for a commit at every Nth processed message', () => {
    const policy = new BatchPolicy(3, 60_000);
    const asks = Array.from({ length: 7 }, (_, i) => {
      const ask = policy.processed(i);
      if (ask) policy.committed(i);
      return ask;
    });
    expect(asks).toEqual([false, false, true, false, false, true, false]);
    expect(policy.pending).toBe(1);
  });

  it('is due once the oldest uncommitted message has waited the interval', () => {
    const policy = new BatchPolicy(100, 1000);
    expect(policy.due(5000)).toBe(false);
    policy.processed(5000);
    policy.processed(5900);
    expect(policy.due(5999)).toBe(false);
    expect(policy.due(6000)).toBe(true);
    policy.committed(6000);
    expect(policy.due(9000)).toBe(false);
    policy.processed(9000);
    expect(policy.due(9999)).toBe(false);
    expect(policy.due(10_000)).toBe(true);
  });

  it('keeps counting messages processed while a commit was in flight', () => {
    const policy = new BatchPolicy(5, 1000);
    for (let i = 0; i < 4; i++) policy.processed(0);
    const covered = policy.pending;
    policy.processed(10);
    policy.processed(20);
    policy.committed(30, covered);
    expect(policy.pending).toBe(2);
    expect(policy.due(1029)).toBe(false);
    expect(policy.due(1030)).toBe(true);
  });
});
