import { type CommandOf, groupKindOf } from '../../protocol/commands';
import type { GroupProtocol } from '../../protocol/consumer-kinds';
import { deliveryConfigOf } from '../../protocol/delivery';
import { shareConfigOf, shareGroupConfigs } from '../../protocol/share';
import type { LabGroupConfig } from '../../protocol/snapshot';
import { own } from '../state/own';
import { liveConsumers } from '../state/selectors';
import { CommandError } from './command-error';
import type { CommandHandlers } from './command-table';
import { deliveryConflict, ensureDeliveryTopics, missingDeliveryTopics } from './delivery-topics';
import type { Lab } from './lab';
import { checkConsumerLimit, checkGroupLimit, checkTopicLimit } from './limits';
import { replay, resetOffsets, undoReset } from './reset-command';

type GroupCommandType =
  | 'group:create'
  | 'group:delete'
  | 'group:rebalance'
  | 'group:reset-offsets'
  | 'group:replay'
  | 'group:undo-reset';
type GroupCommand = CommandOf<GroupCommandType>;

/**
 * A heartbeat at most every second, a third of the session timeout, as Kafka advises. KIP-848's
 * broker takes no less than group.consumer.min.heartbeat.interval.ms (500 on the lab broker).
 */
export function heartbeatIntervalFor(
  sessionTimeoutMs: number,
  protocol: GroupProtocol = 'classic',
): number {
  const floor = protocol === 'classic' ? 300 : 500;
  return Math.max(floor, Math.min(1000, Math.floor(sessionTimeoutMs / 3)));
}

function requireLabGroup(lab: Lab, groupId: string): LabGroupConfig {
  const config = own(lab.state.labGroups, groupId);
  if (config) return config;
  const exists = lab.state.observation?.groups.some((g) => g.groupId === groupId);
  throw new CommandError(
    exists
      ? `groupId: "${groupId}" is not a lab group; groups the lab did not create are read-only`
      : `groupId: no group "${groupId}" (lab groups: ${Object.keys(lab.state.labGroups).join(', ') || 'none'})`,
  );
}

/** A lab group with committed offsets: a share group has a start offset, which these do not move. */
function requireCommitting(lab: Lab, groupId: string): LabGroupConfig {
  const config = requireLabGroup(lab, groupId);
  if (config.protocol === 'share')
    throw new CommandError(
      `groupId: ${groupId} is a share group (protocol "share"): it has no committed offsets to reset or replay from`,
    );
  return config;
}

/** `adopt`: the default scenario takes over its own group even if Kafka still lists old members. */
export async function createLabGroup(
  lab: Lab,
  command: Extract<GroupCommand, { type: 'group:create' }>,
  adopt = false,
): Promise<unknown> {
  if (own(lab.state.labGroups, command.groupId))
    throw new CommandError(`groupId: lab group "${command.groupId}" already exists`);
  const inKafka = lab.state.observation?.groups.find((g) => g.groupId === command.groupId);
  // Taking over an existing group would move its committed offsets: it belongs to someone else.
  if (!adopt && inKafka) {
    throw new CommandError(
      `groupId: "${command.groupId}" already exists in Kafka (${inKafka.state}) and the lab does not take over other groups; choose another id`,
    );
  }
  checkGroupLimit(lab);
  checkConsumerLimit(lab, command.consumers, 'consumers');
  if (command.client === 'java' && !lab.options.jvmClasspath) {
    throw new CommandError(
      'client: Java consumers need a JDK (javac), and none was found at start-up',
    );
  }
  if (lab.partitionCount(command.topic) === 0) {
    throw new CommandError(`topic: no topic "${command.topic}" on the cluster; create it first`);
  }
  const kind = groupKindOf(command);
  const config: LabGroupConfig = {
    groupId: command.groupId,
    topic: command.topic,
    client: kind.client,
    protocol: kind.protocol,
    assignor: kind.assignor,
    staticMembership: kind.staticMembership,
    maxPollIntervalMs: kind.maxPollIntervalMs,
    commitMode: command.commitMode,
    autoCommitIntervalMs: command.autoCommitIntervalMs,
    offsetReset: command.offsetReset,
    sessionTimeoutMs: command.sessionTimeoutMs,
    heartbeatIntervalMs: heartbeatIntervalFor(command.sessionTimeoutMs, kind.protocol),
    ...deliveryConfigOf(command),
    share: kind.protocol === 'share' ? shareConfigOf(command) : null,
  };
  const conflict = deliveryConflict(lab, config);
  if (conflict) throw new CommandError(conflict);
  checkTopicLimit(lab, missingDeliveryTopics(lab, config).length, 'commitMode');
  await ensureDeliveryTopics(lab, config);
  if (config.protocol === 'consumer') {
    // KIP-848 moves these timers to the broker: set per group (a GROUP config resource), since
    // the client refuses session.timeout.ms and heartbeat.interval.ms for this protocol.
    await lab.options.admin.setGroupConfig(config.groupId, {
      'consumer.session.timeout.ms': String(config.sessionTimeoutMs),
      'consumer.heartbeat.interval.ms': String(config.heartbeatIntervalMs),
    });
  }
  if (config.share) {
    // Share groups keep their settings on the broker, as group configs set before the first join.
    await lab.options.admin.setGroupConfig(
      config.groupId,
      shareGroupConfigs(
        config.share,
        config.offsetReset,
        config.sessionTimeoutMs,
        config.heartbeatIntervalMs,
      ),
    );
  }
  lab.registerGroup(config);
  const consumerIds = Array.from({ length: command.consumers }, () => {
    const id = lab.newConsumerId(config.groupId);
    lab.spawnConsumer(id, config);
    return id;
  });
  return { groupId: config.groupId, consumerIds };
}

