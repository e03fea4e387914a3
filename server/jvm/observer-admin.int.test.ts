import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { produceRaw, startExternalConsumer } from '../kafka/test-support/external-client';
import { startJavaConsumer } from '../test-support/java-test-consumer';
import { suiteObserver } from '../test-support/suite-observer';
import { waitFor } from '../test-support/wait-for';
import { ObserverError } from './observer-error';

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(ObserverError);
    return (error as ObserverError).kind;
  }
}

describe('JvmObserver changes topics, groups and configs', () => {
  const brokers = inject('brokers');
  const observer = suiteObserver(brokers);

  const topicOf = async (name: string) =>
    (await observer().poll(['topics'])).topics?.find((t) => t.name === name);
  const groupOf = async (groupId: string) =>
    (await observer().poll(['groups', 'offsets'], [groupId])).groups?.find(
      (g) => g.groupId === groupId,
    );

  it('creates a topic, adds partitions, alters its config and deletes it', async () => {
    const topic = unique('obs-topic');
    expect(await observer().createTopic(topic, 2, 1)).toBe(true);
    expect(await observer().createTopic(topic, 2, 1)).toBe(false);
    // Answered once every partition has a leader, like kafkajs' waitForLeaders.
    expect((await topicOf(topic))?.partitions.every((p) => p.leader >= 0)).toBe(true);

    await observer().addPartitions(topic, 3);
    await waitFor('3 partitions', async () => (await topicOf(topic))?.partitions.length === 3);
    expect(await kindOf(observer().addPartitions(topic, 2))).toBe('invalid');

    await observer().alterTopicConfig(topic, { 'retention.ms': '3600000' });
    await waitFor('retention.ms set', async () => {
      const configs = await observer().topicConfig(topic);
      return configs['retention.ms'] === '3600000' && 'segment.bytes' in configs;
    });
    await observer().alterTopicConfig(topic, { 'retention.ms': null });
    await waitFor('retention.ms back to the default', async () => {
      return (await observer().topicConfig(topic))['retention.ms'] !== '3600000';
    });

    await observer().deleteTopic(topic);
    await waitFor('the topic gone', async () => (await topicOf(topic)) === undefined);
    expect(await kindOf(observer().deleteTopic(topic))).toBe('unknown-topic');
    expect(await kindOf(observer().createTopic('bad topic name!', 1, 1))).toBe('invalid');
  });

  it('finds offsets by timestamp: the first at or after it, null past the end', async () => {
    const topic = unique('obs-times');
    await observer().createTopic(topic, 2, 1);
    const before = Date.now() - 1000;
    await produceRaw(brokers, topic, 10);
    const found = await observer().offsetsByTimestamp(topic, before);
    expect([...found.keys()].sort()).toEqual([0, 1]);
    for (const offset of found.values()) expect(offset === null || offset === 0).toBe(true);
    expect([...found.values()].some((o) => o === 0)).toBe(true);
    const future = await observer().offsetsByTimestamp(topic, Date.now() + 3_600_000);
    expect([...future.values()]).toEqual([null, null]);
  });

  it('refuses to set offsets of a group with members (not-empty), then sets and deletes it', async () => {
    const topic = unique('obs-reset');
    const classicGroup = unique('obs-reset-classic');
    const kip848Group = unique('obs-reset-848');
    await observer().createTopic(topic, 2, 1);
    await produceRaw(brokers, topic, 10);
    const classic = await startExternalConsumer(brokers, classicGroup, topic);
    const kip848 = await startJavaConsumer(brokers, kip848Group, topic, 'consumer');
    const offsets = [
      { partition: 0, offset: 1 },
      { partition: 1, offset: 2 },
    ];
    try {
      for (const groupId of [classicGroup, kip848Group]) {
        // Stable, and every record committed: Kafka's coordinator deletes a group that is empty
        // and has no committed offsets on its periodic cleanup, so a group stopped before its
        // first commit may be gone before the wait for Empty below sees it.
        // 60 s: with the whole suite on 2 cores, one run's kafkajs group needed more than 20 s.
        await waitFor(
          `${groupId} Stable with all 10 records committed`,
          async () => {
            const g = await groupOf(groupId);
            const committed = (g?.offsets ?? []).reduce((sum, o) => sum + (o.offset ?? 0), 0);
            return g?.state === 'Stable' && committed === 10;
          },
          60_000,
        );
        expect(await kindOf(observer().setOffsets(groupId, topic, offsets))).toBe('not-empty');
        expect(await kindOf(observer().deleteGroup(groupId))).toBe('not-empty');
      }
      // A KIP-848 group takes its session timeout from the group config (broker-enforced range).
      await observer().setGroupConfig(kip848Group, { 'consumer.session.timeout.ms': '10000' });
      expect(
        await kindOf(
          observer().setGroupConfig(kip848Group, { 'consumer.session.timeout.ms': '1' }),
        ),
      ).toBe('invalid');
    } finally {
      await Promise.all([classic.stop(), kip848.stop()]);
    }
    for (const groupId of [classicGroup, kip848Group]) {
      // Both left on close; 30 s also covers a member that did not (10 s session timeout, above).
      // A timeout names the state and members last seen.
      await waitFor(
        `${groupId} Empty`,
        async () => {
          const g = await groupOf(groupId);
          if (g?.state === 'Empty') return true;
          throw new Error(
            `state ${g?.state ?? 'not listed'}, members ${JSON.stringify(g?.members.map((m) => m.clientId))}`,
          );
        },
        30_000,
      );
      await observer().setOffsets(groupId, topic, offsets);
      expect((await groupOf(groupId))?.offsets).toEqual([
        { topic, partition: 0, offset: 1 },
        { topic, partition: 1, offset: 2 },
      ]);
      await observer().deleteGroup(groupId);
      expect(await groupOf(groupId)).toBeUndefined();
      expect(await kindOf(observer().deleteGroup(groupId))).toBe('unknown-group');
    }
  });
});
