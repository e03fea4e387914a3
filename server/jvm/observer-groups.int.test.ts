import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { parseDescribe } from '../broker/describe-output';
import { runConsumerGroupsTool } from '../broker/kafka-tools';
import { produceRaw, startExternalConsumer } from '../kafka/test-support/external-client';
import type { ObservedGroup } from '../state/observation';
import { startJavaConsumer } from '../test-support/java-test-consumer';
import { suiteObserver } from '../test-support/suite-observer';
import { waitFor } from '../test-support/wait-for';

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const owned = (g: ObservedGroup) =>
  g.members.flatMap((m) => m.assignments.flatMap((a) => a.partitions)).sort((a, b) => a - b);

describe('JvmObserver sees groups of every type', () => {
  const brokers = inject('brokers');
  const observer = suiteObserver(brokers);

  it("shows an outside KIP-848 group as Kafka's own kafka-consumer-groups does", async () => {
    const topic = unique('obs-848');
    const groupId = unique('obs-848-group');
    await observer().createTopic(topic, 4, 1);
    await produceRaw(brokers, topic, 40);
    const consumers = [
      await startJavaConsumer(brokers, groupId, topic, 'consumer'),
      await startJavaConsumer(brokers, groupId, topic, 'consumer'),
    ];
    try {
      const { group, logEnd } = await waitFor(
        'a Stable KIP-848 group: 2 members with partitions, everything committed',
        async () => {
          const obs = await observer().poll();
          const g = obs.groups.find((x) => x.groupId === groupId);
          const t = obs.topics.find((x) => x.name === topic);
          if (!g || !t || g.state !== 'Stable' || g.members.length !== 2) return undefined;
          if (g.members.some((m) => m.assignments.length === 0)) return undefined;
          const logEnd = new Map(t.partitions.map((p) => [p.partition, p.logEndOffset]));
          const done = [...logEnd].every(
            ([p, end]) => g.offsets.find((o) => o.partition === p)?.offset === end,
          );
          return done ? { group: g, logEnd } : undefined;
        },
        60_000,
      );
      expect(group.type).toBe('consumer');
      expect(group.protocolType).toBe('consumer');
      expect(group.protocol).toBe('uniform');
      expect(group.groupEpoch).toBeGreaterThan(0);
      expect(group.assignmentEpoch).toBe(group.groupEpoch);
      expect(owned(group)).toEqual([0, 1, 2, 3]);
      for (const m of group.members) {
        expect(m.memberEpoch).toBe(group.groupEpoch);
        expect(m.targetAssignments).toEqual(m.assignments);
        expect(m.upgraded).toBe(true);
        expect(m.clientId).toBe('java-consumer-consumer');
      }

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
        const committed = group.offsets.find((o) => o.partition === row.partition);
        const owner = group.members.find((m) =>
          m.assignments.some((a) => a.topic === row.topic && a.partitions.includes(row.partition)),
        );
        expect(committed?.offset, `partition ${row.partition}`).toBe(row.currentOffset);
        expect(logEnd.get(row.partition)).toBe(row.logEndOffset);
        expect(owner?.memberId).toBe(row.consumerId);
      }
      console.log(
        `KIP-848 group: epoch ${group.groupEpoch}, members ${group.members
          .map((m) => `${m.memberId}@${m.memberEpoch}→${JSON.stringify(m.assignments)}`)
          .join(', ')}; kafka-consumer-groups agrees on ${rows.length} partitions`,
      );
    } finally {
      await Promise.all(consumers.map((c) => c.stop()));
    }
  });

  it('shows a kafkajs group as classic, with members and assignments and no epochs', async () => {
    const topic = unique('obs-classic');
    const groupId = unique('obs-classic-group');
    await observer().createTopic(topic, 3, 1);
    const consumers = [
      await startExternalConsumer(brokers, groupId, topic),
      await startExternalConsumer(brokers, groupId, topic),
    ];
    try {
      const group = await waitFor(
        'a Stable classic group with 2 members owning 3 partitions',
        async () => {
          const obs = await observer().poll(['groups']);
          const g = obs.groups?.find((x) => x.groupId === groupId);
          return g?.state === 'Stable' &&
            g.members.length === 2 &&
            owned({ ...g, offsets: [] }).length === 3
            ? g
            : undefined;
        },
      );
      expect(group.type).toBe('classic');
      expect(group.protocolType).toBe('consumer');
      expect(group.protocol).not.toBe('');
      // What Kafka 4.4's Admin gives for a classic group: no group, assignment or member epochs.
      expect(group.groupEpoch).toBeNull();
      expect(group.assignmentEpoch).toBeNull();
      for (const m of group.members) {
        expect(m.memberEpoch).toBeNull();
        expect(m.targetAssignments).toBeNull();
        expect(m.upgraded).toBeNull();
        expect(m.clientId).toBe('someone-elses-app');
      }
      expect(owned({ ...group, offsets: [] })).toEqual([0, 1, 2]);
    } finally {
      await Promise.all(consumers.map((c) => c.stop()));
    }
  });

  it('shows a share group (KIP-932) with its member, partitions and start offsets', async () => {
    const features = await observer().features();
    console.log(`finalized features: ${JSON.stringify(features)}`);
    expect(features['share.version'] ?? 0).toBeGreaterThanOrEqual(1);
    const topic = unique('obs-share');
    const groupId = unique('obs-share-group');
    await observer().createTopic(topic, 2, 1);
    // Share groups start at the log end unless told otherwise (a group config, not a client one).
    await observer().setGroupConfig(groupId, { 'share.auto.offset.reset': 'earliest' });
    await produceRaw(brokers, topic, 20);
    const consumer = await startJavaConsumer(brokers, groupId, topic, 'share');
    try {
      await waitFor(
        'the share consumer to read all 20 records',
        () => consumer.consumed() >= 20,
        60_000,
      );
      const group = await waitFor(
        'a Stable share group with one member owning both partitions',
        async () => {
          const obs = await observer().poll();
          const g = obs.groups.find((x) => x.groupId === groupId);
          return g?.state === 'Stable' &&
            g.members.length === 1 &&
            owned(g).length === 2 &&
            g.offsets.length === 2
            ? g
            : undefined;
        },
      );
      expect(group.type).toBe('share');
      expect(group.protocolType).toBe('share');
      expect(group.groupEpoch).toBeGreaterThan(0);
      expect(group.members[0]?.memberEpoch).toBeGreaterThan(0);
      expect(group.offsets.map((o) => o.partition)).toEqual([0, 1]);
      console.log(`share group start offsets: ${JSON.stringify(group.offsets)}`);
    } finally {
      await consumer.stop();
    }
  });
});
