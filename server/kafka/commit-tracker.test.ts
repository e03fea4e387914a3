import { describe, expect, it } from 'vitest';
import { CommitTracker } from './commit-tracker';

function tracker(behaviour: 'confirm' | 'silent' | 'fail') {
  const calls: [number, number][][] = [];
  const t: CommitTracker = new CommitTracker(async (offsets) => {
    calls.push(offsets);
    if (behaviour === 'fail') throw new Error('REBALANCE_IN_PROGRESS');
    if (behaviour === 'confirm') t.confirmed();
  });
  return { t, calls };
}

describe('CommitTracker', () => {
  it('commits the latest processed offset per partition in one request, then forgets it', async () => {
    const { t, calls } = tracker('confirm');
    t.processed(0, 5);
    t.processed(0, 6);
    t.processed(3, 10);
    await t.flush();
    expect(calls).toEqual([
      [
        [0, 6],
        [3, 10],
      ],
    ]);
    expect(t.size).toBe(0);
    await t.flush();
    expect(calls).toHaveLength(1);
  });

  it('keeps offsets when the commit is refused or silently skipped, and retries them', async () => {
    const failing = tracker('fail');
    failing.t.processed(1, 7);
    await failing.t.flush();
    expect(failing.t.size).toBe(1);

    const silent = tracker('silent');
    silent.t.processed(1, 7);
    await silent.t.flush();
    await silent.t.flush();
    expect(silent.calls).toHaveLength(2);
    expect(silent.t.size).toBe(1);
  });

  it('drops partitions the member no longer owns', async () => {
    const { t, calls } = tracker('confirm');
    t.processed(0, 5);
    t.processed(1, 9);
    t.retainOnly(new Set([1]));
    await t.flush();
    expect(calls).toEqual([[[1, 9]]]);
  });

  it('keeps an offset that advanced while its commit was in flight', async () => {
    let release: () => void = () => undefined;
    const t: CommitTracker = new CommitTracker(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            t.confirmed();
            resolve();
          };
        }),
    );
    t.processed(0, 5);
    const first = t.flush();
    t.processed(0, 8);
    release();
    await first;
    expect(t.size).toBe(1);
  });
});
