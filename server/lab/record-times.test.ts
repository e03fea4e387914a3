import { describe, expect, it } from 'vitest';
import type { ObserverResult } from '../../protocol/observer';
import { RecordTimes } from './record-times';

type Asked = { topic: string; partition: number; offset: number }[];

/** A reader that answers each offset with a timestamp of 1000 + offset, once `release` is called. */
function reader(timedOut: (offset: number) => boolean = () => false) {
  const calls: Asked[] = [];
  let release: () => void = () => undefined;
  const read = (partitions: Asked) => {
    calls.push(partitions);
    return new Promise<ObserverResult<'recordTimes'>>((resolve) => {
      release = () =>
        resolve({
          records: partitions.map((p) => ({
            ...p,
            logStartOffset: 0,
            logEndOffset: 100,
            recordOffset: timedOut(p.offset) ? null : p.offset,
            timestamp: timedOut(p.offset) ? null : 1000 + p.offset,
            timedOut: timedOut(p.offset),
          })),
        });
    });
  };
  return { calls, read, release: () => release() };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('record times for lag in seconds', () => {
  it('reads what was asked for in one batch, then answers from memory without reading again', async () => {
    const r = reader();
    const times = new RecordTimes(r.read, 1000);
    expect(times.lookup('t', 0, 5)).toBeUndefined();
    expect(times.lookup('t', 1, 7)).toBeUndefined();
    times.pump(10_000);
    expect(r.calls).toEqual([
      [
        { topic: 't', partition: 0, offset: 5 },
        { topic: 't', partition: 1, offset: 7 },
      ],
    ]);
    r.release();
    await settle();
    expect(times.lookup('t', 0, 5)).toEqual({ timestamp: 1005 });
    expect(times.lookup('t', 1, 7)).toEqual({ timestamp: 1007 });
    times.pump(20_000);
    expect(r.calls).toHaveLength(1);
    // A new committed offset is a new question.
    expect(times.lookup('t', 0, 6)).toBeUndefined();
    times.pump(30_000);
    expect(r.calls[1]).toEqual([{ topic: 't', partition: 0, offset: 6 }]);
  });

  it('one read at a time, at most one a second', async () => {
    const r = reader();
    const times = new RecordTimes(r.read, 1000);
    times.lookup('t', 0, 1);
    times.pump(10_000);
    times.lookup('t', 0, 2);
    times.pump(12_000);
    expect(r.calls).toHaveLength(1);
    r.release();
    await settle();
    times.pump(10_500);
    expect(r.calls).toHaveLength(1);
    times.pump(11_000);
    expect(r.calls).toHaveLength(2);
  });

  it('does not ask again at once for a partition that timed out or failed', async () => {
    const r = reader((offset) => offset === 9);
    const times = new RecordTimes(r.read, 0);
    times.lookup('t', 0, 9, 1);
    times.pump(1);
    r.release();
    await settle();
    expect(times.lookup('t', 0, 9, 2)).toBeUndefined();
    times.pump(2);
    expect(r.calls).toHaveLength(1);
    // Half a minute later it is asked again.
    expect(times.lookup('t', 0, 9, 30_001)).toBeUndefined();
    times.pump(30_001);
    expect(r.calls).toHaveLength(2);
  });

  it('one offset per partition per read: a group that moved on replaces the older question', () => {
    const r = reader();
    const times = new RecordTimes(r.read, 0);
    times.lookup('t', 0, 5, 1);
    times.lookup('t', 0, 8, 1);
    times.pump(1);
    expect(r.calls).toEqual([[{ topic: 't', partition: 0, offset: 8 }]]);
  });

  it('a record without a timestamp (-1) has no age', async () => {
    const times = new RecordTimes(
      async (asked) => ({
        records: asked.map((p) => ({
          ...p,
          logStartOffset: 0,
          logEndOffset: 10,
          recordOffset: p.offset,
          timestamp: -1,
          timedOut: false,
        })),
      }),
      0,
    );
    times.lookup('t', 0, 3, 1);
    times.pump(1);
    await settle();
    expect(times.lookup('t', 0, 3, 2)).toEqual({ timestamp: null });
  });
});
