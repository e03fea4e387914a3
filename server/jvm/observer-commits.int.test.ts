import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { CommitStreamEvent } from '../../protocol/observer';
import { startExternalCommitter } from '../kafka/test-support/external-committer';
import { suiteObserver } from '../test-support/suite-observer';
import { waitFor } from '../test-support/wait-for';
import { isObserverError } from './observer-error';

const COMMITS = 20;
const ARRIVAL_TIMEOUT_MS = 5000;
const PACE_MS = 100;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

describe('the commit stream (__consumer_offsets tail)', () => {
  const brokers = inject('brokers');
  const observer = suiteObserver(brokers);

  it('delivers a kafkajs commit within a fraction of a second, and its deletion as a tombstone', async () => {
    const topic = `obs-commits-${randomUUID().slice(0, 8)}`;
    const groupId = `obs-commits-group-${randomUUID().slice(0, 8)}`;
    await observer().createTopic(topic, 1, 1);
    const events: CommitStreamEvent[] = [];
    const arrivals = new Map<number, (at: number) => void>();
    const stream = await observer().tailCommits((event) => {
      events.push(event);
      if (event.event !== 'commits') return;
      for (const c of event.commits) {
        if (c.groupId === groupId && c.topic === topic) arrivals.get(c.offset)?.(Date.now());
      }
    });
    expect(stream.mode).toBe('tail');

    const committer = await startExternalCommitter(brokers, groupId, topic);
    let offset = 0;
    /** Commits one offset at a time, each once the previous one arrived; `paceMs` apart. */
    const measure = async (paceMs: number) => {
      const delays: number[] = [];
      for (let i = 0; i < COMMITS; i++) {
        // Pacing, not waiting on a condition: a consumer commits every 100 ms or more, and a
        // lone commit is what the stream's leading-edge flush emits at once.
        if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
        offset++;
        const arrived = new Promise<number>((resolve) => arrivals.set(offset, resolve));
        const sentAt = Date.now();
        await committer.commit(0, offset);
        const at = await within(
          arrived,
          ARRIVAL_TIMEOUT_MS,
          `commit ${offset} in the stream`,
        ).catch(async (error: Error) => {
          const metrics = await observer().metrics();
          throw new Error(
            `${error.message}; events: ${JSON.stringify(events)}; ${JSON.stringify(metrics)}`,
          );
        });
        delays.push(at - sentAt);
      }
      const sorted = [...delays].sort((a, b) => a - b);
      console.log(
        `commit → stream delay, ${COMMITS} commits ${paceMs > 0 ? `${paceMs} ms apart` : 'back to back'}: median ${percentile(sorted, 0.5)} ms, p95 ${percentile(sorted, 0.95)} ms, max ${sorted.at(-1)} ms`,
      );
      return percentile(sorted, 0.5);
    };
    let median: number;
    try {
      // Back to back, each commit lands inside the previous one's 50 ms flush window.
      median = await measure(0);
      expect(await measure(PACE_MS)).toBeLessThan(median);
    } finally {
      await committer.stop();
    }
    expect(median).toBeLessThan(1000);
    // Its JoinGroup/SyncGroup wrote group metadata: the server is told to describe it again.
    expect(events.some((e) => e.event === 'groups-changed' && e.groupIds.includes(groupId))).toBe(
      true,
    );

    // The committer left; deleting the group writes tombstones for its offsets.
    await waitFor('the group to be deleted once Empty', async () => {
      try {
        await observer().deleteGroup(groupId);
        return true;
      } catch (error) {
        if (isObserverError(error, 'not-empty')) return false;
        throw error;
      }
    });
    await waitFor('the offset tombstone', () =>
      events.some(
        (e) =>
          e.event === 'offsets-deleted' &&
          e.offsets.some((o) => o.groupId === groupId && o.topic === topic && o.partition === 0),
      ),
    );
    stream.stop();
  });
});
