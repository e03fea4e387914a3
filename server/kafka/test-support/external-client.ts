import type { Consumer } from 'kafkajs';
import { createKafka } from '../client';

/**
 * Plain kafkajs clients that are not part of the lab: used by tests and benches to check the lab
 * against Kafka directly, and to play "someone else's" consumer group.
 */
export async function fetchCommitted(
  brokers: string[],
  groupId: string,
  topic: string,
): Promise<Map<number, number | null>> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(
      (result?.partitions ?? []).map((p) => [
        p.partition,
        Number(p.offset) >= 0 ? Number(p.offset) : null,
      ]),
    );
  } finally {
    await admin.disconnect();
  }
}

export async function describeProtocol(brokers: string[], groupId: string): Promise<string> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.protocol ?? '';
  } finally {
    await admin.disconnect();
  }
}

export interface ExternalConsumer {
  consumed: () => number;
  stop: () => Promise<void>;
}

/** A consumer group the lab did not create: joins, consumes and commits like any application. */
export async function startExternalConsumer(
  brokers: string[],
  groupId: string,
  topic: string,
): Promise<ExternalConsumer> {
  const consumer: Consumer = createKafka({ brokers, clientId: 'someone-elses-app' }).consumer({
    groupId,
    sessionTimeout: 6000,
    heartbeatInterval: 1000,
  });
  let count = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async () => {
      count++;
    },
  });
  return { consumed: () => count, stop: () => consumer.disconnect() };
}

/** Produces `count` plain messages with acks=all; returns the partitions they landed on. */
export async function produceRaw(
  brokers: string[],
  topic: string,
  count: number,
  key?: string,
): Promise<number[]> {
  const producer = createKafka({ brokers, clientId: 'offset-lab-check' }).producer();
  await producer.connect();
  try {
    const result = await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: count }, (_, i) => ({ key: key ?? `k${i}`, value: `m${i}` })),
    });
    return result.map((r) => r.partition);
  } finally {
    await producer.disconnect();
  }
}

export interface RawMessage {
  partition: number;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
  timestamp?: number;
}

/** Produces exactly these messages (partition, key, headers, timestamp as given), acks=all. */
export async function produceMessages(
  brokers: string[],
  topic: string,
  messages: RawMessage[],
): Promise<void> {
  const producer = createKafka({ brokers, clientId: 'offset-lab-check' }).producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({
        partition: m.partition,
        key: m.key,
        value: m.value,
        headers: m.headers,
        timestamp: m.timestamp === undefined ? undefined : String(m.timestamp),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Every topic and group id on the cluster, read directly with kafkajs' admin client. */
export async function listTopicsAndGroups(
  brokers: string[],
): Promise<{ topics: string[]; groups: string[] }> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    const [topics, { groups }] = await Promise.all([admin.listTopics(), admin.listGroups()]);
    return { topics, groups: groups.map((g) => g.groupId) };
  } finally {
    await admin.disconnect();
  }
}

/** A topic with these configs (cleanup.policy, retention.ms, …), read directly with kafkajs. */
export async function createTopicWith(
  brokers: string[],
  topic: string,
  partitions: number,
  configs: Record<string, string> = {},
): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        {
          topic,
          numPartitions: partitions,
          configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
        },
      ],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Commits these offsets for a group with no members (someone else's stopped group). */
export async function setGroupOffsets(
  brokers: string[],
  groupId: string,
  topic: string,
  offsets: { partition: number; offset: number }[],
): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    await admin.setOffsets({
      groupId,
      topic,
      partitions: offsets.map((o) => ({ partition: o.partition, offset: String(o.offset) })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** The first record at or after `offset` as kafkajs reads it: its offset and timestamp. */
export async function recordAtOrAfter(
  brokers: string[],
  topic: string,
  partition: number,
  offset: number,
  timeoutMs = 20_000,
): Promise<{ offset: number; timestamp: number }> {
  const kafka = createKafka({ brokers, clientId: 'offset-lab-check' });
  const consumer = kafka.consumer({
    groupId: `offset-lab-peek-${Math.random().toString(36).slice(2, 10)}`,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const found = new Promise<{ offset: number; timestamp: number }>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no record at or after ${topic}/${partition}@${offset}`)),
        timeoutMs,
      );
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition: p, message }) => {
            if (p === partition && Number(message.offset) >= offset)
              resolve({ offset: Number(message.offset), timestamp: Number(message.timestamp) });
          },
        })
        .catch(reject);
    });
    consumer.seek({ topic, partition, offset: String(offset) });
    return await found;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
