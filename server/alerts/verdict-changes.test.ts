import { describe, expect, it } from 'vitest';
import { alertMessageSchema } from '../../protocol/alerts';
import type { GroupSummary, Verdict } from '../../protocol/group';
import { VERDICT_TEXT } from '../../protocol/group';
import { VerdictChanges } from './verdict-changes';

const T0 = 1_700_000_000_000;

function row(
  groupId: string,
  verdict: Verdict,
  storm = false,
  retention: GroupSummary['retention'] = { state: 'safe', secondsLeft: null, lost: 0 },
): GroupSummary {
  return {
    groupId,
    lab: true,
    type: 'classic',
    protocol: 'range',
    state: 'Stable',
    members: 2,
    topics: ['trades'],
    partitions: 4,
    totalLag: verdict === 'OK' ? 0 : 120,
    lagSeconds: verdict === 'OK' ? 0 : 12,
    health: { verdict, reason: VERDICT_TEXT[verdict] },
    storm: storm
      ? {
          count: 6,
          windowMs: 120_000,
          members: ['c2'],
          reasons: [{ text: { key: 'cause-evicted', params: { id: 'c2' } }, count: 3 }],
        }
      : null,
    retention,
    lastCommitAt: null,
    lagTrend: [],
  };
}

describe('verdict changes for the alert webhook', () => {
  it('says nothing of healthy groups on the first look, and at once of one in trouble', () => {
    const changes = new VerdictChanges('run');
    const first = changes.observe([row('a', 'OK'), row('b', 'STOP')], T0);
    expect(first.map((c) => [c.groupId, c.previous, c.verdict])).toEqual([['b', null, 'STOP']]);
    expect(() => alertMessageSchema.parse(first[0])).not.toThrow();
  });

  it('one message per change, none while a verdict holds, with the figures behind it', () => {
    const changes = new VerdictChanges('run');
    changes.observe([row('a', 'OK')], T0);
    expect(changes.observe([row('a', 'OK')], T0 + 1000)).toEqual([]);
    const warn = changes.observe([row('a', 'WARN')], T0 + 2000);
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({
      groupId: 'a',
      previous: 'OK',
      verdict: 'WARN',
      reason: VERDICT_TEXT.WARN,
      figures: {
        totalLag: 120,
        lagSeconds: 12,
        members: 2,
        partitions: 4,
        rebalances: null,
        lost: 0,
        retentionSecondsLeft: null,
      },
      at: T0 + 2000,
    });
    expect(changes.observe([row('a', 'WARN')], T0 + 3000)).toEqual([]);
    const stop = changes.observe([row('a', 'STOP')], T0 + 4000);
    const ok = changes.observe([row('a', 'OK')], T0 + 5000);
    expect([...stop, ...ok].map((c) => `${c.previous}→${c.verdict}`)).toEqual([
      'WARN→STOP',
      'STOP→OK',
    ]);
    const ids = [...warn, ...stop, ...ok].map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('a storm starting and ending is a change of its own, naming who flaps and why', () => {
    const changes = new VerdictChanges('run');
    changes.observe([row('a', 'OK')], T0);
    const [start] = changes.observe([row('a', 'OK', true)], T0 + 1000);
    expect(start).toMatchObject({ verdict: 'OK', storm: true, previousStorm: false });
    expect(start?.reason).toContain('6 rebalances in 2 min (c2)');
    expect(start?.reason).toContain('×3');
    expect(start?.figures.rebalances).toBe(6);
    const [end] = changes.observe([row('a', 'OK')], T0 + 2000);
    expect(end).toMatchObject({ storm: false, previousStorm: true });
  });

  it('forgets a group that is gone: back again, it is seen afresh', () => {
    const changes = new VerdictChanges('run');
    changes.observe([row('a', 'STOP')], T0);
    changes.observe([], T0 + 1000);
    const again = changes.observe([row('a', 'STOP')], T0 + 2000);
    expect(again.map((c) => c.previous)).toEqual([null]);
  });

  it('retention at risk, then lost, then safe again: each a change, with its figures', () => {
    const changes = new VerdictChanges('run');
    changes.observe([row('a', 'STOP')], T0);
    const risk = changes.observe(
      [row('a', 'STOP', false, { state: 'at-risk', secondsLeft: 40, lost: 0 })],
      T0 + 1000,
    );
    expect(risk[0]).toMatchObject({
      verdict: 'STOP',
      previous: 'STOP',
      retention: 'at-risk',
      previousRetention: 'ok',
      figures: { retentionSecondsLeft: 40, lost: 0 },
    });
    expect(risk[0]?.reason).toContain('may delete the next message to read in 40 s');
    const lost = changes.observe(
      [row('a', 'STOP', false, { state: 'lost', secondsLeft: 0, lost: 12 })],
      T0 + 2000,
    );
    expect(lost[0]).toMatchObject({ retention: 'lost', figures: { lost: 12 } });
    expect(lost[0]?.reason).toContain('deleted 12 messages');
    // "unknown" (configs not read yet) is no alarm.
    const unknown = changes.observe(
      [row('a', 'STOP', false, { state: 'unknown', secondsLeft: null, lost: 0 })],
      T0 + 3000,
    );
    expect(unknown[0]).toMatchObject({ retention: 'ok', previousRetention: 'lost' });
  });
});
