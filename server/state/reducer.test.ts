import { describe, expect, it } from 'vitest';
import type { ProducerInfo } from '../../protocol/snapshot';
import { say } from '../../protocol/texts';
import { COMMIT_AGGREGATION_MS, reduce } from './reducer';
import { buildSnapshot } from './snapshot';
import {
  committed as commit,
  exited,
  fresh,
  groupConfig,
  message,
  observation,
  observed,
  ofKind,
  run,
  spawned,
  T0,
  TOPIC,
  topic,
} from './test-fixtures';
import type { LabAction } from './types';

const producerInfo = (overrides: Partial<ProducerInfo> = {}): ProducerInfo => ({
  topic: TOPIC,
  rate: 20,
  keyMode: 'symbol',
  acks: 'all',
  idempotent: true,
  paused: false,
  sent: 0,
  acked: 0,
  failed: 0,
  inFlight: 0,
  lastError: null,
  ackedPerSec: 0,
  lastOffsets: [],
  ...overrides,
});

const observedAt = (at: number): LabAction =>
  observed(observation(at, [], [topic(TOPIC, [100, 100])]));
const failed = (at: number, error = 'Connection refused'): LabAction => ({
  type: 'admin/failed',
  error,
  at,
});
const tick = (at: number): LabAction => ({ type: 'clock/tick', at });

describe('initialState', () => {
  it('starts connecting, empty, at version 0', () => {
    const state = fresh();
    expect(state.version).toBe(0);
    expect(state.connection).toEqual({
      kafka: 'connecting',
      lastError: null,
      since: T0,
      embeddedBroker: null,
      brokers: '127.0.0.1:9092',
      mode: 'lab',
      readOnly: false,
      commitStream: { mode: 'off', reason: null },
      pollIntervalMs: 0,
    });
    expect(state.timeline).toEqual([]);
    expect(state.nextEventId).toBe(1);
    expect(state.lastCommitFlushAt).toBe(T0);
  });

  it('tracks an embedded broker only when there is one', () => {
    expect(fresh(true).connection.embeddedBroker).toEqual({ running: false, pid: null });
  });
});

describe('Kafka connection', () => {
  it('admin/failed marks Kafka unreachable with one broker-unreachable event', () => {
    const down = run(fresh(), failed(T0 + 1000));
    expect(down.connection).toMatchObject({
      kafka: 'unreachable',
      lastError: 'Connection refused',
      since: T0 + 1000,
    });
    expect(down.timeline).toMatchObject([
      {
        kind: 'broker-unreachable',
        at: T0 + 1000,
        message: 'Kafka unreachable: Connection refused',
      },
    ]);

    const stillDown = run(down, failed(T0 + 2000, 'timeout'));
    expect(ofKind(stillDown, 'broker-unreachable')).toHaveLength(1);
    expect(stillDown.connection).toMatchObject({ lastError: 'timeout', since: T0 + 1000 });
  });

  it('the next admin/observed reconnects and adds broker-connected', () => {
    const back = run(fresh(), failed(T0 + 1000), failed(T0 + 2000), observedAt(T0 + 3000));
    expect(back.connection).toMatchObject({
      kafka: 'connected',
      lastError: null,
      since: T0 + 3000,
    });
    expect(back.timeline.map((e) => e.kind)).toEqual(['broker-unreachable', 'broker-connected']);
    expect(back.timeline[1]).toMatchObject({ at: T0 + 3000, message: 'Kafka is reachable again' });
  });

  it('the first successful poll connects without a broker-connected event', () => {
    const up = run(fresh(), observedAt(T0 + 500));
    expect(up.connection).toMatchObject({ kafka: 'connected', since: T0 + 500 });
    expect(up.timeline).toEqual([]);
  });

  it('keeps "since" while staying connected', () => {
    const up = run(fresh(), observedAt(T0 + 500), observedAt(T0 + 1500));
    expect(up.connection.since).toBe(T0 + 500);
  });

  it('a failure after being connected counts from the failure', () => {
    const down = run(fresh(), observedAt(T0 + 500), failed(T0 + 900));
    expect(down.connection.since).toBe(T0 + 900);
    expect(ofKind(down, 'broker-unreachable')).toHaveLength(1);
  });
});

