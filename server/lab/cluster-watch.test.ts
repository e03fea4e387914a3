import { describe, expect, it } from 'vitest';
import type { JvmObserver } from '../jvm/jvm-observer';
import type { LabAction } from '../state/types';
import { ClusterWatch, pollInterval } from './cluster-watch';

describe('pollInterval', () => {
  it('keeps the configured interval while polls are quick, or before five were timed', () => {
    expect(pollInterval(1000, [40, 60, 50, 45, 55])).toBe(1000);
    expect(pollInterval(1000, [2000, 2100])).toBe(1000);
  });

  it('spaces polls out when every recent one was slow (a big cluster)', () => {
    expect(pollInterval(1000, [2000, 2100, 1900, 2050, 2000])).toBe(5700);
  });

  it('ignores one slow poll among quick ones (a broker killed a moment ago)', () => {
    expect(pollInterval(1000, [50, 60, 4200, 55, 50])).toBe(1000);
  });
});

describe('ClusterWatch.refreshFresh', () => {
  it('waits out the poll under way and resolves with one that started after the call', async () => {
    const polls: ((observation: unknown) => void)[] = [];
    const admin = {
      poll: () => new Promise((resolve) => polls.push(resolve)),
    } as unknown as JvmObserver;
    const seen: unknown[] = [];
    const watch = new ClusterWatch(
      admin,
      (action: LabAction) => {
        if (action.type === 'admin/observed') seen.push(action.observation);
      },
      1000,
      { committed: () => {}, deleted: () => {} },
    );
    const shared = watch.refresh();
    let fresh = false;
    const done = watch.refreshFresh().then(() => {
      fresh = true;
    });
    expect(polls).toHaveLength(1);
    polls[0]?.('old');
    await shared;
    await new Promise((r) => setImmediate(r));
    expect(fresh).toBe(false);
    expect(polls).toHaveLength(2);
    polls[1]?.('new');
    await done;
    expect(seen).toEqual(['old', 'new']);
  });

  it('rejects when its poll failed, naming why', async () => {
    let fail = true;
    const admin = {
      poll: () => (fail ? Promise.reject(new Error('broker down')) : Promise.resolve('ok')),
    } as unknown as JvmObserver;
    const watch = new ClusterWatch(admin, () => {}, 1000, {
      committed: () => {},
      deleted: () => {},
    });
    await expect(watch.refreshFresh()).rejects.toThrow('Kafka did not answer: broker down');
    fail = false;
    await expect(watch.refreshFresh()).resolves.toBeUndefined();
  });
});
