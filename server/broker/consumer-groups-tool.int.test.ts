import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { fetchCommitted } from '../kafka/test-support/external-client';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { waitFor } from '../test-support/wait-for';
import { parseDescribe } from './describe-output';
import { runConsumerGroupsTool } from './kafka-tools';

// The product's promise: the dashboard shows what Kafka's own kafka-consumer-groups prints.
describe('the snapshot against kafka-consumer-groups --describe', () => {
  const brokers = inject('brokers');
  const topic = `tool-check-${randomUUID().slice(0, 8)}`;
  const groupId = `tool-group-${randomUUID().slice(0, 8)}`;
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty', {
      topic,
      partitions: 4,
      rate: 200,
    }));
    await client.ok({ type: 'group:create', groupId, topic, consumers: 2, assignor: 'range' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('agrees partition by partition: committed, log end, lag and owner', async () => {
    await waitFor('both consumers owning partitions', async () => {
      const g = await client.group(groupId);
      return (
        g?.state === 'Stable' &&
        g.members.length === 2 &&
        g.offsets.some((o) => (o.committedOffset ?? 0) > 0)
      );
    });
    // One paused consumer keeps some lag, so the comparison is not all zeros.
    const paused = (await client.state()).consumers.find((c) => c.groupId === groupId);
    await client.ok({ type: 'consumer:pause', consumerId: paused?.id });
    // Lag well past one fetch's worth: the pause has taken hold, it is not a batch in flight.
    await waitFor('lag on the paused consumer', async () =>
      (await client.group(groupId))?.offsets.some(
        (o) => o.memberId === paused?.memberId && o.lag >= 20,
      ),
    );
    await client.ok({ type: 'producer:update', paused: true });
    // At rest: the running consumer has committed everything it owns and the lab agrees with Kafka,
    // so no commit can land between the lab's view and the tool's.
    const before = await waitFor(
      'a group at rest',
      async () => {
        const g = await client.group(groupId);
        const running = g?.offsets.filter((o) => o.memberId !== paused?.memberId) ?? [];
        if (!g || running.length === 0 || running.some((o) => o.lag > 0)) return undefined;
        const kafka = await fetchCommitted(brokers, groupId, topic);
        return g.offsets.every((o) => o.committedOffset === (kafka.get(o.partition) ?? null))
          ? g
          : undefined;
      },
      30_000,
    );
    const tool = await runConsumerGroupsTool(process.cwd(), [
      '--bootstrap-server',
      brokers.join(','),
      '--describe',
      '--group',
      groupId,
    ]);
    const after = await client.group(groupId);
    expect(tool.code, tool.stderr).toBe(0);
    // Kafka's facts did not move while the tool ran (lag in seconds does: it is an age).
    const facts = (offsets: typeof before.offsets | undefined) =>
      JSON.stringify(
        offsets?.map((o) => [o.partition, o.committedOffset, o.logEndOffset, o.lag, o.memberId]),
      );
    expect(facts(after?.offsets)).toBe(facts(before.offsets));

    const rows = parseDescribe(tool.stdout);
    expect(rows).toHaveLength(4);
    expect(before.totalLag).toBeGreaterThan(0);
    for (const row of rows) {
      const mine = before.offsets.find(
        (o) => o.topic === row.topic && o.partition === row.partition,
      );
      expect(mine, `partition ${row.partition}`).toBeDefined();
      expect(mine?.committedOffset).toBe(row.currentOffset);
      expect(mine?.logEndOffset).toBe(row.logEndOffset);
      expect(mine?.lag).toBe(row.lag);
      expect(mine?.memberId).toBe(row.consumerId);
    }
    console.log(
      `kafka-consumer-groups and /api/state agree on ${rows.length} partitions (total lag ${before.totalLag})`,
    );
  });
});
