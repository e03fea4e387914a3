import { describe, expect, it } from 'vitest';
import { labClientId, labConsumerOf } from '../../protocol/constants';
import type { WorkerMessage } from '../../protocol/ipc';
import { SHARE_WINDOW_SIZE } from '../../protocol/share';
import { buildSnapshot } from './snapshot';
import {
  fresh,
  group,
  groupConfig,
  member,
  message,
  observation,
  observed,
  run,
  spawned,
  T0,
  TOPIC,
  topic,
} from './test-fixtures';
import type { LabState } from './types';

const SHARE = { ackMode: 'explicit' as const, maxPollRecords: 3, lockMs: 10_000, deliveryLimit: 3 };

/** A lab share group q1 with members c1 and c2 on a one-partition topic. */
function shareLab(): LabState {
  return run(
    fresh(),
    {
      type: 'group/registered',
      config: groupConfig('q1', {
        client: 'java',
        protocol: 'share',
        assignor: 'simple',
        share: SHARE,
      }),
      at: T0,
    },
    spawned('c1', 'q1'),
    spawned('c2', 'q1'),
  );
}

type Report = Extract<WorkerMessage, { type: 'share-records' }>;
const report = (id: string, parts: Partial<Report>) =>
  message(id, {
    type: 'share-records',
    acquired: [],
    acknowledged: [],
    lockMs: null,
    at: T0,
    ...parts,
  });
const acquire = (offset: number, at: number, deliveryCount = 1) => ({
  topic: TOPIC,
  partition: 0,
  offset,
  deliveryCount,
  at,
});
const ack = (offset: number, outcome: 'accept' | 'release' | 'reject', at: number) => ({
  topic: TOPIC,
  partition: 0,
  offset,
  outcome,
  at,
});
const recordsOf = (state: LabState) => state.shareRecords.q1?.[`${TOPIC}|0`] ?? [];

