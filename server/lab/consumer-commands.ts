import { MAX_CONSUMERS_PER_GROUP } from '../../protocol/commands';
import { acceptsCommands, isLivePhase } from '../../protocol/snapshot';
import { own } from '../state/own';
import { liveConsumers } from '../state/selectors';
import type { ConsumerRecord } from '../state/types';
import { CommandError } from './command-error';
import type { CommandHandlers } from './command-table';
import type { ConsumerHandle } from './consumer-process';
import type { Lab } from './lab';
import { checkConsumerLimit } from './limits';

type ConsumerCommandType =
  | 'consumer:add'
  | 'consumer:crash'
  | 'consumer:stop'
  | 'consumer:restart'
  | 'consumer:pause'
  | 'consumer:resume'
  | 'consumer:slow'
  | 'consumer:freeze'
  | 'consumer:thaw';

function knownConsumer(lab: Lab, consumerId: string): ConsumerRecord {
  const consumer = own(lab.state.consumers, consumerId);
  if (!consumer) {
    const known = Object.keys(lab.state.consumers).join(', ') || 'none';
    throw new CommandError(`consumerId: no lab consumer "${consumerId}" (known: ${known})`);
  }
  return consumer;
}

/**
 * A consumer that takes commands now: alive per its phase, with no stop under way; frozen ones
 * only take a crash or a stop (`evenFrozen`): a frozen process reads nothing.
 */
function commandable(
  lab: Lab,
  consumerId: string,
  evenFrozen = false,
): { consumer: ConsumerRecord; handle: ConsumerHandle } {
  const consumer = knownConsumer(lab, consumerId);
  const handle = lab.handle(consumerId);
  if (!acceptsCommands(consumer.phase) || !handle) {
    const hint = consumer.phase === 'stopping' ? 'wait until it has stopped' : 'restart it first';
    throw new CommandError(`consumerId: ${consumerId} is ${consumer.phase}; ${hint}`);
  }
  if (consumer.frozenAt !== null && !evenFrozen)
    throw new CommandError(`consumerId: ${consumerId} is frozen (SIGSTOP); thaw it first`);
  return { consumer, handle };
}

export const CONSUMER_COMMANDS: CommandHandlers<ConsumerCommandType> = {
  'consumer:add': ({ lab }, command) => {
    const config = own(lab.state.labGroups, command.groupId);
    if (!config)
      throw new CommandError(
        `groupId: "${command.groupId}" is not a lab group; consumers can only be added to lab groups`,
      );
    if (liveConsumers(lab.state, command.groupId).length >= MAX_CONSUMERS_PER_GROUP) {
      throw new CommandError(
        `groupId: ${command.groupId} already has ${MAX_CONSUMERS_PER_GROUP} consumers, the lab's maximum`,
      );
    }
    checkConsumerLimit(lab, 1, 'groupId');
    const consumerId = lab.newConsumerId(command.groupId);
    const proc = lab.spawnConsumer(consumerId, config);
    return { consumerId, pid: proc.pid };
  },
  'consumer:crash': ({ lab }, { consumerId }) => {
    const { handle } = commandable(lab, consumerId, true);
    const pid = handle.pid;
    lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'crash', at: Date.now() });
    handle.crash();
    return { consumerId, pid, signal: 'SIGKILL' };
  },
  'consumer:stop': async ({ lab }, { consumerId }) => {
    const { handle } = commandable(lab, consumerId, true);
    lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'stop', at: Date.now() });
    await handle.stop();
    return { consumerId };
  },
  'consumer:restart': async ({ lab }, { consumerId }) => {
    const consumer = knownConsumer(lab, consumerId);
    const config = own(lab.state.labGroups, consumer.groupId);
    if (!config)
      throw new CommandError(`consumerId: the group of ${consumerId} is no longer a lab group`);
    if (consumer.phase === 'stopping')
      throw new CommandError(
        `consumerId: ${consumerId} is already stopping; wait until it has stopped`,
      );
    // A crashed process is never asked to stop: it is gone, whatever its exit event says later.
    const handle = lab.handle(consumerId);
    const live = isLivePhase(consumer.phase) && handle !== null;
    if (!live) checkConsumerLimit(lab, 1, 'consumerId');
    if (live) {
      lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'stop', at: Date.now() });
      await handle.stop();
    }
    const proc = lab.spawnConsumer(consumerId, config, consumer.delayMs);
    return { consumerId, pid: proc.pid };
  },
  'consumer:pause': ({ lab }, { consumerId }) => {
    const { handle } = commandable(lab, consumerId);
    handle.send({ type: 'pause' });
    lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'pause', at: Date.now() });
    return { consumerId, paused: true };
  },
  'consumer:resume': ({ lab }, { consumerId }) => {
    const { handle } = commandable(lab, consumerId);
    handle.send({ type: 'resume' });
    lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'resume', at: Date.now() });
    return { consumerId, paused: false };
  },
  'consumer:freeze': ({ lab }, { consumerId }) => {
    const { handle } = commandable(lab, consumerId);
    const pid = handle.pid;
    handle.signal('SIGSTOP');
    lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'freeze', at: Date.now() });
    return { consumerId, pid, signal: 'SIGSTOP' };
  },
  'consumer:thaw': ({ lab }, { consumerId }) => {
    const { consumer, handle } = commandable(lab, consumerId, true);
    if (consumer.frozenAt === null)
      throw new CommandError(`consumerId: ${consumerId} is not frozen`);
    handle.signal('SIGCONT');
    lab.dispatch({ type: 'consumer/commanded', id: consumerId, command: 'thaw', at: Date.now() });
    return { consumerId, pid: handle.pid, signal: 'SIGCONT' };
  },
  'consumer:slow': ({ lab }, { consumerId, delayMs }) => {
    const { handle } = commandable(lab, consumerId);
    handle.send({ type: 'slow', delayMs });
    lab.dispatch({
      type: 'consumer/commanded',
      id: consumerId,
      command: 'slow',
      delayMs,
      at: Date.now(),
    });
    return { consumerId, delayMs };
  },
};
