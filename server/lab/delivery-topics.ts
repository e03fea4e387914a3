import { dlqTopicOf, outputTopicOf } from '../../protocol/delivery';
import type { LabGroupConfig } from '../../protocol/snapshot';
import { say } from '../../protocol/texts';
import { CommandError } from './command-error';
import type { Lab } from './lab';

const METADATA_WAIT_MS = 15_000;
/** One partition: dead letters are few, and one sequence of DLQ offsets reads well ("….dlq@17"). */
const DLQ_PARTITIONS = 1;

/** Why a group of this config cannot be created next to the lab's other groups; null when it can. */
export function deliveryConflict(lab: Lab, config: LabGroupConfig): string | null {
  if (config.commitMode !== 'exactly-once') return null;
  const other = Object.values(lab.state.labGroups).find(
    (g) => g.topic === config.topic && g.commitMode === 'exactly-once',
  );
  return other
    ? `commitMode: lab group "${other.groupId}" already writes ${config.topic} exactly-once to ${outputTopicOf(config.topic)}; a second group would write every trade there twice`
    : null;
}

/** Each topic the group writes besides committing, with the partitions it needs. */
function deliveryTopics(lab: Lab, config: LabGroupConfig): [string, number][] {
  const wanted: [string, number][] = [];
  const partitions = lab.partitionCount(config.topic);
  if (config.commitMode === 'exactly-once') wanted.push([outputTopicOf(config.topic), partitions]);
  if (config.retry) wanted.push([dlqTopicOf(config.topic), DLQ_PARTITIONS]);
  return wanted;
}

/** The delivery topics the group would create (for the lab's topic limit). */
export function missingDeliveryTopics(lab: Lab, config: LabGroupConfig): string[] {
  return deliveryTopics(lab, config)
    .map(([topic]) => topic)
    .filter((topic) => lab.partitionCount(topic) === 0);
}

/**
 * The topics a group writes besides committing: `<topic>.out` (exactly-once, as many partitions as
 * the input, since each partition's output goes to the same partition) and `<topic>.dlq` (retry +
 * DLQ). Created when missing, with the input's replication factor; the broker does not create
 * topics on its own (auto.create.topics.enable=false).
 */
export async function ensureDeliveryTopics(lab: Lab, config: LabGroupConfig): Promise<void> {
  const input = lab.state.observation?.topics.find((t) => t.name === config.topic);
  const replication = input?.partitions[0]?.replicas.length ?? 1;
  const wanted = deliveryTopics(lab, config);
  for (const [topic, count] of wanted) {
    const existing = lab.partitionCount(topic);
    if (existing > 0) {
      if (existing < count && topic === outputTopicOf(config.topic)) {
        throw new CommandError(
          `topic: ${topic} has ${existing} partitions, fewer than ${config.topic}'s ${count}; exactly-once writes each partition's output to the same partition (add partitions to ${topic} first)`,
        );
      }
      continue;
    }
    await lab.options.admin.createTopic(topic, count, replication);
    lab.dispatch({
      type: 'topic/changed',
      change: 'created',
      topic,
      detail: say('topic-created-for', { topic, groupId: config.groupId, partitions: count }),
      at: Date.now(),
    });
  }
  if (wanted.length > 0)
    await lab.refreshUntil(
      () => wanted.every(([t]) => lab.partitionCount(t) > 0),
      METADATA_WAIT_MS,
    );
}

/** The WorkerConfig fields a consumer of this group needs for its commit mode and DLQ. */
export function deliveryWorkerFields(config: LabGroupConfig, consumerId: string) {
  const eos = config.commitMode === 'exactly-once';
  return {
    // Stable per lab consumer: a restart of this consumer fences the process it replaces.
    transactionalId: eos ? `offset-lab-${config.groupId}-${consumerId}` : null,
    outputTopic: eos ? outputTopicOf(config.topic) : null,
    dlqTopic: config.retry ? dlqTopicOf(config.topic) : null,
  };
}
