import { describe, expect, it } from 'vitest';
import { groupConfig, joined, ofKind, replay, spawned, T0 } from './test-fixtures';

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
