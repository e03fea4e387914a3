import type { Consumer } from 'kafkajs';
import { createKafka } from '../client';

export interface ExternalCommitter {
  /** Commits `offset` for the partition as this group member; resolves once the broker acked. */
  commit: (partition: number, offset: number) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A kafkajs consumer (classic protocol) in its own group that reads nothing on its own and
 * commits exactly the offsets a test tells it to, so a test knows when each commit was made.
 */
export async function startExternalCommitter(
  brokers: string[],
  groupId: string,
  topic: string,
): Promise<ExternalCommitter> {
  const consumer: Consumer = createKafka({ brokers, clientId: 'someone-elses-committer' }).consumer(
    { groupId, sessionTimeout: 6000, heartbeatInterval: 1000 },
  );
  await consumer.connect();
  const joined = new Promise<void>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
  });
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  await joined;
  return {
    commit: (partition, offset) =>
      consumer.commitOffsets([{ topic, partition, offset: String(offset) }]),
    stop: () => consumer.disconnect(),
  };
}
