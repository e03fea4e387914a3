import type { LabKafka } from '../broker/lab-kafka';
import { labNodeRunning } from '../state/selectors';
import { CommandError } from './command-error';
import type { CommandHandlers } from './command-table';
import type { Lab } from './lab';

type BrokerCommandType = 'broker:stop' | 'broker:start' | 'broker:kill';

function requireEmbedded(broker: LabKafka | null): LabKafka {
  if (!broker)
    throw new CommandError(
      'type: broker commands need the embedded broker; this server uses KAFKA_BROKERS',
    );
  return broker;
}

/** The broker a command means: the one given, or the only one of a one-broker lab. */
function brokerOf(lab: Lab, kafka: LabKafka, nodeId: number | undefined): number {
  const ids = kafka.brokerIds;
  if (nodeId === undefined) {
    if (ids.length === 1 && ids[0] !== undefined) return ids[0];
    throw new CommandError(
      `nodeId: this lab runs ${ids.length} brokers (${ids.join(', ')}); say which one`,
    );
  }
  if (ids.includes(nodeId)) return nodeId;
  const controller = lab.state.labNodes.find((n) => n.role === 'controller' && n.nodeId === nodeId);
  throw new CommandError(
    controller
      ? `nodeId: node ${nodeId} is the KRaft controller; broker commands take a broker id: ${ids.join(', ')}`
      : `nodeId must be one of the lab's brokers: ${ids.join(', ')}`,
  );
}

/**
 * Read from the lab's state, the same record the page draws: LabKafka tells the state of every
 * start and exit (also a guard's death), so a command never sees a broker the page does not.
 */
function isRunning(lab: Lab, nodeId: number): boolean {
  return labNodeRunning(lab.state, nodeId);
}

/** Words for "broker N" that keep the one-broker lab's messages as they were. */
function named(kafka: LabKafka, nodeId: number): string {
  return kafka.brokerIds.length === 1 ? 'the embedded broker' : `broker ${nodeId}`;
}

export const BROKER_COMMANDS: CommandHandlers<BrokerCommandType> = {
  'broker:stop': async ({ lab, broker }, { nodeId }) => {
    const kafka = requireEmbedded(broker);
    const id = brokerOf(lab, kafka, nodeId);
    if (!isRunning(lab, id))
      throw new CommandError(
        `${nodeId === undefined ? 'type' : 'nodeId'}: ${named(kafka, id)} is already stopped`,
      );
    await kafka.stop(id);
    return { nodeId: id, running: false };
  },
  'broker:start': async ({ lab, broker }, { nodeId }) => {
    const kafka = requireEmbedded(broker);
    const id = brokerOf(lab, kafka, nodeId);
    if (isRunning(lab, id))
      throw new CommandError(
        `${nodeId === undefined ? 'type' : 'nodeId'}: ${named(kafka, id)} is already running`,
      );
    const pid = await kafka.start(id);
    return { nodeId: id, running: true, pid };
  },
  /** kill -9: no controlled shutdown, so its partitions keep it as leader until it is fenced. */
  'broker:kill': async ({ lab, broker }, { nodeId }) => {
    const kafka = requireEmbedded(broker);
    const id = brokerOf(lab, kafka, nodeId);
    if (!isRunning(lab, id)) throw new CommandError(`nodeId: ${named(kafka, id)} is already down`);
    await kafka.kill(id);
    return { nodeId: id, running: false };
  },
};
