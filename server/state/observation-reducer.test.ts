import { describe, expect, it } from 'vitest';
import { english } from '../../protocol/texts';
import { reduceObservation } from './observation-reducer';
import { initialState } from './reducer';
import { buildSnapshot } from './snapshot';
import {
  commanded,
  exited,
  fresh,
  group,
  groupConfig,
  joined,
  member,
  message,
  observation,
  observed,
  ofKind,
  run,
  spawned,
  T0,
  topic,
} from './test-fixtures';
import type { LabState } from './types';

const config = groupConfig('g1');

/** Lab group g1 with c1 (m1, partitions 0) and c2 (m2, partition 1), settled; last heartbeat T0+4000. */
function settledGroup(): LabState {
  return run(
    fresh(),
    { type: 'group/registered', config, at: T0 },
    spawned('c1', 'g1', T0),
    spawned('c2', 'g1', T0),
    joined('c1', 'm1', [0, 1], T0 + 300),
    message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 400 }),
    joined('c1', 'm1', [0], T0 + 600),
    joined('c2', 'm2', [1], T0 + 600),
    message('c1', { type: 'heartbeat', memberId: 'm1', generationId: 2, at: T0 + 4000 }),
    observed(observation(T0 + 1000, [group('g1', [member('m1', [0]), member('m2', [1])])])),
  );
}

describe('reduceObservation: connection and rates', () => {
  it('stores the observation and marks Kafka connected', () => {
    const obs = observation(T0 + 10, []);
    const next = reduceObservation(initialState('b', false, T0), obs);
    expect(next.observation).toBe(obs);
    expect(next.connection).toMatchObject({ kafka: 'connected', lastError: null, since: T0 + 10 });
    expect(next.partitionRates).toEqual({});
  });

  it('computes messages per second per partition from the last two observations', () => {
    const first = reduceObservation(
      initialState('b', false, T0),
      observation(T0, [], [topic('t', [100, 50])]),
    );
    const second = reduceObservation(
      first,
      observation(T0 + 2000, [], [topic('t', [160, 50, 7]), topic('u', [3])]),
    );
    expect(second.partitionRates).toEqual({ 't|0': 30, 't|1': 0, 't|2': 0, 'u|0': 0 });
  });

  it('never reports a negative rate (a recreated topic starts over)', () => {
    const first = reduceObservation(
      initialState('b', false, T0),
      observation(T0, [], [topic('t', [100])]),
    );
    const second = reduceObservation(first, observation(T0 + 1000, [], [topic('t', [5])]));
    expect(second.partitionRates).toEqual({ 't|0': 0 });
  });

  it('reports no rates when no time passed', () => {
    const first = reduceObservation(
      initialState('b', false, T0),
      observation(T0, [], [topic('t', [1])]),
    );
    const second = reduceObservation(first, observation(T0, [], [topic('t', [9])]));
    expect(second.partitionRates).toEqual({});
  });
});

describe('crash and eviction of a lab consumer', () => {
  it('keeps a crashed member in the group until Kafka drops it, then reports the eviction', () => {
    const crashed = run(settledGroup(), commanded('c1', 'crash', T0 + 5000));
    expect(crashed.consumers.c1?.phase).toBe('crashed');
    expect(crashed.consumers.c1?.memberId).toBe('m1');
    const snap = buildSnapshot(crashed, T0 + 5000);
    expect(snap.groups[0]?.members.map((m) => [m.memberId, m.consumerId])).toEqual([
      ['m1', 'c1'],
      ['m2', 'c2'],
    ]);
    expect(snap.groups[0]?.lanes.find((l) => l.consumerId === 'c1')?.evictionDueAt).toBe(
      T0 + 4000 + 6000,
    );

    // The coordinator has not noticed yet.
    const stillThere = run(
      crashed,
      observed(observation(T0 + 6000, [group('g1', [member('m1', [0]), member('m2', [1])])])),
    );
    expect(ofKind(stillThere, 'member-evicted')).toHaveLength(0);
    expect(stillThere.consumers.c1?.memberId).toBe('m1');

    const evicted = run(
      stillThere,
      observed(observation(T0 + 11_000, [group('g1', [member('m2', [0, 1])])])),
    );
    expect(evicted.consumers.c1).toMatchObject({
      phase: 'crashed',
      memberId: null,
      assignment: [],
    });
    const events = ofKind(evicted, 'member-evicted');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      at: T0 + 11_000,
      groupId: 'g1',
      durationMs: 6000,
      message: 'Coordinator evicted c1 (session timeout), 6.0 s after the crash',
    });
    expect(
      english({
        key: 'rebalance-started',
        params: { reason: evicted.groups.g1?.rebalance?.reason ?? '' },
      }),
    ).toBe('Rebalance started: c1 was evicted');
    const lanes = buildSnapshot(evicted).groups[0]?.lanes ?? [];
    expect(lanes.find((l) => l.consumerId === 'c1')).toBeUndefined();

    // Later polls do not report it again.
    const later = run(
      evicted,
      observed(observation(T0 + 12_000, [group('g1', [member('m2', [0, 1])])])),
    );
    expect(ofKind(later, 'member-evicted')).toHaveLength(1);
  });

  it('dates the eviction at the start of the rebalance it caused', () => {
    const evicted = run(
      settledGroup(),
      commanded('c1', 'crash', T0 + 5000),
      message('c2', { type: 'rebalancing', memberId: 'm2', at: T0 + 10_500 }),
      observed(observation(T0 + 11_000, [group('g1', [member('m2', [])], 'PreparingRebalance')])),
    );
    expect(ofKind(evicted, 'member-evicted')[0]).toMatchObject({
      at: T0 + 10_500,
      durationMs: 5500,
    });
  });

  it('does not evict a consumer that crashed before it ever joined', () => {
    const state = run(
      initialState('b', false, T0),
      { type: 'group/registered', config, at: T0 },
      spawned('c1', 'g1', T0),
      commanded('c1', 'crash', T0 + 100),
      observed(observation(T0 + 1000, [group('g1', [])])),
    );
    expect(ofKind(state, 'member-evicted')).toHaveLength(0);
  });

  it('does not treat a gracefully stopped member as evicted', () => {
    const state = run(
      settledGroup(),
      commanded('c1', 'stop', T0 + 5000),
      exited('c1', T0 + 5100),
      observed(observation(T0 + 6000, [group('g1', [member('m2', [0, 1])])])),
    );
    expect(ofKind(state, 'member-evicted')).toHaveLength(0);
    expect(ofKind(state, 'member-left')).toHaveLength(1);
  });
});

