import { randomUUID } from 'node:crypto';
import { createKafka } from '../client';

export interface ReadRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  /** The bytes as they are on the broker, for byte-for-byte comparisons. */
  keyBytes: Buffer | null;
  valueBytes: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Everything a topic holds now, as one isolation level sees it: a kafkajs consumer in a group of
 * its own reads from the beginning until each partition's fetched batches reach the end offset
 * the topic had when the read began (batches of markers or aborted records count too).
 */
export async function readTopic(
  brokers: string[],
  topic: string,
  isolation: 'read_committed' | 'read_uncommitted' = 'read_committed',
  timeoutMs = 60_000,
): Promise<ReadRecord[]> {
  const kafka = createKafka({ brokers, clientId: 'offset-lab-check' });
  const admin = kafka.admin();
  const groupId = `offset-lab-read-${randomUUID().slice(0, 8)}`;
  const consumer = kafka.consumer({
    groupId,
    readUncommitted: isolation === 'read_uncommitted',
    sessionTimeout: 6000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 500,
  });
  const records: ReadRecord[] = [];
  const reached = new Map<number, number>();
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const next = Number(payload.lastOffset) + 1;
    reached.set(payload.partition, Math.max(next, reached.get(payload.partition) ?? 0));
  });
  await admin.connect();
  await consumer.connect();
  try {
    const end = new Map(
      (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]),
    );
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        records.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          keyBytes: message.key ?? null,
          valueBytes: message.value ?? null,
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          ),
        });
      },
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ([...end].every(([partition, high]) => (reached.get(partition) ?? 0) >= high))
        return records;
      if (Date.now() > deadline) throw new Error(`reading ${topic} did not reach its end`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
