import { describe, expect, it } from 'vitest';
import { partitionKey } from '../../protocol/keys';
import {
  noteCause,
  partitionsStarted,
  partitionsStopped,
  settleRebalance,
  startRebalance,
  touchRebalance,
} from './rebalance';
import { reduce } from './reducer';
import {
  commanded,
  fresh,
  group,
  joined,
  member,
  message,
  observation,
  observed,
  p1MovedToC2,
  run,
  spawned,
  T0,
  TOPIC,
  twoConsumers,
} from './test-fixtures';

const p = (partition: number) => partitionKey(TOPIC, partition);
const P1 = { topic: TOPIC, partition: 1 };

describe('startRebalance', () => {
  it('uses a recent cause, then forgets it', () => {
    const joined = { key: 'cause-joined' as const, params: { id: 'c3' } };
    const state = noteCause(fresh(), 'g', joined, T0);
    const next = startRebalance(state, 'g', T0 + 59_000);
    expect(next.groups.g?.rebalance).toMatchObject({ startedAt: T0 + 59_000, reason: joined });
    expect(next.groups.g?.cause).toBeNull();
    expect(next.timeline).toMatchObject([
      {
        kind: 'rebalance-started',
        groupId: 'g',
        message: 'Rebalance started: c3 joined',
        text: { key: 'rebalance-started', params: { reason: joined } },
      },
    ]);
  });

  it('ignores a cause a minute old or older', () => {
    const state = noteCause(fresh(), 'g', { key: 'cause-joined', params: { id: 'c3' } }, T0);
    expect(startRebalance(state, 'g', T0 + 60_000).groups.g?.rebalance?.reason).toEqual({
      key: 'cause-coordinator',
      params: {},
    });
  });

  it('keeps causes of other groups', () => {
    const x = { key: 'cause-joined' as const, params: { id: 'x' } };
    const y = { key: 'cause-joined' as const, params: { id: 'y' } };
    const state = noteCause(noteCause(fresh(), 'a', x, T0), 'b', y, T0);
    expect(startRebalance(state, 'a', T0).groups.b?.cause).toEqual({ reason: y, at: T0 });
  });

  it('an open rebalance takes an earlier start, never a later one, and is announced once', () => {
    const started = startRebalance(fresh(), 'g', T0 + 1000);
    expect(startRebalance(started, 'g', T0 + 1100)).toBe(started);
    const earlier = startRebalance(started, 'g', T0 + 400);
    expect(earlier.groups.g?.rebalance?.startedAt).toBe(T0 + 400);
    expect(earlier.timeline.filter((e) => e.kind === 'rebalance-started')).toHaveLength(1);
  });

  it('does not reopen at or before the end of the previous one (a stale poll)', () => {
    const done = settleRebalance(startRebalance(fresh(), 'g', T0), 'g', T0 + 500);
    expect(done.groups.g?.rebalanceEndedAt).toBe(T0 + 500);
    expect(startRebalance(done, 'g', T0 + 400)).toBe(done);
  });
});