describe('groups the lab did not create', () => {
  it('reports members joining and leaving between two polls, not on the first', () => {
    const first = run(
      initialState('b', false, T0),
      observed(observation(T0, [group('ext', [member('a', [0]), member('b', [1])])])),
    );
    expect(first.timeline).toEqual([]);
    const second = run(
      first,
      observed(observation(T0 + 1000, [group('ext', [member('b', [0, 1]), member('c', [])])])),
    );
    expect(second.timeline.map((e) => [e.kind, e.groupId, e.message])).toEqual([
      ['member-joined', 'ext', 'client-c joined as c'],
      ['member-left', 'ext', 'client-a (a) left'],
    ]);
  });

  it('starts a rebalance with "membership changed" and completes it when Stable again', () => {
    const state = run(
      initialState('b', false, T0),
      observed(observation(T0, [group('ext', [member('a', [0, 1])])])),
      observed(
        observation(T0 + 1000, [
          group('ext', [member('a', [0, 1]), member('b', [])], 'PreparingRebalance'),
        ]),
      ),
    );
    expect(state.groups.ext?.rebalance).toMatchObject({
      startedAt: T0 + 1000,
      reason: { key: 'cause-membership', params: {} },
    });
    const done = run(
      state,
      observed(observation(T0 + 2500, [group('ext', [member('a', [0]), member('b', [1])])])),
    );
    expect(done.groups.ext?.rebalance).toBeNull();
    expect(done.timeline.at(-1)).toMatchObject({
      kind: 'rebalance-completed',
      groupId: 'ext',
      durationMs: 1500,
    });
  });

  it('gives a rebalance without a known cause to the coordinator', () => {
    const state = run(
      initialState('b', false, T0),
      observed(observation(T0, [group('ext', [member('a', [0])], 'CompletingRebalance')])),
    );
    expect(state.groups.ext?.rebalance?.reason).toEqual({ key: 'cause-coordinator', params: {} });
  });

  it('does not report membership of lab groups from polls', () => {
    const state = run(
      settledGroup(),
      observed(
        observation(T0 + 2000, [
          group('g1', [member('m1', [0]), member('m2', [1]), member('x', [])]),
        ]),
      ),
    );
    expect(state.timeline.filter((e) => e.message.includes('client-x'))).toEqual([]);
  });
});

describe('rebalances of lab groups seen by polls', () => {
  it('a rebalance only polls saw ends with the poll that shows Kafka settled', () => {
    const open = run(
      settledGroup(),
      observed(
        observation(T0 + 2000, [
          group('g1', [member('m1', []), member('m2', [])], 'PreparingRebalance'),
        ]),
      ),
    );
    expect(open.groups.g1?.rebalance?.startedAt).toBe(T0 + 2000);
    const stable = run(
      open,
      observed(observation(T0 + 3000, [group('g1', [member('m1', [0]), member('m2', [1])])])),
    );
    expect(stable.groups.g1?.rebalance).toBeNull();
    expect(stable.timeline.at(-1)).toMatchObject({ kind: 'rebalance-completed', durationMs: 1000 });
  });

  it('closes a lab rebalance at once when no lab consumer is live', () => {
    const state = run(
      initialState('b', false, T0),
      { type: 'group/registered', config, at: T0 },
      observed(observation(T0 + 1000, [group('g1', [], 'PreparingRebalance')])),
      observed(observation(T0 + 2000, [group('g1', [], 'Empty')])),
    );
    expect(state.groups.g1?.rebalance).toBeNull();
    expect(ofKind(state, 'rebalance-completed')).toHaveLength(1);
  });

  it('ignores a rebalancing state seen no later than the last completed rebalance', () => {
    const settled = settledGroup();
    expect(settled.groups.g1?.rebalanceEndedAt).toBe(T0 + 600);
    const stale = run(
      settled,
      observed(observation(T0 + 600, [group('g1', [member('m1', [0])], 'CompletingRebalance')])),
    );
    expect(stale.groups.g1?.rebalance).toBeNull();
    expect(ofKind(stale, 'rebalance-started')).toHaveLength(
      ofKind(settled, 'rebalance-started').length,
    );
  });
});
