import { outputTopicOf } from '../../protocol/delivery';
import { say } from '../../protocol/texts';
import { CommandError } from './command-error';
import type { CommandHandlers } from './command-table';
import type { Lab } from './lab';

/** How long a command waits for the cluster's metadata to show its effect. */
export const METADATA_WAIT_MS = 15_000;

type ClusterCommandType = 'producer:update' | 'topic:add-partitions' | 'topic:delete';

export function requireLabTopic(lab: Lab, topic: string): number {
  const count = lab.partitionCount(topic);
  if (count === 0) throw new CommandError(`topic: no topic "${topic}" on the cluster`);
  if (!lab.state.labTopics.includes(topic)) {
    throw new CommandError(
      `topic: "${topic}" was not created by the lab; topics the lab did not create are read-only`,
    );
  }
  return count;
}

/** `<topic>.out` of an exactly-once lab group on `topic`, with its partitions, when it has fewer. */
function outputsToGrow(lab: Lab, topic: string, count: number): (readonly [string, number])[] {
  const writes = Object.values(lab.state.labGroups).some(
    (g) => g.topic === topic && g.commitMode === 'exactly-once',
  );
  const output = outputTopicOf(topic);
  const now = lab.partitionCount(output);
  return writes && now > 0 && now < count ? [[output, now] as const] : [];
}

export const CLUSTER_COMMANDS: CommandHandlers<ClusterCommandType> = {
  'producer:update': async ({ lab }, command) => {
    const { type: _type, ...changes } = command;
    const merged = { ...lab.producer.settings, ...changes };
    if (merged.idempotent && merged.acks !== 'all') {
      throw new CommandError(
        'acks: an idempotent producer needs acks=all; set idempotent to false first or keep acks=all',
      );
    }
    if (changes.topic !== undefined) requireLabTopic(lab, changes.topic);
    await lab.producer.update(changes);
    lab.dispatch({ type: 'producer/updated', info: lab.producer.info() });
    return lab.producer.settings;
  },
  'topic:add-partitions': async ({ lab }, command) => {
    const at = Date.now();
    const current = requireLabTopic(lab, command.topic);
    if (command.count <= current) {
      throw new CommandError(
        `count must be an integer from ${current + 1} to 256 (the new total; ${command.topic} has ${current}, and Kafka cannot remove partitions)`,
      );
    }
    // An exactly-once group writes each input partition's output to the same partition of
    // <topic>.out: that topic grows first, so no record of a new partition lacks its place.
    const outputs = outputsToGrow(lab, command.topic, command.count);
    for (const [topic, from] of [...outputs, [command.topic, current] as const]) {
      await lab.options.admin.addPartitions(topic, command.count);
      lab.dispatch({
        type: 'topic/changed',
        change: 'partitions-added',
        topic,
        detail: say('topic-partitions-added', { topic, from, to: command.count }),
        at,
      });
    }
    await lab.refreshUntil(
      () =>
        [command.topic, ...outputs.map(([t]) => t)].every(
          (t) => lab.partitionCount(t) === command.count,
        ),
      METADATA_WAIT_MS,
    );
    return {
      topic: command.topic,
      partitions: command.count,
      grown: outputs.map(([t]) => t),
    };
  },
  'topic:delete': async ({ lab }, command) => {
    const at = Date.now();
    requireLabTopic(lab, command.topic);
    const users = Object.values(lab.state.labGroups)
      .filter((g) => g.topic === command.topic)
      .map((g) => g.groupId);
    if (users.length > 0)
      throw new CommandError(
        `topic: ${command.topic} is used by lab group(s) ${users.join(', ')}; delete them first`,
      );
    if (lab.producer.settings.topic === command.topic && !lab.producer.settings.paused) {
      throw new CommandError(
        `topic: the producer is writing to ${command.topic}; pause it or point it at another topic first`,
      );
    }
    await lab.options.admin.deleteTopic(command.topic);
    lab.dispatch({
      type: 'topic/changed',
      change: 'deleted',
      topic: command.topic,
      detail: say('topic-deleted', { topic: command.topic }),
      at,
    });
    await lab.refreshUntil(() => lab.partitionCount(command.topic) === 0, METADATA_WAIT_MS);
    return { topic: command.topic };
  },
};