export const GROUP_COMMANDS: CommandHandlers<GroupCommandType> = {
  'group:create': ({ lab }, command) => createLabGroup(lab, command),
  'group:delete': async ({ lab }, command) => {
    const config = requireLabGroup(lab, command.groupId);
    const running = liveConsumers(lab.state, command.groupId);
    const handles = running.flatMap((c) => {
      const handle = lab.handle(c.id);
      if (!handle) return [];
      lab.dispatch({ type: 'consumer/commanded', id: c.id, command: 'stop', at: Date.now() });
      return [handle];
    });
    await Promise.all(handles.map((h) => h.stop()));
    // Kafka deletes only Empty groups; a crashed member stays listed until its session times out.
    const observed = () => lab.state.observation?.groups.find((g) => g.groupId === command.groupId);
    try {
      await lab.refreshUntil(() => {
        const state = observed()?.state;
        return state === undefined || state === 'Empty' || state === 'Dead';
      }, config.sessionTimeoutMs + 10_000);
    } catch {
      throw new CommandError(
        `groupId: Kafka still lists members of ${command.groupId} (${observed()?.members.length ?? '?'}); try again once their session timed out`,
      );
    }
    if (observed()) await lab.options.admin.deleteGroup(command.groupId);
    lab.unregisterGroup(command.groupId);
    await lab.refreshUntil(() => !observed(), 15_000);
    return { groupId: command.groupId, stoppedConsumers: handles.length };
  },
  'group:reset-offsets': ({ lab }, command) =>
    resetOffsets(lab, command, requireCommitting(lab, command.groupId).topic),
  'group:replay': ({ lab }, command) =>
    replay(lab, command, requireCommitting(lab, command.groupId).topic),
  'group:undo-reset': ({ lab }, { groupId }) => {
    requireLabGroup(lab, groupId);
    return undoReset(lab, groupId);
  },
  'group:rebalance': ({ lab }, command) => {
    const config = requireLabGroup(lab, command.groupId);
    if (config.protocol === 'share') {
      throw new CommandError(
        `groupId: ${command.groupId} is a share group (protocol "share"): the coordinator assigns partitions to its members and no member can ask for a rebalance. Add or stop a consumer to change who reads what`,
      );
    }
    if (config.protocol === 'consumer') {
      throw new CommandError(
        `groupId: ${command.groupId} uses KIP-848 (protocol "consumer"), where the coordinator alone decides assignments; a member cannot ask for a rebalance. Add or stop a consumer to make one happen`,
      );
    }
    const candidates = Object.values(lab.state.consumers).filter(
      (c) =>
        c.groupId === command.groupId && c.phase === 'running' && c.memberId && lab.handle(c.id),
    );
    const chosen = candidates.find((c) => c.isLeader) ?? candidates[0];
    if (!chosen)
      throw new CommandError(
        `groupId: ${command.groupId} has no running consumer to rejoin; add or resume one first`,
      );
    lab.dispatch({ type: 'rebalance/requested', groupId: command.groupId, at: Date.now() });
    lab.handle(chosen.id)?.send({ type: 'rejoin' });
    return {
      groupId: command.groupId,
      rejoinedBy: chosen.id,
      generationBefore: chosen.generationId,
    };
  },
};
