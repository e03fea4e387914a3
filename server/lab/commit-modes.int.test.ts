import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dlqTopicOf, outputTopicOf } from '../../protocol/delivery';
import type { WorkerMessage } from '../../protocol/ipc';
import type { OffsetLab } from '../app';
import { parseDeadLetterHeaders } from '../domain/dead-letter-headers';
import { produceMessages, produceRaw } from '../kafka/test-support/external-client';
import { readTopic } from '../kafka/test-support/read-topic';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { stableLabGroup } from '../test-support/lab-groups';
import { waitFor } from '../test-support/wait-for';

const CLIENTS = ['kafkajs', 'java'] as const;

describe('commit modes on a real broker: batch, retry + DLQ, exactly-once', () => {
  const brokers = inject('brokers');
  let app: OffsetLab;
  let client: LabClient;
  /** Every worker message of the lab's consumers, by consumer id. */
  const messages = new Map<string, WorkerMessage[]>();

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty'));
    app.lab.on('worker-message', (id: string, message: WorkerMessage) => {
      messages.set(id, [...(messages.get(id) ?? []), message]);
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const topicFor = async (prefix: string, partitions: number) => {
    const topic = `${prefix}-${randomUUID().slice(0, 8)}`;
    await client.ok({ type: 'topic:create', topic, partitions });
    return topic;
  };

  const poisonCount = (topic: string) =>
    [...app.lab.producer.poisonOffsets(topic).values()].reduce((n, s) => n + s.size, 0);

  /** The trade seqs of this server run in records read back from a topic. */
  const seqsOf = (records: { value: string | null }[]) =>
    records.flatMap((r) => {
      try {
        const t = JSON.parse(r.value ?? '') as { run?: string; seq?: number };
        return t.run === app.lab.runId && typeof t.seq === 'number' ? [t.seq] : [];
      } catch {
        return [];
      }
    });

  it.each(CLIENTS)(
    'batch (%s) commits at every 100th processed message, and the rest once it waited the interval',
    async (kind) => {
      const RECORDS = 550;
      const topic = await topicFor(`batch-${kind}`, 3);
      await produceRaw(brokers, topic, RECORDS);
      const { consumerIds } = await stableLabGroup(client, topic, {
        consumers: 1,
        client: kind,
        commitMode: 'batch',
        batchCommitEvery: 100,
        batchCommitIntervalMs: 3000,
      });
      const id = consumerIds[0] ?? '';
      const commits = () => (messages.get(id) ?? []).filter((m) => m.type === 'committed');
      // The total committed after each commit: each commit carries its partitions' new offsets.
      const totals = () => {
        const latest = new Map<number, number>();
        return commits().map((m) => {
          for (const o of m.offsets) latest.set(o.partition, o.offset);
          return [...latest.values()].reduce((a, b) => a + b, 0);
        });
      };
      await waitFor(`all ${RECORDS} committed`, () => totals().at(-1) === RECORDS, 60_000).catch(
        (error: Error) => {
          throw new Error(`${error.message}; committed totals: ${totals().join(', ')}`);
        },
      );
      console.log(`batch ${kind}: committed totals ${totals().join(', ')}`);
      expect(totals()).toEqual([100, 200, 300, 400, 500, 550]);
    },
  );

  it.each(CLIENTS)(
    'retry + DLQ (%s): every poison message in the DLQ once, with its origin; good ones all processed',
    async (kind) => {
      const topic = await topicFor(`dlq-${kind}`, 3);
      const { groupId } = await stableLabGroup(client, topic, {
        consumers: 2,
        client: kind,
        dlq: true,
        retryAttempts: 3,
        retryBackoffMs: 20,
      });
      await client.ok({
        type: 'producer:update',
        topic,
        rate: 100,
        poisonPercent: 10,
        paused: false,
      });
      await waitFor('20 poison messages acked', () => poisonCount(topic) >= 20, 60_000);
      await client.ok({ type: 'producer:update', paused: true, poisonPercent: 0 });
      const group = await waitFor(
        'every good message processed and every poison one dead-lettered',
        async () => {
          const g = await client.group(groupId);
          return g?.totalLag === 0 &&
            g.audit?.missing === 0 &&
            g.deadLetters?.count === poisonCount(topic)
            ? g
            : undefined;
        },
        90_000,
      );
      const poison = app.lab.producer.poisonOffsets(topic);
      const dlq = await readTopic(brokers, dlqTopicOf(topic));
      const origins = dlq.map((r) => parseDeadLetterHeaders(r.headers));
      const keys = origins.map((o) => `${o?.partition}@${o?.offset}`);
      console.log(
        `dlq ${kind}: ${poisonCount(topic)} poison sent, ${dlq.length} in ${dlqTopicOf(topic)}, ${new Set(keys).size} distinct, audit ${JSON.stringify(group.audit)}`,
      );
      expect(dlq).toHaveLength(poisonCount(topic));
      expect(new Set(keys).size).toBe(dlq.length);
      for (const o of origins) {
        expect(o).toMatchObject({ topic, attempts: 3 });
        expect(poison.get(o?.partition ?? -1)?.has(o?.offset ?? -1)).toBe(true);
        expect(o?.error).toMatch(/^(malformed JSON|bad price: -)/);
      }
      expect(group.audit?.duplicates).toBe(0);
      expect(group.deadLetters?.retries).toBe(2 * poisonCount(topic));
      const told = app.lab.state.timeline.filter(
        (e) => e.kind === 'dead-lettered' && e.groupId === groupId,
      );
      expect(told[0]?.message).toMatch(
        new RegExp(
          `2 retries of P\\d+@\\d+ \\((malformed JSON|bad price)\\), then sent to ${dlqTopicOf(topic)}@\\d+`,
        ),
      );
    },
  );

  it.each(CLIENTS)(
    'retry + DLQ (%s): a poison record that is not UTF-8 arrives in the DLQ byte for byte',
    async (kind) => {
      const topic = await topicFor(`dlq-bytes-${kind}`, 1);
      // Invalid UTF-8 (a lone continuation byte, an overlong form, a NUL, 0xff): a string round
      // trip would turn these into U+FFFD and change the record.
      const key = Buffer.from([0x6b, 0xff, 0x00, 0x80]);
      const value = Buffer.from([0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x00, 0x7d]);
      await produceMessages(brokers, topic, [
        { partition: 0, key, value, headers: { trace: 'abc-123' } },
      ]);
      const { groupId } = await stableLabGroup(client, topic, {
        consumers: 1,
        client: kind,
        dlq: true,
        retryAttempts: 1,
        retryBackoffMs: 10,
      });
      await waitFor(
        'the poison record dead-lettered',
        async () => ((await client.group(groupId))?.deadLetters?.count ?? 0) >= 1,
        60_000,
      );
      const [letter, ...more] = await readTopic(brokers, dlqTopicOf(topic));
      expect(more).toEqual([]);
      expect(letter?.keyBytes?.equals(key), 'key bytes').toBe(true);
      expect(letter?.valueBytes?.equals(value), 'value bytes').toBe(true);
      expect(letter?.headers.trace).toBe('abc-123');
      expect(parseDeadLetterHeaders(letter?.headers ?? {})).toMatchObject({
        topic,
        partition: 0,
        offset: 0,
      });
    },
  );

  it.each(CLIENTS)(
    'exactly-once (%s): partitions added to the input are added to <topic>.out, nothing missing',
    async (kind) => {
      const topic = await topicFor(`eos-grow-${kind}`, 2);
      const { groupId } = await stableLabGroup(client, topic, {
        consumers: 1,
        client: kind,
        commitMode: 'exactly-once',
      });
      // Random keys: every partition gets trades, the new ones too.
      await client.ok({
        type: 'producer:update',
        topic,
        rate: 60,
        keyMode: 'random',
        paused: false,
      });
      await waitFor(
        'output before the change',
        async () => ((await client.group(groupId))?.outputAudit?.processed ?? 0) >= 20,
        60_000,
      );
      const result = (await client.ok({ type: 'topic:add-partitions', topic, count: 4 })) as {
        grown: string[];
      };
      expect(result.grown).toEqual([outputTopicOf(topic)]);
      const outPartitions = (await client.state()).topics.find(
        (t) => t.name === outputTopicOf(topic),
      )?.partitions.length;
      expect(outPartitions).toBe(4);
      await waitFor(
        'the new partitions read and committed',
        async () => {
          const g = await client.group(groupId);
          return [2, 3].every(
            (p) => (g?.offsets.find((o) => o.partition === p)?.committedOffset ?? 0) > 5,
          );
        },
        60_000,
      ).catch(async (error: Error) => {
        const g = await client.group(groupId);
        const s = await client.state();
        throw new Error(
          `${error.message}\noffsets ${JSON.stringify(g?.offsets.map((o) => [o.partition, o.committedOffset, o.logEndOffset]))}\nlanes ${JSON.stringify(g?.lanes.map((l) => [l.consumerId, l.partitions]))}\ntopics ${JSON.stringify(s.topics.filter((t) => t.name.startsWith(topic)).map((t) => [t.name, t.partitions.map((p) => p.logEndOffset)]))}\nproducer ${JSON.stringify(s.producer)}\nconsumers ${JSON.stringify(s.consumers.filter((c) => c.groupId === groupId))}`,
        );
      });
      await client.ok({ type: 'producer:update', paused: true, keyMode: 'symbol' });
      const group = await waitFor(
        'every trade in the output',
        async () => {
          const g = await client.group(groupId);
          return g?.totalLag === 0 && g.outputAudit?.missing === 0 ? g : undefined;
        },
        60_000,
      ).catch(async (error: Error) => {
        const g = await client.group(groupId);
        throw new Error(
          `${error.message}\noffsets ${JSON.stringify(g?.offsets.map((o) => [o.partition, o.committedOffset, o.logEndOffset]))} output ${JSON.stringify(g?.outputAudit)} audit ${JSON.stringify(g?.audit)}`,
        );
      });
      console.log(
        `exactly-once ${kind} grown to 4 partitions: output audit ${JSON.stringify(group.outputAudit)}`,
      );
      expect(group.outputAudit).toMatchObject({ missing: 0, duplicates: 0 });
      const seqs = seqsOf(await readTopic(brokers, outputTopicOf(topic), 'read_committed'));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs.length).toBe(app.lab.producer.ackedSeqs(topic).size);
    },
  );

  it.each(CLIENTS)(
    'exactly-once (%s): SIGKILL mid-transaction, restart: <topic>.out read_committed has every trade once',
    async (kind) => {
      const topic = await topicFor(`eos-${kind}`, 3);
      const { groupId, consumerIds } = await stableLabGroup(client, topic, {
        consumers: 1,
        client: kind,
        commitMode: 'exactly-once',
        dlq: true,
        retryAttempts: 2,
        retryBackoffMs: 10,
        // The crashed member holds its partitions until then: short, to keep the test short.
        sessionTimeoutMs: 3000,
      });
      const id = consumerIds[0] ?? '';
      await client.ok({
        type: 'producer:update',
        topic,
        rate: 60,
        poisonPercent: 5,
        paused: false,
      });
      // Processed well ahead of committed: a transaction is open with work in it. A backlog too,
      // so it stays open until the kill lands: with one, each batch is long and a transaction
      // only commits at its age limit (1 s). Still, the kill can land just after a commit, before
      // the next transaction's work was reported (progress goes out every 100 ms): then nothing is
      // processed twice. Whether it did is known once the restarted consumer has committed past
      // what was reported before the kill, so the kill is repeated (at most 3 times) until it has.
      for (let attempt = 1; ; attempt++) {
        await client.ok({ type: 'consumer:slow', consumerId: id, delayMs: 40 });
        const reported = await waitFor(
          'a transaction with work in it, and a backlog',
          async () => {
            const g = await client.group(groupId);
            const open = g?.offsets.some(
              (o) => (o.processedOffset ?? 0) - (o.committedOffset ?? 0) >= 5,
            );
            return g && open && (g.outputAudit?.processed ?? 0) >= 20 && g.totalLag >= 40
              ? g.offsets.map((o) => ({
                  partition: o.partition,
                  processed: o.processedOffset ?? 0,
                }))
              : undefined;
          },
          60_000,
          50,
        );
        await client.ok({ type: 'consumer:crash', consumerId: id });
        await client.ok({ type: 'consumer:restart', consumerId: id });
        // At full speed the restarted consumer is past the kill soon, even on a loaded machine.
        await client.ok({ type: 'consumer:slow', consumerId: id, delayMs: 0 });
        const after = await waitFor(
          'the restarted consumer committed past what was processed before the kill',
          async () => {
            const g = await client.group(groupId);
            const past = reported.every(
              (r) =>
                (g?.offsets.find((o) => o.partition === r.partition)?.committedOffset ?? -1) >=
                r.processed,
            );
            return past ? g : undefined;
          },
          60_000,
        );
        if ((after?.audit?.duplicates ?? 0) > 0 || attempt === 3) break;
        console.log(`exactly-once ${kind}: kill ${attempt} landed between transactions; again`);
      }
      await client.ok({ type: 'consumer:slow', consumerId: id, delayMs: 0 });
      await waitFor('more trades acked after the restart', async () => {
        const g = await client.group(groupId);
        return (g?.outputAudit?.missing ?? 0) > 20;
      });
      await client.ok({ type: 'producer:update', paused: true, poisonPercent: 0 });
      const group = await waitFor(
        'every trade in the output and every poison message in the DLQ',
        async () => {
          const g = await client.group(groupId);
          return g?.totalLag === 0 &&
            g.outputAudit?.missing === 0 &&
            g.deadLetters?.count === poisonCount(topic)
            ? g
            : undefined;
        },
        120_000,
      );
      const acked = app.lab.producer.ackedSeqs(topic);
      const committed = await readTopic(brokers, outputTopicOf(topic), 'read_committed');
      const uncommitted = await readTopic(brokers, outputTopicOf(topic), 'read_uncommitted');
      const seqs = seqsOf(committed);
      const dlq = await readTopic(brokers, dlqTopicOf(topic), 'read_committed');
      const dlqKeys = dlq.map((r) => {
        const o = parseDeadLetterHeaders(r.headers);
        return `${o?.partition}@${o?.offset}`;
      });
      console.log(
        `exactly-once ${kind}: ${acked.size} trades acked; ${outputTopicOf(topic)} read_committed ${seqs.length} (${new Set(seqs).size} distinct), read_uncommitted ${seqsOf(uncommitted).length}; output audit ${JSON.stringify(group.outputAudit)}; consumer audit ${JSON.stringify(group.audit)}; DLQ ${dlq.length} for ${poisonCount(topic)} poison`,
      );
      expect(group.outputAudit).toMatchObject({ duplicates: 0, missing: 0 });
      // The killed transaction's work was processed twice, yet is in the output once.
      expect(group.audit?.duplicates).toBeGreaterThan(0);
      expect(seqs.length).toBe(acked.size);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs.every((seq) => acked.has(seq))).toBe(true);
      // The aborted transaction's records are in the log, and only read_uncommitted sees them.
      expect(seqsOf(uncommitted).length).toBeGreaterThan(seqs.length);
      expect(dlq).toHaveLength(poisonCount(topic));
      expect(new Set(dlqKeys).size).toBe(dlq.length);
    },
    // Usually 11–20 s; up to three kills, each waiting for a restart past it, on a busy machine.
    240_000,
  );
});
