import { say } from '../../protocol/texts';
import { kafkaTopicConfigs } from '../../protocol/topic-config';
import { METADATA_WAIT_MS, requireLabTopic } from './cluster-commands';
import { CommandError } from './command-error';
import type { CommandHandlers } from './command-table';
import type { Lab } from './lab';
import { checkTopicLimit } from './limits';

type TopicCommandType = 'topic:create' | 'topic:configure';

/** Reads the topic's retention, segment and min.insync.replicas settings into the lab's state. */
/**
 * Reads a topic's configs into the state. On a cluster of several brokers, the one that answers
 * may not have applied a change yet (KRaft spreads it to the brokers asynchronously), so the values
 * just set in `expected` are waited for, up to CONFIG_WAIT_MS.
 */
export async function refreshTopicConfig(
  lab: Lab,
  topic: string,
  expected: Record<string, string | null> = {},
): Promise<void> {
  const deadline = Date.now() + CONFIG_WAIT_MS;
  let configs = await lab.options.admin.topicConfig(topic);
  while (!applied(configs, expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    configs = await lab.options.admin.topicConfig(topic);
  }
  lab.dispatch({ type: 'topic/configs', topic, configs });
}

const CONFIG_WAIT_MS = 5000;

/** Every value set (not reset to its default) reads back as set. */
function applied(
  configs: Record<string, string | null>,
  expected: Record<string, string | null>,
): boolean {
  return Object.entries(expected).every(([k, v]) => v === null || configs[k] === v);
}

function replicationFactor(lab: Lab, topic: string): number {
  const t = lab.state.observation?.topics.find((x) => x.name === topic);
  return t?.partitions[0]?.replicas.length ?? 1;
}

export const TOPIC_COMMANDS: CommandHandlers<TopicCommandType> = {
  'topic:create': async ({ lab, broker }, command) => {
    const at = Date.now();
    // Right after start-up the lab may not have read the cluster yet: its topics and brokers.
    if (!lab.state.observation) await lab.refresh();
    if (lab.partitionCount(command.topic) > 0)
      throw new CommandError(`topic: "${command.topic}" already exists`);
    checkTopicLimit(lab, 1);
    const brokers = lab.state.observation?.cluster.brokers.length ?? 1;
    // As many copies as the lab runs brokers: a 3-broker lab replicates like a real cluster.
    const rf = command.replicationFactor ?? Math.min(broker?.brokerIds.length ?? 1, brokers);
    if (rf > brokers) {
      throw new CommandError(
        `replicationFactor must be an integer from 1 to ${brokers} (the number of live brokers)`,
      );
    }
    if (command.minInsyncReplicas !== undefined && command.minInsyncReplicas > rf) {
      throw new CommandError(
        `minInsyncReplicas must be an integer from 1 to ${rf} (the replication factor)`,
      );
    }
    // The 3-broker lab's brokers default to min.insync.replicas=2: a topic with fewer copies
    // than that could never take an acks=all write, so it gets what it can hold.
    const minIsr =
      command.minInsyncReplicas ?? ((broker?.brokerIds.length ?? 1) >= 3 ? Math.min(2, rf) : null);
    const configs: Record<string, string> =
      minIsr === null ? {} : { 'min.insync.replicas': String(minIsr) };
    await lab.options.admin.createTopic(command.topic, command.partitions, rf, configs);
    lab.dispatch({
      type: 'topic/changed',
      change: 'created',
      topic: command.topic,
      detail: say('topic-created-replicated', {
        topic: command.topic,
        partitions: command.partitions,
        rf,
        minIsr: minIsr === null ? '' : { key: 'note-min-isr', params: { minIsr } },
      }),
      at,
    });
    await lab.refreshUntil(
      () => lab.partitionCount(command.topic) === command.partitions,
      METADATA_WAIT_MS,
    );
    await refreshTopicConfig(lab, command.topic);
    return { topic: command.topic, partitions: command.partitions, replicationFactor: rf };
  },
  'topic:configure': async ({ lab }, command) => {
    const at = Date.now();
    requireLabTopic(lab, command.topic);
    const rf = replicationFactor(lab, command.topic);
    if (typeof command.minInsyncReplicas === 'number' && command.minInsyncReplicas > rf) {
      throw new CommandError(
        `minInsyncReplicas must be an integer from 1 to ${rf} (the replication factor of ${command.topic})`,
      );
    }
    const configs = kafkaTopicConfigs(command);
    await lab.options.admin.alterTopicConfig(command.topic, configs);
    const detail = Object.entries(configs)
      .map(([k, v]) => `${k}=${v ?? 'default'}`)
      .join(', ');
    lab.dispatch({
      type: 'topic/changed',
      change: 'configured',
      topic: command.topic,
      detail: say('topic-configured', { topic: command.topic, settings: detail }),
      at,
    });
    await refreshTopicConfig(lab, command.topic, configs);
    return { topic: command.topic, configs: lab.state.topicConfigs[command.topic] ?? {} };
  },
};