describe('version', () => {
  it('increments by one on every effective change', () => {
    let state = fresh();
    const actions: LabAction[] = [
      observedAt(T0 + 1),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 + 2 },
      spawned('c1', 'g1', T0 + 3),
      message('c1', { type: 'ready', pid: 1 }),
      failed(T0 + 4),
      { type: 'rebalance/requested', groupId: 'g1', at: T0 + 5 },
    ];
    actions.forEach((action, i) => {
      state = reduce(state, action);
      expect(state.version).toBe(i + 1);
    });
  });

  it('returns the very same state for actions that change nothing', () => {
    const state = run(fresh(), { type: 'group/registered', config: groupConfig('g1'), at: T0 });
    const noOps: LabAction[] = [
      message('ghost', { type: 'ready', pid: 1 }),
      { type: 'consumer/commanded', id: 'ghost', command: 'pause', at: T0 },
      exited('ghost', T0, 0, null),
      { type: 'broker/changed', running: true, pid: 5, at: T0 },
    ];
    for (const action of noOps) expect(reduce(state, action)).toBe(state);
  });

  it('an idle clock/tick (nothing consumed, commit window still open) changes nothing', () => {
    const state = run(fresh(), observedAt(T0 + 1));
    expect(state.consumedSinceTick).toBe(0);
    expect(reduce(state, tick(T0 + 1000))).toBe(state);
  });

  it('the exit that follows a crash command changes nothing', () => {
    const crashed = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1', T0),
      { type: 'consumer/commanded', id: 'c1', command: 'crash', at: T0 + 10 },
    );
    expect(crashed.consumers.c1?.pid).toBeNull();
    const after = reduce(crashed, exited('c1', T0 + 20, null, 'SIGKILL'));
    expect(after).toBe(crashed);
  });
});

describe('embedded broker', () => {
  it('broker/changed records whether the embedded broker runs', () => {
    const state = run(fresh(true), { type: 'broker/changed', running: true, pid: 321, at: T0 });
    expect(state.connection.embeddedBroker).toEqual({ running: true, pid: 321 });
    expect(state.version).toBe(1);
  });
});

describe('commit aggregation on clock/tick', () => {
  const W = COMMIT_AGGREGATION_MS;
  const windowS = Math.round(W / 1000);
  const withThreeGroups = () =>
    run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      { type: 'group/registered', config: groupConfig('g2'), at: T0 },
      { type: 'group/registered', config: groupConfig('g3'), at: T0 },
      spawned('a1', 'g1', T0),
      spawned('b1', 'g2', T0),
      spawned('c1', 'g3', T0),
    );

  it('adds one commits entry per group per aggregation window', () => {
    const committed = run(
      withThreeGroups(),
      commit('a1', T0 + 100),
      commit('a1', T0 + 200),
      commit('a1', T0 + 300),
      commit('b1', T0 + 400),
    );
    expect(committed.commitCounts).toEqual({ g1: 3, g2: 1 });

    const early = run(committed, tick(T0 + 1000), tick(T0 + W - 1));
    expect(ofKind(early, 'commits')).toEqual([]);
    expect(early.commitCounts).toEqual({ g1: 3, g2: 1 });

    const flushed = run(early, tick(T0 + W));
    expect(ofKind(flushed, 'commits').map((e) => [e.groupId, e.count, e.at, e.message])).toEqual([
      ['g1', 3, T0 + W, `3 offset commits in the last ${windowS} s`],
      ['g2', 1, T0 + W, `1 offset commits in the last ${windowS} s`],
    ]);
    expect(flushed.commitCounts).toEqual({});
    expect(flushed.lastCommitFlushAt).toBe(T0 + W);

    const next = run(
      flushed,
      commit('c1', T0 + W + 1000),
      commit('c1', T0 + W + 2000),
      tick(T0 + W + 3000),
      tick(T0 + 2 * W),
    );
    const commits = ofKind(next, 'commits');
    expect(commits).toHaveLength(3);
    expect(commits[2]).toMatchObject({ groupId: 'g3', count: 2, at: T0 + 2 * W });
  });

  it('states the real length of a late window in the message', () => {
    const state = run(withThreeGroups(), commit('a1', T0 + 100), tick(T0 + W + 4000));
    expect(ofKind(state, 'commits')[0]?.message).toBe(
      `1 offset commits in the last ${windowS + 4} s`,
    );
  });

  it('adds nothing when there were no commits, but starts a new window', () => {
    const state = run(withThreeGroups(), tick(T0 + W + 2000));
    expect(ofKind(state, 'commits')).toEqual([]);
    expect(state.lastCommitFlushAt).toBe(T0 + W + 2000);
  });

  it('resets the consumed-per-tick counter on every tick', () => {
    const consumed = run(
      withThreeGroups(),
      message('a1', { type: 'progress', processed: [], seqs: [], count: 12, at: T0 + 100 }),
    );
    expect(consumed.consumedSinceTick).toBe(12);
    expect(run(consumed, tick(T0 + 1000)).consumedSinceTick).toBe(0);
  });
});

