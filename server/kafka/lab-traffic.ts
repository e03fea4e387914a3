import { randomUUID } from 'node:crypto';
import type { KeyMode } from '../../protocol/commands';
import { createKafka } from './client';
import { LabProducer } from './lab-producer';

/**
 * A topic with the lab's trade producer writing to it, for tests and benches that drive lab
 * consumers directly (without the lab's server).
 */
export interface LabTraffic {
  runId: string;
  producer: LabProducer;
  stop: () => Promise<void>;
}

export async function createTopic(
  brokers: string[],
  topic: string,
  partitions: number,
): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Trades at `rate` msg/s; `keyMode` 'none' spreads them evenly over any number of partitions. */
export function startTraffic(
  brokers: string[],
  topic: string,
  partitions: number,
  rate: number,
  keyMode: KeyMode = 'symbol',
): LabTraffic {
  const runId = randomUUID();
  const producer = new LabProducer({
    brokers,
    runId,
    settings: { topic, rate, keyMode, acks: 'all', idempotent: true, paused: false },
    partitionCount: () => partitions,
  });
  producer.start();
  return { runId, producer, stop: () => producer.stop() };
}

/** DescribeGroups (classic groups): state and member ids, as the coordinator sees them now. */
export async function describeGroup(
  brokers: string[],
  groupId: string,
): Promise<{ state: string; memberIds: string[] }> {
  const admin = createKafka({ brokers, clientId: 'offset-lab-check' }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    return {
      state: group?.state ?? 'Unknown',
      memberIds: group?.members.map((m) => m.memberId) ?? [],
    };
  } finally {
    await admin.disconnect();
  }
}
