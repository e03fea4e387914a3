import { DEFAULT_GROUP, DEFAULT_PARTITIONS, DEFAULT_TOPIC } from '../../protocol/constants';
import { say } from '../../protocol/texts';
import { createLabGroup } from './group-commands';
import type { Lab } from './lab';
import { refreshTopicConfig } from './topic-commands';

const READY_TIMEOUT_MS = 60_000;

/**
 * The course's set-up: reuses the topic if it exists, then a 20 msg/s producer and 3 consumers.
 * `replicationFactor`: the lab's broker count (3 copies, min.insync.replicas 2 with LAB_BROKERS=3).
 */
export async function startDefaultScenario(lab: Lab, replicationFactor = 1): Promise<void> {
  // A broker that just started may still be loading its coordinators: poll until it answers.
  await lab.refreshUntil(() => lab.state.connection.kafka === 'connected', READY_TIMEOUT_MS);
  if (lab.partitionCount(DEFAULT_TOPIC) === 0) {
    const configs: Record<string, string> =
      replicationFactor > 1
        ? { 'min.insync.replicas': String(Math.min(2, replicationFactor)) }
        : {};
    await lab.options.admin.createTopic(
      DEFAULT_TOPIC,
      DEFAULT_PARTITIONS,
      replicationFactor,
      configs,
    );
    await lab.refreshUntil(() => lab.partitionCount(DEFAULT_TOPIC) > 0, READY_TIMEOUT_MS);
  }
  lab.dispatch({
    type: 'topic/changed',
    change: 'created',
    topic: DEFAULT_TOPIC,
    detail: say('lab-topic-ready', {
      topic: DEFAULT_TOPIC,
      partitions: lab.partitionCount(DEFAULT_TOPIC),
    }),
    at: Date.now(),
  });
  await refreshTopicConfig(lab, DEFAULT_TOPIC);
  await createLabGroup(
    lab,
    {
      type: 'group:create',
      groupId: DEFAULT_GROUP,
      topic: DEFAULT_TOPIC,
      consumers: 3,
      client: 'kafkajs',
      protocol: 'classic',
      assignor: 'round-robin',
      staticMembership: false,
      commitMode: 'after-processing',
      autoCommitIntervalMs: 5000,
      offsetReset: 'earliest',
      sessionTimeoutMs: 6000,
    },
    true,
  );
  await lab.producer.update({ topic: DEFAULT_TOPIC, rate: 20, paused: false });
}
