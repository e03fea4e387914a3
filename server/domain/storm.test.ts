import { describe, expect, it } from 'vitest';
import {
  type RecentRebalance,
  rememberRebalance,
  STORM_COUNT,
  STORM_WINDOW_MS,
  stormOf,
} from './storm';

const T0 = 1_700_000_000_000;
const evicted = (s: number, id: string): RecentRebalance => ({
  at: T0 + s * 1000,
  reason: { key: 'cause-evicted', params: { id } },
});
const joined = (s: number, id: string): RecentRebalance => ({
  at: T0 + s * 1000,
  reason: { key: 'cause-joined', params: { id } },
});

describe('the rebalance storm verdict', () => {
  it('none for a few rebalances: a learner adding and crashing consumers', () => {
    const recent = [joined(0, 'c1'), joined(1, 'c2'), evicted(20, 'c2'), joined(30, 'c2')];
    expect(stormOf(recent, T0 + 31_000)).toBeNull();
  });

  it('a crash loop: a storm naming the member that flaps, and why, most often first', () => {
    // c2 crashes and comes back every 5 s: each time evicted, then joined again.
    const recent = Array.from({ length: 4 }, (_, i) => [
      evicted(i * 5, 'c2'),
      joined(i * 5 + 1, 'c2'),
    ]).flat();
    recent.push(joined(3, 'c3'));
    const storm = stormOf(recent, T0 + 20_000);
    expect(storm).toEqual({
      count: 9,
      windowMs: STORM_WINDOW_MS,
      members: ['c2', 'c3'],
      reasons: [
        { text: { key: 'cause-evicted', params: { id: 'c2' } }, count: 4 },
        { text: { key: 'cause-joined', params: { id: 'c2' } }, count: 4 },
        { text: { key: 'cause-joined', params: { id: 'c3' } }, count: 1 },
      ],
    });
  });

  it('clears once the rebalances have left the window', () => {
    const recent = Array.from({ length: STORM_COUNT }, (_, i) => evicted(i, 'c1'));
    expect(stormOf(recent, T0 + 10_000)?.count).toBe(STORM_COUNT);
    expect(stormOf(recent, T0 + STORM_WINDOW_MS + 1_000)).toBeNull();
  });

  it('keeps only what the window needs, and at most 50', () => {
    let recent: RecentRebalance[] = [];
    for (let s = 0; s < 400; s++) recent = rememberRebalance(recent, evicted(s, 'c1'));
    expect(recent).toHaveLength(50);
    expect(recent[0]?.at).toBe(T0 + 350_000);
    const sparse = rememberRebalance([evicted(0, 'c1')], evicted(STORM_WINDOW_MS / 1000 + 1, 'c1'));
    expect(sparse).toHaveLength(1);
  });
});