describe('lab groups', () => {
  it('group/registered stores the config and adds group-created', () => {
    const state = run(fresh(), { type: 'group/registered', config: groupConfig('g1'), at: T0 });
    expect(state.labGroups.g1).toEqual(groupConfig('g1'));
    expect(state.timeline).toMatchObject([
      {
        kind: 'group-created',
        groupId: 'g1',
        message: 'Lab group g1 on trades (kafkajs, classic round-robin, commit after-processing)',
      },
    ]);
  });

  it('group/removed drops the config and only that group’s consumers', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      { type: 'group/registered', config: groupConfig('g2'), at: T0 },
      spawned('a1', 'g1', T0),
      spawned('b1', 'g2', T0),
      { type: 'group/removed', groupId: 'g1', at: T0 + 100 },
    );
    expect(Object.keys(state.labGroups)).toEqual(['g2']);
    expect(Object.keys(state.consumers)).toEqual(['b1']);
    expect(state.timeline.at(-1)).toMatchObject({
      kind: 'group-deleted',
      groupId: 'g1',
      message: 'Group g1 deleted',
    });
  });

  /** g1 loses c1 (graceful stop), c2 starts rebalancing, then c2 stops and the group is deleted. */
  const deletedMidRebalance = () =>
    run(
      fresh(),
      observedAt(T0),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1', T0),
      spawned('c2', 'g1', T0),
      message('c2', {
        type: 'progress',
        processed: [{ topic: TOPIC, partition: 0, offset: 50 }],
        seqs: [],
        count: 50,
        at: T0 + 500,
      }),
      { type: 'consumer/commanded', id: 'c1', command: 'stop', at: T0 + 1000 },
      exited('c1', T0 + 1100, 0, null),
      message('c2', { type: 'rebalancing', memberId: 'm2', at: T0 + 1200 }),
      { type: 'consumer/commanded', id: 'c2', command: 'stop', at: T0 + 1300 },
      exited('c2', T0 + 1400, 0, null),
      { type: 'group/removed', groupId: 'g1', at: T0 + 1500 },
      { type: 'group/registered', config: groupConfig('g1'), at: T0 + 60_000 },
    );

  it('a re-created group does not inherit the open rebalance of the deleted one', () => {
    const group = buildSnapshot(deletedMidRebalance()).groups.find((g) => g.groupId === 'g1');
    expect(group).toBeDefined();
    expect(group?.rebalance).toBeNull();
  });

  it('a re-created group does not inherit the processed offsets of the deleted one', () => {
    const group = buildSnapshot(deletedMidRebalance()).groups.find((g) => g.groupId === 'g1');
    expect(group?.offsets.length).toBeGreaterThan(0);
    expect(group?.offsets.map((o) => o.processedOffset)).toEqual([null, null]);
  });
});

