import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { parseDescribe } from '../broker/describe-output';
import { runConsumerGroupsTool } from '../broker/kafka-tools';
import { produceRaw } from '../kafka/test-support/external-client';
import { startLabForTest } from '../test-support/in-process-lab';
import { startJavaConsumer } from '../test-support/java-test-consumer';
import type { LabClient } from '../test-support/lab-client';
import { waitFor } from '../test-support/wait-for';

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describe('groups of other applications, as /api/state shows them', () => {
  const brokers = inject('brokers');
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a KIP-848 group of two Java consumers: Stable, 2 members with epochs, and what kafka-consumer-groups prints', async () => {
    const topic = unique('outside-848');
    const groupId = unique('outside-848-group');
    await client.ok({ type: 'topic:create', topic, partitions: 4 });
    await produceRaw(brokers, topic, 40);
    const consumers = [
      await startJavaConsumer(brokers, groupId, topic, 'consumer'),
      await startJavaConsumer(brokers, groupId, topic, 'consumer'),
    ];
    try {
      const group = await waitFor(
        'the group Stable with 2 members and everything committed',
        async () => {
          const g = await client.group(groupId);
          return g?.state === 'Stable' &&
            g.members.length === 2 &&
            g.members.every((m) => m.assignments.length > 0) &&
            g.offsets.every((o) => o.lag === 0 && o.committedOffset !== null)
            ? g
            : undefined;
        },
        60_000,
      );
      expect(group.lab).toBe(false);
      expect(group.type).toBe('consumer');
      expect(group.protocol).toBe('uniform');
      expect(group.generationId).toBeGreaterThan(0);
      for (const m of group.members) expect(m.memberEpoch).toBe(group.generationId);
      expect(group.lanes.map((l) => l.kind)).toEqual(['member', 'member']);
      const tool = await runConsumerGroupsTool(process.cwd(), [
        '--bootstrap-server',
        brokers.join(','),
        '--describe',
        '--group',
        groupId,
      ]);
      expect(tool.code, tool.stderr).toBe(0);
      const rows = parseDescribe(tool.stdout);
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        const mine = group.offsets.find((o) => o.partition === row.partition);
        expect(mine?.committedOffset, `partition ${row.partition}`).toBe(row.currentOffset);
        expect(mine?.logEndOffset).toBe(row.logEndOffset);
        expect(mine?.lag).toBe(row.lag);
        expect(mine?.memberId).toBe(row.consumerId);
      }
      const refused = await client.command({ type: 'consumer:add', groupId });
      expect(refused.status).toBe(400);
    } finally {
      await Promise.all(consumers.map((c) => c.stop()));
    }
  });

  it('a share group (KIP-932): listed read-only with its member, partitions and start offsets', async () => {
    const topic = unique('outside-share');
    const groupId = unique('outside-share-group');
    await client.ok({ type: 'topic:create', topic, partitions: 2 });
    // Share groups start at the log end unless told otherwise: read from the beginning.
    await app.lab.options.admin.setGroupConfig(groupId, { 'share.auto.offset.reset': 'earliest' });
    await produceRaw(brokers, topic, 20);
    const consumer = await startJavaConsumer(brokers, groupId, topic, 'share');
    try {
      const group = await waitFor(
        'the share group with a member owning both partitions',
        async () => {
          const g = await client.group(groupId);
          const owned = g?.members.flatMap((m) => m.assignments.flatMap((a) => a.partitions)) ?? [];
          return g && g.members.length === 1 && owned.length === 2 ? g : undefined;
        },
        60_000,
      );
      expect(group.type).toBe('share');
      expect(group.lab).toBe(false);
      expect(group.offsets.map((o) => o.partition).sort()).toEqual([0, 1]);
      expect((await client.state()).overview.find((g) => g.groupId === groupId)?.type).toBe(
        'share',
      );
    } finally {
      await consumer.stop();
    }
  });
});