describe('a share group record window, from the members reports', () => {
  it('acquired with its lock, then accepted; counted per member', () => {
    const state = run(
      shareLab(),
      report('c1', { acquired: [acquire(0, T0 + 10), acquire(1, T0 + 10)], lockMs: 8_000 }),
      report('c1', { acknowledged: [ack(0, 'accept', T0 + 50)] }),
    );
    expect(recordsOf(state).map((r) => [r.offset, r.state, r.lockUntil])).toEqual([
      [0, 'accepted', null],
      [1, 'acquired', T0 + 8_010],
    ]);
    expect(state.shareCounts.c1).toEqual({
      acquired: 2,
      accepted: 1,
      released: 0,
      rejected: 0,
      redelivered: 0,
    });
  });

  it('a released record is archived once it had its last try, and a redelivery is counted', () => {
    const state = run(
      shareLab(),
      report('c1', { acquired: [acquire(5, T0)] }),
      report('c1', { acknowledged: [ack(5, 'release', T0 + 1)] }),
      report('c2', { acquired: [acquire(5, T0 + 2, 2)] }),
      report('c2', { acknowledged: [ack(5, 'release', T0 + 3)] }),
    );
    expect(recordsOf(state)).toMatchObject([
      { offset: 5, state: 'released', consumerId: 'c2', deliveryCount: 2 },
    ]);
    const last = run(
      state,
      report('c1', { acquired: [acquire(5, T0 + 4, 3)] }),
      report('c1', { acknowledged: [ack(5, 'release', T0 + 5)] }),
    );
    expect(recordsOf(last)).toMatchObject([{ offset: 5, state: 'archived', deliveryCount: 3 }]);
    expect(last.shareCounts.c2?.redelivered).toBe(1);
    expect(last.shareCounts.c1).toMatchObject({ acquired: 2, released: 2, redelivered: 1 });
  });

  it('keeps the latest records, and every one not done however old', () => {
    const many = Array.from({ length: SHARE_WINDOW_SIZE + 20 }, (_, i) => acquire(i + 1, T0));
    const state = run(
      shareLab(),
      report('c1', { acquired: [acquire(0, T0)] }),
      report('c2', { acquired: many }),
      report('c2', { acknowledged: many.map((a) => ack(a.offset, 'accept', T0 + 1)) }),
    );
    const kept = recordsOf(state);
    expect(kept).toHaveLength(SHARE_WINDOW_SIZE);
    // Offset 0 is still held by c1: kept, while the oldest accepted ones made way.
    expect(kept[0]).toMatchObject({ offset: 0, state: 'acquired', consumerId: 'c1' });
    expect(kept[1]?.offset).toBe(many.length - SHARE_WINDOW_SIZE + 2);
  });

  it('keeps a record that took a second delivery beside the window, with when it was acquired', () => {
    const newer = Array.from({ length: SHARE_WINDOW_SIZE + 5 }, (_, i) => acquire(i + 10, T0 + 5));
    const state = run(
      shareLab(),
      report('c1', { acquired: [acquire(3, T0)] }),
      report('c2', { acquired: [acquire(3, T0 + 2, 2)] }),
      report('c2', { acknowledged: [ack(3, 'accept', T0 + 3)] }),
      report('c2', { acquired: newer }),
      report('c2', { acknowledged: newer.map((a) => ack(a.offset, 'accept', T0 + 6)) }),
    );
    const kept = recordsOf(state);
    expect(kept[0]).toMatchObject({
      offset: 3,
      state: 'accepted',
      consumerId: 'c2',
      deliveryCount: 2,
      acquiredAt: T0 + 2,
    });
    expect(kept).toHaveLength(SHARE_WINDOW_SIZE + 1);
  });

  it('shows a record whose lock ran out as available, in the snapshot of that moment', () => {
    const state = run(
      shareLab(),
      report('c1', { acquired: [acquire(0, T0)], lockMs: 5_000 }),
      observed(observation(T0, [], [topic(TOPIC, [10])])),
    );
    const at = (now: number) =>
      buildSnapshot(state, now).groups.find((g) => g.groupId === 'q1')?.shareWindow?.[0]?.records[0]
        ?.state;
    expect(at(T0 + 4_000)).toBe('acquired');
    expect(at(T0 + 6_000)).toBe('available');
  });
});

describe('share members, found by their client id', () => {
  it("takes each process's member id and assignment from Kafka's description", () => {
    const state = run(
      shareLab(),
      observed(
        observation(
          T0 + 500,
          [
            group(
              'q1',
              [
                { ...member('m-old', [0]), clientId: labClientId('c1', 0) },
                { ...member('m1', [0]), clientId: labClientId('c1', 1), memberEpoch: 3 },
                { ...member('m2', [0]), clientId: labClientId('c2', 1), memberEpoch: 3 },
              ],
              { type: 'share', protocolType: 'share' },
            ),
          ],
          [topic(TOPIC, [10])],
        ),
      ),
    );
    expect(state.consumers.c1).toMatchObject({
      memberId: 'm1',
      phase: 'running',
      generationId: 3,
      assignment: [{ topic: TOPIC, partitions: [0] }],
    });
    expect(state.consumers.c2?.memberId).toBe('m2');
    const lanes =
      buildSnapshot(state, T0 + 600).groups.find((g) => g.groupId === 'q1')?.lanes ?? [];
    // The earlier process's member is a lane of its own, named after c1.
    expect(lanes.map((l) => [l.key, l.kind])).toEqual([
      ['c1', 'consumer'],
      ['c2', 'consumer'],
      ['m-old', 'ghost'],
    ]);
  });

  it('reads the lab consumer back from a share client id', () => {
    expect(labClientId('orders.v2-c3', 4)).toBe('offset-lab-orders.v2-c3.4');
    expect(labConsumerOf('offset-lab-orders.v2-c3.4')).toBe('orders.v2-c3');
    expect(labConsumerOf('offset-lab-c1')).toBe('c1');
  });
});
