import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { parseColumns, parseDescribe } from '../broker/describe-output';
import { runConsumerGroupsTool, runShareGroupsTool } from '../broker/kafka-tools';
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

  it('a share group where one member holds a record and another accepts the rest: start offset, share lag, members and state equal kafka-share-groups', async () => {
    const topic = unique('outside-share-hold');
    const groupId = unique('outside-share-hold-group');
    await client.ok({ type: 'topic:create', topic, partitions: 1 });
    // From the beginning, and a lock that outlasts the test: the held record stays acquired.
    await app.lab.options.admin.setGroupConfig(groupId, {
      'share.auto.offset.reset': 'earliest',
      'share.record.lock.duration.ms': '60000',
    });
    await produceRaw(brokers, topic, 20);
    const holder = await startJavaConsumer(brokers, groupId, topic, 'share-hold', 'holder');
    let acceptor: Awaited<ReturnType<typeof startJavaConsumer>> | undefined;
    try {
      // The holder alone first: it gets the first record, the acceptor then gets the rest.
      const held = await waitFor(
        'the holder to acquire a record',
        () => holder.held() ?? undefined,
        60_000,
      );
      expect(held).toMatchObject({ partition: 0, offset: 0, deliveryCount: 1 });
      acceptor = await startJavaConsumer(brokers, groupId, topic, 'share', 'acceptor');
      const accepting = acceptor;
      await waitFor(
        'the acceptor to accept the other 19',
        () => accepting.consumed() >= 19,
        60_000,
      );
      // Both members read the one partition; the start offset waits at the held record, while
      // Kafka's share lag counts only the record not done (the consumer model would say 20 − 0).
      const group = await waitFor(
        'a Stable share group of 2 members sharing P0, start offset at the held record, lag 1',
        async () => {
          const g = await client.group(groupId);
          const p0 = g?.offsets[0];
          return g?.state === 'Stable' &&
            g.members.length === 2 &&
            g.lanes.every((l) => l.partitions.some((p) => p.partition === 0)) &&
            p0?.committedOffset === held.offset &&
            p0.lag === 1 &&
            p0.logEndOffset === 20
            ? g
            : undefined;
        },
        60_000,
      );
      expect(group.type).toBe('share');
      expect(group.offsets[0]?.memberId).toBeNull();
      expect([...(group.offsets[0]?.sharedBy ?? [])].sort()).toEqual(
        group.members.map((m) => m.memberId).sort(),
      );
      const bootstrap = ['--bootstrap-server', brokers.join(','), '--describe', '--group', groupId];
      const offsets = await runShareGroupsTool(process.cwd(), bootstrap);
      const members = await runShareGroupsTool(process.cwd(), [...bootstrap, '--members']);
      const state = await runShareGroupsTool(process.cwd(), [...bootstrap, '--state']);
      for (const run of [offsets, members, state]) expect(run.code, run.stderr).toBe(0);
      console.log(`kafka-share-groups:\n${offsets.stdout}${members.stdout}${state.stdout}`);

      const rows = parseColumns(offsets.stdout, [
        'GROUP',
        'TOPIC',
        'PARTITION',
        'START-OFFSET',
        'LAG',
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.TOPIC).toBe(topic);
      expect(Number(rows[0]?.['START-OFFSET'])).toBe(group.offsets[0]?.committedOffset);
      expect(Number(rows[0]?.LAG)).toBe(group.offsets[0]?.lag);

      const memberRows = parseColumns(members.stdout, [
        'GROUP',
        'CONSUMER-ID',
        'HOST',
        'CLIENT-ID',
        '#PARTITIONS',
        'ASSIGNMENT',
      ]);
      expect(memberRows.map((r) => r['CONSUMER-ID']).sort()).toEqual(
        group.members.map((m) => m.memberId).sort(),
      );
      for (const row of memberRows) {
        const mine = group.members.find((m) => m.memberId === row['CONSUMER-ID']);
        expect(row['CLIENT-ID']).toBe(mine?.clientId);
        expect(Number(row['#PARTITIONS'])).toBe(
          mine?.assignments.flatMap((a) => a.partitions).length,
        );
      }

      const stateRows = parseColumns(state.stdout, [
        'GROUP',
        'COORDINATOR (ID)',
        'STATE',
        '#MEMBERS',
      ]);
      expect(stateRows[0]?.STATE).toBe(group.state);
      expect(Number(stateRows[0]?.['#MEMBERS'])).toBe(group.members.length);

      // The holder leaves: closing releases its record and the acceptor takes it. Kafka's share
      // lag reaches 0 with all 20 done; the start offset moves when the broker next persists the
      // partition's state, so it is compared with the tool again rather than assumed.
      await holder.stop();
      const done = await waitFor(
        'the released record accepted: share lag 0',
        async () => {
          const g = await client.group(groupId);
          return accepting.consumed() === 20 && g?.offsets[0]?.lag === 0 ? g : undefined;
        },
        60_000,
      );
      const again = await runShareGroupsTool(process.cwd(), bootstrap);
      const after = parseColumns(again.stdout, [
        'GROUP',
        'TOPIC',
        'PARTITION',
        'START-OFFSET',
        'LAG',
      ]);
      expect(Number(after[0]?.LAG)).toBe(0);
      expect(Number(after[0]?.['START-OFFSET'])).toBe(done.offsets[0]?.committedOffset);
    } finally {
      await Promise.all([holder.stop(), acceptor?.stop()]);
    }
  });
});
