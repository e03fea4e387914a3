import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '../test-support/wait-for';
import { createKafka } from './client';

// The calls the lab depends on, against the real broker: the evidence for the Kafka version choice.
describe('kafkajs against the embedded Kafka broker', () => {
  const brokers = inject('brokers');
  const kafka = createKafka({ brokers, clientId: 'smoke' });
  const admin = kafka.admin();
  const topic = `smoke-${randomUUID()}`;
  const groupId = `smoke-group-${randomUUID()}`;

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  });
  afterAll(async () => {
    await admin.disconnect();
  });

  it('produces, consumes in a group, commits, describes and fetches offsets', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [0, 1, 2, 3].map((i) => ({ key: `k${i}`, value: String(i) })),
    });
    await producer.disconnect();

    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        seen.push(message.value?.toString() ?? '');
        await consumer.commitOffsets([
          { topic, partition, offset: String(Number(message.offset) + 1) },
        ]);
      },
    });
    await waitFor('4 messages', () => seen.length === 4);
    const { groups } = await admin.describeGroups([groupId]);
    expect(groups[0]?.state).toBe('Stable');
    expect(groups[0]?.members).toHaveLength(1);
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = (offsets?.partitions ?? []).reduce(
      (sum, p) => sum + Math.max(0, Number(p.offset)),
      0,
    );
    expect(committed).toBe(4);
    expect(seen.sort()).toEqual(['0', '1', '2', '3']);
    await consumer.disconnect();
  });

  it('adds partitions and runs a transaction', async () => {
    await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets).toHaveLength(3);

    const tx = kafka.producer({
      transactionalId: `tx-${topic}`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await tx.connect();
    const transaction = await tx.transaction();
    await transaction.send({ topic, messages: [{ key: 'tx', value: 'committed' }] });
    await transaction.commit();
    await tx.disconnect();
    // 4 earlier messages + 1 transactional message + 1 commit marker. The broker writes the marker
    // after EndTxn returns, and kafkajs lists offsets read_committed, so wait for it.
    const total = await waitFor('the transaction to be visible', async () => {
      const after = await admin.fetchTopicOffsets(topic);
      const sum = after.reduce((acc, p) => acc + Number(p.high), 0);
      return sum === 6 ? sum : undefined;
    });
    expect(total).toBe(6);
  });
});
