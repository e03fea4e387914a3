import { describe, expect, it } from 'vitest';
import { groupRetention, retentionMsOf, retentionRisk } from './retention';

const HOUR = { 'retention.ms': '3600000', 'cleanup.policy': 'delete' };
const base = {
  committed: 100,
  logStart: 0,
  logEnd: 150,
  lag: 50,
  lagSeconds: 60,
  lagSecondsKnown: true,
  configs: HOUR,
};

describe('retention at risk', () => {
  it('safe while the next record is young against retention.ms, with klag-exporter’s figures', () => {
    expect(retentionRisk(base)).toEqual({
      state: 'safe',
      secondsLeft: 3540,
      lost: 0,
      marginOffsets: 100,
      lagRetentionRatio: 33.3,
    });
  });

  it('at risk once less than a quarter of retention.ms is left for the next record', () => {
    expect(retentionRisk({ ...base, lagSeconds: 2700 }).state).toBe('safe');
    expect(retentionRisk({ ...base, lagSeconds: 2701 })).toMatchObject({
      state: 'at-risk',
      secondsLeft: 899,
    });
  });

  it('lost once the committed offset is below the log start: how many', () => {
    expect(retentionRisk({ ...base, committed: 3, logStart: 10, lag: 140 })).toEqual({
      state: 'lost',
      secondsLeft: 0,
      lost: 7,
      marginOffsets: -7,
      lagRetentionRatio: 100,
    });
  });

  it('never at risk on a compacted topic or with retention.ms -1; unknown before the configs', () => {
    const long = { ...base, lagSeconds: 10_000_000 };
    expect(retentionRisk({ ...long, configs: { 'cleanup.policy': 'compact' } }).state).toBe('safe');
    expect(retentionRisk({ ...long, configs: { 'retention.ms': '-1' } }).state).toBe('safe');
    expect(
      retentionRisk({
        ...long,
        configs: { 'cleanup.policy': 'compact,delete', 'retention.ms': '1000' },
      }).state,
    ).toBe('at-risk');
    expect(retentionRisk({ ...long, configs: null }).state).toBe('unknown');
    // Its age only a lower bound while the record is read: the time left is not known yet.
    expect(retentionRisk({ ...base, lagSecondsKnown: false }).state).toBe('unknown');
    expect(retentionRisk({ ...base, lag: 0, configs: null }).state).toBe('safe');
    expect(retentionMsOf({})).toBeNull();
  });

  it('a group takes its worst partition, the least time left, and every lost message', () => {
    const safe = retentionRisk(base);
    const risky = retentionRisk({ ...base, lagSeconds: 3000 });
    const lost = retentionRisk({ ...base, committed: 3, logStart: 10 });
    expect(groupRetention([safe, risky])).toMatchObject({ state: 'at-risk', secondsLeft: 600 });
    expect(groupRetention([safe, lost, lost])).toMatchObject({ state: 'lost', lost: 14 });
    expect(groupRetention([])).toMatchObject({ state: 'safe', lost: 0 });
    const unknown = retentionRisk({ ...base, configs: null });
    expect(groupRetention([safe, unknown]).state).toBe('unknown');
    expect(groupRetention([unknown, risky]).state).toBe('at-risk');
  });
});