describe('partitions without an owner', () => {
  it('measures how long each moved partition was not processed', () => {
    const open = startRebalance(twoConsumers(), 'g1', T0 + 1000);
    const revoked = partitionsStopped(open, 'g1', 'c1', [p(1)], T0 + 1000);
    expect(revoked.groups.g1?.inTransit).toEqual({ [p(1)]: T0 + 1000 });
    const moved = partitionsStarted(revoked, 'g1', 'c2', [p(1)], T0 + 1750);
    expect(moved.groups.g1?.inTransit).toEqual({});
    expect(moved.groups.g1?.rebalance?.pausedMs).toEqual({ [p(1)]: 750 });
    expect(moved.groups.g1?.rebalance?.moves).toEqual({
      c1: { revoked: [p(1)], added: [] },
      c2: { revoked: [], added: [p(1)] },
    });
  });

  it('a finished rebalance keeps its summary: who gave what to whom, and every pause', () => {
    const done = p1MovedToC2();
    expect(done.groups.g1?.lastRebalance).toEqual({
      startedAt: T0 + 1000,
      endedAt: T0 + 1400,
      durationMs: 400,
      reason: 'the coordinator started it',
      reasonText: { key: 'cause-coordinator', params: {} },
      style: 'eager',
      pausedMs: { [p(1)]: 400 },
      moves: [{ partition: p(1), from: 'c1', to: 'c2', ref: { topic: TOPIC, partition: 1 } }],
      pauses: [{ topic: TOPIC, partition: 1, ms: 400 }],
      steps: [
        { at: T0 + 1000, kind: 'revoked', consumerId: 'c1', partitions: [P1] },
        { at: T0 + 1400, kind: 'assigned', consumerId: 'c2', partitions: [P1] },
      ],
    });
    expect(done.timeline.at(-1)?.message).toContain('moved P1 c1→c2');
    // The next rebalance keeps this one a click away, newest first.
    const before = done.groups.g1?.earlierRebalances ?? [];
    const again = settleRebalance(startRebalance(done, 'g1', T0 + 5000), 'g1', T0 + 5200);
    expect(again.groups.g1?.lastRebalance?.startedAt).toBe(T0 + 5000);
    expect(again.groups.g1?.earlierRebalances?.map((r) => r.startedAt)).toEqual(
      [T0 + 1000, ...before.map((r) => r.startedAt)].slice(0, 4),
    );
  });

  it('a crashed member stops its partitions at the crash, until someone takes them', () => {
    const crashed = run(twoConsumers(), commanded('c2', 'crash', T0 + 2000));
    expect(crashed.groups.g1?.inTransit).toEqual({ [p(2)]: T0 + 2000, [p(3)]: T0 + 2000 });
  });
});

