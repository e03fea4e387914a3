import { describe, expect, it } from 'vitest';
import { BatchPolicy } from './batch-policy';

describe('batch commit policy', () => {
  it('asks for a commit at every Nth processed message', () => {
    const policy = new BatchPolicy(3, 60_000, 0);
    const asks = Array.from({ length: 7 }, () => {
      const ask = policy.processed();
      if (ask) policy.committed(1);
      return ask;
    });
    expect(asks).toEqual([false, false, true, false, false, true, false]);
    expect(policy.pending).toBe(1);
  });

  it('is due once the interval has passed since the last commit, with something to commit', () => {
    const policy = new BatchPolicy(100, 1000, 0);
    expect(policy.due(5000)).toBe(false);
    policy.processed();
    expect(policy.due(999)).toBe(false);
    expect(policy.due(1000)).toBe(true);
    policy.committed(1000);
    policy.processed();
    expect(policy.due(1999)).toBe(false);
    expect(policy.due(2000)).toBe(true);
  });

  it('keeps counting messages processed while a commit was in flight', () => {
    const policy = new BatchPolicy(5, 60_000, 0);
    for (let i = 0; i < 4; i++) policy.processed();
    const covered = policy.pending;
    policy.processed();
    policy.processed();
    policy.committed(10, covered);
    expect(policy.pending).toBe(2);
  });
});