describe('topics', () => {
  const changed = (
    change: 'created' | 'partitions-added' | 'deleted',
    topic: string,
    at = T0,
  ): LabAction => ({
    type: 'topic/changed',
    change,
    topic,
    detail:
      change === 'deleted'
        ? say('topic-deleted', { topic })
        : say('topic-created', { topic, partitions: 1 }),
    at,
  });

  it('tracks lab topics without duplicates and logs each change', () => {
    const state = run(
      fresh(),
      changed('created', 'a'),
      changed('created', 'b'),
      changed('created', 'a'),
      changed('deleted', 'b'),
    );
    expect(state.labTopics).toEqual(['a']);
    expect(state.timeline.map((e) => [e.kind, e.message])).toEqual([
      ['topic-created', 'Topic a created with 1 partitions'],
      ['topic-created', 'Topic b created with 1 partitions'],
      ['topic-created', 'Topic a created with 1 partitions'],
      ['topic-deleted', 'Topic b deleted'],
    ]);
  });

  it('partitions-added becomes the cause of the next rebalance of groups on that topic', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1', { topic: 'a' }), at: T0 },
      { type: 'group/registered', config: groupConfig('g2', { topic: 'other' }), at: T0 },
      spawned('c1', 'g1', T0),
      changed('partitions-added', 'a', T0 + 100),
    );
    expect(state.timeline.at(-1)?.kind).toBe('topic-partitions-added');
    expect(state.groups.g1?.cause).toEqual({
      reason: { key: 'cause-partitions-added', params: { topic: 'a' } },
      at: T0 + 100,
    });
    expect(state.groups.g2?.cause).toBeUndefined();
    expect(state.labTopics).toEqual([]);
    const rebalancing = run(
      state,
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 200 }),
    );
    expect(rebalancing.groups.g1?.rebalance?.reason).toEqual({
      key: 'cause-partitions-added',
      params: { topic: 'a' },
    });
  });
});

describe('rebalance/requested', () => {
  it('makes "triggered from the lab" the reason of the next rebalance', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1', T0),
      { type: 'rebalance/requested', groupId: 'g1', at: T0 + 1000 },
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 1100 }),
    );
    expect(state.timeline.at(-1)?.message).toBe('Rebalance started: triggered from the lab');
  });
});

describe('producer/updated', () => {
  it('stores the producer and logs a new error once', () => {
    const ok = run(fresh(), { type: 'producer/updated', info: producerInfo({ sent: 5 }) });
    expect(ok.producer?.sent).toBe(5);
    expect(ok.timeline).toEqual([]);

    const broken = producerInfo({
      lastError: { message: 'NOT_LEADER', at: T0 + 10, recoveredAt: null },
    });
    const erred = run(
      ok,
      { type: 'producer/updated', info: broken },
      { type: 'producer/updated', info: { ...broken, sent: 6 } },
    );
    expect(ofKind(erred, 'producer-error')).toMatchObject([
      { at: T0 + 10, message: 'Producer: NOT_LEADER' },
    ]);

    const other = run(erred, {
      type: 'producer/updated',
      info: producerInfo({ lastError: { message: 'TIMEOUT', at: T0 + 20, recoveredAt: null } }),
    });
    expect(ofKind(other, 'producer-error')).toHaveLength(2);

    const recovered = run(other, {
      type: 'producer/updated',
      info: producerInfo({ lastError: { message: 'TIMEOUT', at: T0 + 20, recoveredAt: T0 + 30 } }),
    });
    expect(ofKind(recovered, 'producer-recovered')).toMatchObject([{ at: T0 + 30 }]);
    expect(ofKind(recovered, 'producer-error')).toHaveLength(2);
  });
});

describe('producer/acked', () => {
  it('keeps the highest acknowledged offset per partition, which the log end never trails', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      observedAt(T0),
      { type: 'producer/acked', topic: TOPIC, lastOffsets: { 0: 120, 1: 99 } },
      { type: 'producer/acked', topic: TOPIC, lastOffsets: { 0: 110 } },
    );
    expect(state.producedUpTo[TOPIC]).toEqual({ 0: 120, 1: 99 });
    const offsets = buildSnapshot(state).groups[0]?.offsets ?? [];
    expect(offsets.map((o) => o.logEndOffset)).toEqual([121, 100]);
  });
});

describe('audits', () => {
  it('are read by the snapshot builder at the moment it builds', () => {
    const audit = { processed: 10, unique: 9, duplicates: 1, missing: 0 };
    const state = run(fresh(), { type: 'group/registered', config: groupConfig('g1'), at: T0 });
    expect(
      buildSnapshot(state, T0, { auditOf: (id) => (id === 'g1' ? audit : null) }).groups[0]?.audit,
    ).toEqual(audit);
  });
});
