import type { LabKafka } from '../broker/lab-kafka';
import { CommandError } from './command-error';
import type { CommandHandlers } from './command-table';

type BrokerCommandType = 'broker:stop' | 'broker:start' | 'broker:kill';

function requireEmbedded(broker: LabKafka | null): LabKafka {
  if (!broker)
    throw new CommandError(
      'type: broker commands need the embedded broker; this server uses KAFKA_BROKERS',
    );
  return broker;
}

/** The broker a command means: the one given, or the only one of a one-broker lab. */
function brokerOf(kafka: LabKafka, nodeId: number | undefined): number {
  const ids = kafka.brokerIds;
  if (nodeId === undefined) {
    if (ids.length === 1 && ids[0] !== undefined) return ids[0];
    throw new CommandError(
      `nodeId: this lab runs ${ids.length} brokers (${ids.join(', ')}); say which one`,
    );
  }
  if (ids.includes(nodeId)) return nodeId;
  const controller = kafka.nodes().find((n) => n.role === 'controller' && n.nodeId === nodeId);
  throw new CommandError(
    controller
      ? `nodeId: node ${nodeId} is the KRaft controller; broker commands take a broker id: ${ids.join(', ')}`
      : `nodeId must be one of the lab's brokers: ${ids.join(', ')}`,
  );
}

function isRunning(kafka: LabKafka, nodeId: number): boolean {
  return kafka.nodes().some((n) => n.nodeId === nodeId && n.running);
}

/** Words for "broker N" that keep the one-broker lab's messages as they were. */
function named(kafka: LabKafka, nodeId: number): string {
  return kafka.brokerIds.length === 1 ? 'the embedded broker' : `broker ${nodeId}`;
}

export const BROKER_COMMANDS: CommandHandlers<BrokerCommandType> = {
  'broker:stop': async ({ broker }, { nodeId }) => {
    const kafka = requireEmbedded(broker);
    const id = brokerOf(kafka, nodeId);
    if (!isRunning(kafka, id))
      throw new CommandError(
        `${nodeId === undefined ? 'type' : 'nodeId'}: ${named(kafka, id)} is already stopped`,
      );
    await kafka.stop(id);
    return { nodeId: id, running: false };
  },
  'broker:start': async ({ broker }, { nodeId }) => {
    const kafka = requireEmbedded(broker);
    const id = brokerOf(kafka, nodeId);
    if (isRunning(kafka, id))
      throw new CommandError(
        `${nodeId === undefined ? 'type' : 'nodeId'}: ${named(kafka, id)} is already running`,
      );
    const pid = await kafka.start(id);
    return { nodeId: id, running: true, pid };
  },
  /** kill -9: no controlled shutdown, so its partitions keep it as leader until it is fenced. */
  'broker:kill': async ({ broker }, { nodeId }) => {
    const kafka = requireEmbedded(broker);
    const id = brokerOf(kafka, nodeId);
    if (!isRunning(kafka, id))
      throw new CommandError(`nodeId: ${named(kafka, id)} is already down`);
    await kafka.kill(id);
    return { nodeId: id, running: false };
  },
};
