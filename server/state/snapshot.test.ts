import { describe, expect, it } from 'vitest';
import { say } from '../../protocol/texts';
import { buildSnapshot, computeLag } from './snapshot';
import {
  commanded,
  fresh,
  group,
  groupConfig,
  heartbeat,
  joined,
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

describe('computeLag', () => {
  it('is log end minus committed', () => {
    expect(computeLag(100, 60, 0)).toBe(40);
    expect(computeLag(100, 100, 0)).toBe(0);
  });

  it('is log end minus log start when nothing is committed', () => {
    expect(computeLag(100, null, 30)).toBe(70);
    expect(computeLag(0, null, 0)).toBe(0);
  });

  it('is never negative', () => {
    expect(computeLag(10, 12, 0)).toBe(0);
  });

  it('counts a committed offset of 0 as committed, not as missing', () => {
    expect(computeLag(100, 0, 40)).toBe(100);
  });
});

describe('buildSnapshot', () => {
  it('builds an empty snapshot from the initial state', () => {
    expect(buildSnapshot(fresh(), T0 + 5)).toEqual({
      version: 0,
      at: T0 + 5,
      connection: fresh().connection,
      cluster: null,
      topics: [],
      overview: [],
      groups: [],
      consumers: [],
      producer: null,
      experiments: [],
      nodes: [],
    });
  });

  it('computes lag per partition, the total, and the owner of each partition', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1'),
      spawned('c2', 'g1'),
      joined('c1', 'm1', [0, 1]),
      joined('c2', 'm2', [2]),
      observed(
        observation(
          T0 + 1000,
          [
            group('g1', [member('m1', [0, 1]), member('m2', [2])], {
              offsets: [
                { topic: TOPIC, partition: 0, offset: 90 },
                { topic: TOPIC, partition: 1, offset: null },
              ],
            }),
          ],
          [
            topic(TOPIC, [
              [0, 100],
              [20, 50],
              [5, 5],
            ]),
          ],
        ),
      ),
    );
    const g1 = buildSnapshot(state).groups[0];
    expect(
      g1?.offsets.map(({ health: _h, lagSeconds: _s, drain: _d, retention: _r, ...o }) => o),
    ).toEqual([
      {
        topic: TOPIC,
        partition: 0,
        logStartOffset: 0,
        committedOffset: 90,
        processedOffset: null,
        logEndOffset: 100,
        lag: 10,
        lagMethod: 'log-end',
        memberId: 'm1',
      },
      {
        topic: TOPIC,
        partition: 1,
        logStartOffset: 20,
        committedOffset: null,
        processedOffset: null,
        logEndOffset: 50,
        lag: 30,
        lagMethod: 'log-end',
        memberId: 'm1',
      },
      {
        topic: TOPIC,
        partition: 2,
        logStartOffset: 5,
        committedOffset: null,
        processedOffset: null,
        logEndOffset: 5,
        lag: 0,
        lagMethod: 'log-end',
        memberId: 'm2',
      },
    ]);
    expect(g1?.totalLag).toBe(40);
    expect(g1?.members.map((m) => [m.memberId, m.consumerId])).toEqual([
      ['m1', 'c1'],
      ['m2', 'c2'],
    ]);
    expect(g1).toMatchObject({
      groupId: 'g1',
      lab: true,
      state: 'Stable',
      protocol: 'RoundRobinAssigner',
      topics: [TOPIC],
      config: groupConfig('g1'),
      rebalance: null,
      audit: null,
    });
  });

  it('covers every topic the group commits to or is assigned, sorted', () => {
    const state = run(
      fresh(),
      observed(
        observation(
          T0,
          [
            group('ext', [member('x', [0], 'b')], {
              offsets: [{ topic: 'a', partition: 0, offset: 3 }],
            }),
          ],
          [topic('a', [[0, 10]]), topic('b', [[0, 4]]), topic('c', [[0, 99]])],
        ),
      ),
    );
    const ext = buildSnapshot(state).groups[0];
    expect(ext?.topics).toEqual(['a', 'b']);
    expect(ext?.offsets.map((o) => [o.topic, o.committedOffset, o.lag, o.memberId])).toEqual([
      ['a', 3, 7, null],
      ['b', null, 4, 'x'],
    ]);
    expect(ext?.members[0]?.consumerId).toBeNull();
    expect(ext?.totalLag).toBe(11);
    expect(ext?.lab).toBe(false);
    expect(ext?.config).toBeNull();
  });

  it('has no offset rows for a topic missing from the cluster', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1', { topic: 'gone' }), at: T0 },
      observed(observation(T0, [], [topic(TOPIC, [[0, 1]])])),
    );
    const g1 = buildSnapshot(state).groups[0];
    expect(g1?.topics).toEqual(['gone']);
    expect(g1?.offsets).toEqual([]);
    expect(g1?.totalLag).toBe(0);
  });

  it('shows a lab group Kafka does not know yet as Empty', () => {
    const g1 = buildSnapshot(
      run(fresh(), { type: 'group/registered', config: groupConfig('g1'), at: T0 }),
    ).groups[0];
    expect(g1).toMatchObject({
      state: 'Empty',
      protocol: '',
      protocolType: 'consumer',
      members: [],
      generationId: null,
    });
  });

  it('lists lab groups first, each part sorted by id', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('zeta'), at: T0 },
      { type: 'group/registered', config: groupConfig('beta'), at: T0 },
      observed(observation(T0, [group('alpha'), group('zeta'), group('omega')], [])),
    );
    expect(buildSnapshot(state).groups.map((g) => [g.groupId, g.lab])).toEqual([
      ['beta', true],
      ['zeta', true],
      ['alpha', false],
      ['omega', false],
    ]);
  });

  it('carries processed offsets reported by the lab consumers', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1'),
      message('c1', {
        type: 'progress',
        processed: [{ topic: TOPIC, partition: 1, offset: 42 }],
        seqs: [],
        count: 1,
        at: T0,
      }),
      observed(
        observation(
          T0,
          [],
          [
            topic(TOPIC, [
              [0, 50],
              [0, 50],
            ]),
          ],
        ),
      ),
    );
    expect(buildSnapshot(state).groups[0]?.offsets.map((o) => o.processedOffset)).toEqual([
      null,
      42,
    ]);
  });

  it('rounds partition rates to one decimal and marks lab topics', () => {
    const state = run(
      fresh(),
      {
        type: 'topic/changed',
        change: 'created',
        topic: TOPIC,
        detail: say('topic-created', { topic: TOPIC, partitions: 1 }),
        at: T0,
      },
      observed(
        observation(T0, [], [topic(TOPIC, [[0, 0]]), topic('__consumer_offsets', [[0, 0]], true)]),
      ),
      observed(
        observation(
          T0 + 3000,
          [],
          [topic(TOPIC, [[0, 37]]), topic('__consumer_offsets', [[0, 0]], true)],
        ),
      ),
    );
    const topics = buildSnapshot(state).topics;
    expect(topics.map((t) => [t.name, t.lab, t.internal])).toEqual([
      [TOPIC, true, false],
      ['__consumer_offsets', false, true],
    ]);
    expect(topics[0]?.partitions[0]?.messagesPerSec).toBe(12.3);
    expect(buildSnapshot(state).cluster?.clusterId).toBe('lab');
  });

  describe('generationId', () => {
    const base = () =>
      run(
        fresh(),
        { type: 'group/registered', config: groupConfig('g1'), at: T0 },
        { type: 'group/registered', config: groupConfig('g2'), at: T0 },
        spawned('c1', 'g1'),
        spawned('c2', 'g1'),
        spawned('d1', 'g2'),
      );

    it('is null while no consumer has reported one', () => {
      expect(buildSnapshot(base()).groups.map((g) => g.generationId)).toEqual([null, null]);
    });

    it('is the highest generation the group’s consumers reported', () => {
      const state = run(
        base(),
        heartbeat('c1', 'm1', 4, T0 + 100),
        heartbeat('c2', 'm2', 5, T0 + 100),
        heartbeat('d1', 'n1', 2, T0 + 100),
      );
      const byId = Object.fromEntries(buildSnapshot(state).groups.map((g) => [g.groupId, g]));
      expect(byId.g1?.generationId).toBe(5);
      expect(byId.g2?.generationId).toBe(2);
      expect(buildSnapshot(state).consumers.find((c) => c.id === 'c1')?.generationId).toBe(4);
    });
  });

  describe('evictionDueAt', () => {
    const running = () =>
      run(
        fresh(),
        { type: 'group/registered', config: groupConfig('g1', { sessionTimeoutMs: 3000 }), at: T0 },
        spawned('c1', 'g1'),
        joined('c1', 'm1', [0]),
      );
    const due = (state: LabState) =>
      buildSnapshot(state).groups[0]?.lanes.find((l) => l.consumerId === 'c1')?.evictionDueAt ??
      null;

    it('is null for a running consumer', () => {
      expect(due(run(running(), heartbeat('c1', 'm1', 1, T0 + 500)))).toBeNull();
    });

    it('is the last heartbeat plus the session timeout for a crashed member', () => {
      const state = run(
        running(),
        heartbeat('c1', 'm1', 1, T0 + 500),
        commanded('c1', 'crash', T0 + 900),
      );
      expect(due(state)).toBe(T0 + 3500);
    });

    it('counts from the crash when no heartbeat was seen', () => {
      const state = run(running(), commanded('c1', 'crash', T0 + 900));
      expect(due(state)).toBe(T0 + 3900);
    });
  });

  it('shows the open rebalance of a group', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1'),
      message('c1', { type: 'rebalancing', memberId: null, at: T0 + 10 }),
    );
    expect(buildSnapshot(state).groups[0]?.rebalance).toEqual({
      startedAt: T0 + 10,
      reason: 'c1 joined',
      reasonText: { key: 'cause-joined', params: { id: 'c1' } },
    });
  });
});
