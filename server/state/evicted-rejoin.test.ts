import { describe, expect, it } from 'vitest';
import { memberEvicted } from './membership';
import {
  commanded,
  groupConfig,
  joined,
  message,
  ofKind,
  replay,
  run,
  spawned,
  T0,
  TOPIC,
  twoConsumers,
} from './test-fixtures';

describe('a live consumer that rejoins under a new member id', () => {
  it('is recorded as evicted by the coordinator, and the next rebalance names it', () => {
    const state = replay(
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1', T0),
      joined('c1', 'm-old', [0, 1], T0 + 100),
      joined('c1', 'm-new', [0, 1], T0 + 9000),
    );
    const evicted = ofKind(state, 'member-evicted');
    expect(evicted).toHaveLength(1);
    expect(evicted[0]?.message).toMatch(
      /evicted c1 \(no heartbeat within the session timeout\); it rejoined as m-new/,
    );
    expect(state.consumers.c1?.memberId).toBe('m-new');
    // The eviction opened the group's rebalance, which names it.
    expect(ofKind(state, 'rebalance-completed').at(-1)?.message).toContain(
      '(c1 was evicted and rejoined)',
    );
  });

  it('a first join is just a join', () => {
    const state = replay(spawned('c1', 'g1', T0), joined('c1', 'm1', [0], T0 + 100));
    expect(ofKind(state, 'member-evicted')).toHaveLength(0);
    expect(ofKind(state, 'member-joined')).toHaveLength(1);
  });
});

describe('a crashed member seen gone after its rebalance', () => {
  it('does not open a second, empty rebalance that would replace the real one as the last', () => {
    let state = run(twoConsumers(), commanded('c2', 'crash', T0 + 2000));
    // The session timeout ran out: c1 rejoins and takes c2's partitions.
    state = run(
      state,
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 8000 }),
      joined('c1', 'm1', [0, 1, 2, 3], T0 + 8300, {
        generationId: 2,
        added: [{ topic: TOPIC, partitions: [2, 3] }],
      }),
    );
    const real = state.groups.g1?.lastRebalance;
    expect(real?.startedAt).toBe(T0 + 8000);
    expect(real?.pausedMs).toEqual({ [`${TOPIC}|2`]: 6300, [`${TOPIC}|3`]: 6300 });
    const startedBefore = ofKind(state, 'rebalance-started').length;
    // A poll a moment later no longer lists c2's member.
    const seen = memberEvicted(state, 'c2', 'm2', T0 + 9000, null);
    expect(ofKind(seen, 'member-evicted')).toHaveLength(1);
    expect(ofKind(seen, 'rebalance-started')).toHaveLength(startedBefore);
    expect(seen.groups.g1?.lastRebalance).toEqual(real);
    expect(seen.groups.g1?.rebalance).toBeNull();
  });
});
