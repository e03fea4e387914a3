import { describe, expect, it } from 'vitest';
import { GroupAudit, SeqSet } from './seq-set';

describe('SeqSet', () => {
  it('grows past its initial size and reports duplicates', () => {
    const set = new SeqSet();
    expect(set.add(100_000)).toBe(true);
    expect(set.add(100_000)).toBe(false);
    expect(set.has(100_000)).toBe(true);
    expect(set.has(99_999)).toBe(false);
    expect(set.size).toBe(1);
    expect(set.max).toBe(100_000);
  });
});

describe('GroupAudit', () => {
  it('counts duplicates and acked messages never processed', () => {
    const acked = new SeqSet();
    acked.addRange(0, 9);
    const audit = new GroupAudit();
    audit.record([0, 1, 2, 3, 3, 4, 5, 5, 9]);
    expect(audit.summary(acked)).toEqual({ processed: 9, unique: 7, duplicates: 2, missing: 3 });
  });
});

describe('missingFrom with a starting seq', () => {
  it('ignores acked seqs before the first one the group could see', () => {
    const acked = new SeqSet();
    acked.addRange(0, 20);
    const audit = new GroupAudit();
    audit.record([11, 12, 14, 15, 16, 17, 18, 19, 20]);
    expect(audit.summary(acked).missing).toBe(1);
    expect(audit.processed.missingFrom(acked, 0)).toBe(12);
  });

  it('reports nothing missing before a group processed anything', () => {
    const acked = new SeqSet();
    acked.addRange(0, 5);
    expect(new GroupAudit().summary(acked).missing).toBe(0);
  });
});
