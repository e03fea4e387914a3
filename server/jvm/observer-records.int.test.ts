import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { produceMessages, type RawMessage } from '../kafka/test-support/external-client';
import { JvmObserver } from './jvm-observer';

describe('the message browser reads what Kafka has, without a group', () => {
  const brokers = inject('brokers');
  const topic = `browse-${randomUUID().slice(0, 8)}`;
  const t0 = Date.now() - 3_600_000;
  const sent: RawMessage[] = Array.from({ length: 30 }, (_, i) => ({
    partition: 0,
    key: `k${i}`,
    value: JSON.stringify({ n: i, symbol: 'BTC' }),
    headers: { trace: `t${i}` },
    timestamp: t0 + i * 1000,
  }));
  const binary = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
  const big = 'x'.repeat(20 * 1024);
  let observer: JvmObserver;

  beforeAll(async () => {
    observer = new JvmObserver({ rootDir: process.cwd(), brokers });
    await observer.createTopic(topic, 2, 1);
    await produceMessages(brokers, topic, [
      ...sent,
      { partition: 0, key: null, value: binary, timestamp: t0 + 30_000 },
      { partition: 0, key: 'big', value: big, timestamp: t0 + 31_000 },
    ]);
  });
  afterAll(async () => {
    await observer?.close();
  });

  it('from an offset: the records at that offset, with key, value, headers and timestamp', async () => {
    const page = await observer.readRecords({
      topic,
      partition: 0,
      from: 'offset',
      value: 5,
      limit: 10,
      isolation: 'read_uncommitted',
    });
    expect(page.logStartOffset).toBe(0);
    expect(page.logEndOffset).toBe(32);
    expect(page.from).toBe(5);
    expect(page.nextOffset).toBe(15);
    expect(page.records.map((r) => r.offset)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const r of page.records) {
      const m = sent[r.offset] as RawMessage;
      expect(r.key).toBe(m.key);
      expect(r.value).toBe(m.value);
      expect(r.timestamp).toBe(m.timestamp);
      expect(r.headers).toEqual([
        {
          key: 'trace',
          value: `t${r.offset}`,
          valueEncoding: 'utf8',
          valueSize: `t${r.offset}`.length,
        },
      ]);
    }
  });

  it('from a time: the first record at or after it', async () => {
    const page = await observer.readRecords({
      topic,
      partition: 0,
      from: 'timestamp',
      value: t0 + 12_500,
      limit: 2,
      isolation: 'read_uncommitted',
    });
    expect(page.records.map((r) => [r.offset, r.timestamp])).toEqual([
      [13, t0 + 13_000],
      [14, t0 + 14_000],
    ]);
  });

  it('the last N: bytes that are not text come as base64, long values cut and said so', async () => {
    const page = await observer.readRecords({
      topic,
      partition: 0,
      from: 'end',
      value: 3,
      limit: 20,
      isolation: 'read_uncommitted',
    });
    expect(page.records.map((r) => r.offset)).toEqual([29, 30, 31]);
    const [, bin, long] = page.records;
    expect(bin?.key).toBeNull();
    expect(bin?.valueEncoding).toBe('base64');
    expect(Buffer.from(bin?.value ?? '', 'base64').equals(binary)).toBe(true);
    expect(long?.valueSize).toBe(big.length);
    expect(long?.valueTruncated).toBe(true);
    expect(long?.value?.length).toBe(16 * 1024);
    expect(page.nextOffset).toBe(32);
  });

  it('an empty partition and a time after the last record give no records', async () => {
    const empty = await observer.readRecords({
      topic,
      partition: 1,
      from: 'offset',
      value: 0,
      limit: 20,
      isolation: 'read_uncommitted',
    });
    expect(empty.records).toEqual([]);
    expect(empty.logEndOffset).toBe(0);
    const future = await observer.readRecords({
      topic,
      partition: 0,
      from: 'timestamp',
      value: Date.now() + 60_000,
      limit: 5,
      isolation: 'read_uncommitted',
    });
    expect(future.records).toEqual([]);
    expect(future.from).toBe(32);
  });
});