describe('settleRebalance', () => {
  it('keeps a lab rebalance open while a partition has no owner or a member still joins', () => {
    const open = startRebalance(twoConsumers(), 'g1', T0 + 1000);
    const revoked = partitionsStopped(open, 'g1', 'c1', [p(1)], T0 + 1000);
    expect(settleRebalance(revoked, 'g1', T0 + 1100).groups.g1?.rebalance).not.toBeNull();
    const joining = run(open, spawned('c3', 'g1', T0 + 1000));
    expect(settleRebalance(joining, 'g1', T0 + 1100).groups.g1?.rebalance).not.toBeNull();
  });

  it('ends a lab rebalance at its last event, not when it was checked', () => {
    const open = touchRebalance(startRebalance(twoConsumers(), 'g1', T0 + 1000), 'g1', T0 + 1300);
    const done = settleRebalance(open, 'g1', T0 + 5000);
    expect(done.groups.g1?.rebalance).toBeNull();
    expect(done.timeline.at(-1)).toMatchObject({ kind: 'rebalance-completed', durationMs: 300 });
    expect(done.timeline.at(-1)?.message).toContain('[classic, round-robin]');
  });

  it('waits for a poll made after the start to show Kafka settled', () => {
    const polling = run(
      twoConsumers(),
      observed(
        observation(T0 + 1000, [
          group('g1', [member('m1', [0, 1]), member('m2', [2, 3])], 'PreparingRebalance'),
        ]),
      ),
    );
    expect(polling.groups.g1?.rebalance?.startedAt).toBe(T0 + 1000);
    const afterJoin = run(polling, joined('c1', 'm1', [0, 1], T0 + 1200));
    expect(afterJoin.groups.g1?.rebalance).not.toBeNull();
    const settled = run(
      afterJoin,
      observed(observation(T0 + 2000, [group('g1', [member('m1', [0, 1]), member('m2', [2, 3])])])),
    );
    expect(settled.groups.g1?.rebalance).toBeNull();
    expect(settled.timeline.at(-1)).toMatchObject({ kind: 'rebalance-completed', durationMs: 200 });
  });

  it('ends a rebalance of an outside group when a poll shows it settled', () => {
    const open = run(fresh(), observed(observation(T0, [group('x', [], 'CompletingRebalance')])));
    expect(open.groups.x?.rebalance).not.toBeNull();
    const done = run(open, observed(observation(T0 + 1000, [group('x', [member('a', [0])])])));
    expect(done.timeline.at(-1)).toMatchObject({ kind: 'rebalance-completed', durationMs: 1000 });
  });

  it('eager: a kafkajs member revokes everything, and the rebalance ends when all rejoined', () => {
    let state = twoConsumers();
    for (const [id, member, partitions] of [
      ['c1', 'm1', [0, 1]],
      ['c2', 'm2', [2, 3]],
    ] as const) {
      state = reduce(state, message(id, { type: 'rebalancing', memberId: member, at: T0 + 1000 }));
      state = reduce(
        state,
        message(id, {
          type: 'revoked',
          partitions: [{ topic: TOPIC, partitions: [...partitions] }],
          lost: false,
          at: T0 + 1000,
        }),
      );
    }
    const first = run(state, joined('c1', 'm1', [0, 1], T0 + 1400));
    expect(first.groups.g1?.rebalance).not.toBeNull();
    const both = run(first, joined('c2', 'm2', [2, 3], T0 + 1500));
    expect(both.groups.g1?.rebalance).toBeNull();
    expect(both.timeline.at(-1)?.message).toContain('4 partition(s) paused, longest 500 ms');
  });

  it('eager, reports read out of order: a revoke read after another member took the partition still ends the rebalance', () => {
    // c1 crashed owning 0,1; range moves 3 from c2 to c3. The two JVMs' pipes are read
    // independently, so c3's join (taking 3) can be read before c2's revoke of it.
    const revoke = (id: string, memberId: string, partitions: number[], at: number) => [
      message(id, { type: 'rebalancing', memberId, at }),
      message(id, {
        type: 'revoked',
        partitions: [{ topic: TOPIC, partitions }],
        lost: false,
        at,
      }),
    ];
    let state = run(
      twoConsumers(),
      spawned('c3', 'g1', T0),
      joined('c1', 'm1', [0, 1], T0 + 200),
      joined('c2', 'm2', [2, 3], T0 + 200),
      joined('c3', 'm3', [4, 5], T0 + 200),
    );
    state = run(state, commanded('c1', 'crash', T0 + 1000));
    state = run(state, ...revoke('c3', 'm3', [4, 5], T0 + 7000));
    state = run(state, joined('c3', 'm3', [3, 4, 5], T0 + 7400));
    state = run(state, ...revoke('c2', 'm2', [2, 3], T0 + 7000));
    expect(state.groups.g1?.inTransit).not.toHaveProperty(p(3));
    state = run(state, joined('c2', 'm2', [0, 1, 2], T0 + 7500));
    expect(state.groups.g1?.rebalance).toBeNull();
    expect(state.groups.g1?.inTransit).toEqual({});
    expect(state.groups.g1?.lastRebalance?.pausedMs).toEqual({
      [p(0)]: 6500,
      [p(1)]: 6500,
      [p(2)]: 500,
      [p(3)]: 400,
      [p(4)]: 400,
      [p(5)]: 400,
    });
  });

  it('a revoke read after the rebalance it belonged to ended leaves nothing in transit', () => {
    // Cooperative: c1 gives up 1, which c2 takes; c2's join is read first and ends the rebalance.
    const open = run(
      twoConsumers(),
      message('c2', { type: 'rebalancing', memberId: 'm2', at: T0 + 900 }),
    );
    const done = run(
      open,
      joined('c2', 'm2', [1, 2, 3], T0 + 1300, { added: [{ topic: TOPIC, partitions: [1] }] }),
    );
    expect(done.groups.g1?.rebalance).toBeNull();
    const late = run(
      done,
      message('c1', {
        type: 'revoked',
        partitions: [{ topic: TOPIC, partitions: [1] }],
        lost: false,
        at: T0 + 1000,
      }),
    );
    expect(late.groups.g1?.inTransit).toEqual({});
    expect(late.groups.g1?.rebalance).toBeNull();
    expect(late.consumers.c1?.assignment).toEqual([{ topic: TOPIC, partitions: [0] }]);
  });

  it('a listing older than the owner’s own report does not count as taken: the crash stops it', () => {
    // c1 took 3 from c2 (c2's revoke not read yet), then crashed: nobody processes 3.
    const state = run(
      twoConsumers(),
      joined('c1', 'm1', [0, 1, 3], T0 + 500, { added: [{ topic: TOPIC, partitions: [3] }] }),
      commanded('c1', 'crash', T0 + 1000),
    );
    expect(Object.keys(state.groups.g1?.inTransit ?? {}).sort()).toEqual([p(0), p(1), p(3)]);
  });
});
