import { describe, expect, it } from 'vitest';
import type { GroupInfo, GroupOffset } from '../../protocol/snapshot';
import { GroupMetrics } from './group-metrics';

const T0 = 1_700_000_000_000;
const offset = (committed: number | null, logEnd: number): GroupOffset => ({
  topic: 't',
  partition: 0,
  logStartOffset: 0,
  committedOffset: committed,
  processedOffset: null,
  logEndOffset: logEnd,
  lag: logEnd - (committed ?? 0),
  lagSeconds: 0,
  health: { verdict: 'OK', reason: '' },
  memberId: null,
});
const group = (groupId: string, o: GroupOffset) =>
  ({ groupId, offsets: [o], totalLag: o.lag }) as unknown as GroupInfo;

describe('GroupMetrics', () => {
  it('time to drain, per group and per partition: a consumer resumed after a pause', () => {
    const metrics = new GroupMetrics();
    // The producer writes 10 a second; the consumer stood at 0 for 20 s, then reads 30 a second.
    for (let s = 0; s <= 30; s++) {
      const committed = s <= 20 ? 0 : 30 * (s - 20);
      metrics.sample([group('g', offset(committed, 10 * s))], T0 + s * 1000);
    }
    const view = metrics.view('g', T0 + 30_000);
    // Lag 300 − 300 = 0 at s = 30: caught up; at s = 25, lag 250 − 150 = 100 at net 20/s.
    expect(view.drain).toMatchObject({ state: 'caught-up', consumePerSec: 30, producePerSec: 10 });
    const earlier = new GroupMetrics();
    for (let s = 0; s <= 25; s++) {
      const committed = s <= 20 ? 0 : 30 * (s - 20);
      earlier.sample([group('g', offset(committed, 10 * s))], T0 + s * 1000);
    }
    const at25 = earlier.view('g', T0 + 25_000);
    expect(at25.drain).toMatchObject({ state: 'draining', seconds: 5 });
    expect(at25.partition('t', 0, 150, 250).drain).toMatchObject({ state: 'draining', seconds: 5 });
  });

  it('turns a stopped group into lag seconds and STOP once a window passed', () => {
    const metrics = new GroupMetrics();
    // The log grows 10 a second; the group committed up to 50 and then stopped.
    for (let s = 0; s <= 30; s++)
      metrics.sample([group('g', offset(50, 50 + s * 10))], T0 + s * 1000);
    const view = metrics.view('g', T0 + 30_000);
    const p = view.partition('t', 0, 50, 350);
    expect(p.lagSeconds).toBeCloseTo(30, 0);
    expect(p.health.verdict).toBe('STOP');
    expect(view.lastCommitAt).toBeNull();
  });

  it('a commit it is told of keeps a lagging group from STOP: it is STALL when the offset stays', () => {
    const metrics = new GroupMetrics();
    for (let s = 0; s <= 30; s++) {
      metrics.sample([group('g', offset(50, 80))], T0 + s * 1000);
      metrics.commit('g', 't', 0, T0 + s * 1000);
    }
    expect(metrics.view('g', T0 + 30_000).partition('t', 0, 50, 80).health.verdict).toBe('STALL');
  });

  it('notes a moving committed offset as a commit, and forgets groups that are gone', () => {
    const metrics = new GroupMetrics();
    metrics.sample([group('g', offset(10, 20))], T0);
    metrics.sample([group('g', offset(15, 20))], T0 + 1000);
    expect(metrics.view('g', T0 + 1000).lastCommitAt).toBe(T0 + 1000);
    metrics.sample([], T0 + 2000);
    metrics.sample([], T0 + 3000);
    expect(metrics.view('g', T0 + 3000).lastCommitAt).toBeNull();
  });

  it('REWIND from the commit stream, even when no sample saw the offset before the reset', () => {
    const metrics = new GroupMetrics();
    // Samples saw nothing committed, then 0: the group read to 663 and was reset between two.
    metrics.sample([group('g', offset(null, 660))], T0);
    metrics.commit('g', 't', 0, T0 + 300, 600);
    metrics.commit('g', 't', 0, T0 + 500, 663);
    metrics.commit('g', 't', 0, T0 + 800, 0);
    metrics.sample([group('g', offset(0, 680))], T0 + 1000);
    const health = metrics.view('g', T0 + 1000).partition('t', 0, 0, 680).health;
    expect(health.verdict).toBe('REWIND');
    expect(health.reason).toContain('663 → 0');
    // A window later it is history.
    const later = T0 + 800 + 20_001;
    expect(metrics.view('g', later).partition('t', 0, 0, 680).health.verdict).not.toBe('REWIND');
  });

  it('commits that only move forward, or repeat, are no rewind', () => {
    const metrics = new GroupMetrics();
    for (const [i, o] of [10, 20, 20, 35].entries()) metrics.commit('g', 't', 0, T0 + i * 100, o);
    metrics.sample([group('g', offset(35, 40))], T0 + 1000);
    expect(metrics.view('g', T0 + 1000).partition('t', 0, 35, 40).health.verdict).toBe('OK');
  });

  it('a deleted offset starts afresh: committing lower after it is no rewind', () => {
    const metrics = new GroupMetrics();
    metrics.sample([group('g', offset(500, 600))], T0);
    metrics.commit('g', 't', 0, T0 + 100, 500);
    metrics.offsetDeleted('g', 't', 0);
    metrics.commit('g', 't', 0, T0 + 300, 20);
    metrics.sample([group('g', offset(null, 600))], T0 + 1000);
    expect(metrics.view('g', T0 + 1000).partition('t', 0, 20, 600).health.verdict).not.toBe(
      'REWIND',
    );
  });
});
