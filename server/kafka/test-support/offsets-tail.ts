import { createKafka } from '../client';

/**
 * The floor for commit latency: a plain kafkajs consumer reading __consumer_offsets, noting when
 * a record about one group arrives. It does not decode records (the group id is found in the
 * key's bytes); it only answers "when did the next commit of that group reach a consumer".
 */
export async function startOffsetsTail(brokers: string[], groupId: string) {
  const consumer = createKafka({ brokers, clientId: 'offset-lab-floor' }).consumer({
    groupId: `offset-lab-floor-${Date.now()}`,
    maxWaitTimeInMs: 50,
  });
  const needle = Buffer.from(groupId);
  const arrivals: number[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: '__consumer_offsets', fromBeginning: false });
  // No commits: its own would land in __consumer_offsets and feed back into what it reads.
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      if (message.key?.includes(needle)) arrivals.push(Date.now());
    },
  });
  return {
    /** When the first record about the group after `since` arrived; null after `timeoutMs`. */
    waitNext: async (since: number, timeoutMs: number): Promise<number | null> => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = arrivals.find((at) => at >= since);
        if (hit !== undefined) return hit;
        await new Promise((r) => setTimeout(r, 5));
      }
      return null;
    },
    stop: () => consumer.disconnect(),
  };
}
