import type { Command } from '../../protocol/commands';
import { MAX_CONSUMERS_PER_GROUP } from '../../protocol/commands';
import { own } from '../state/own';
import type { LabConsumerRecord } from '../state/types';
import { CommandError } from './command-error';
import type { ConsumerProcess } from './consumer-process';
import type { Lab } from './lab';

type ConsumerCommand = Extract<Command, { type: `consumer:${string}` }>;

function knownConsumer(lab: Lab, consumerId: string): LabConsumerRecord {
  const consumer = own(lab.state.consumers, consumerId);
  if (!consumer) {
    const known = Object.keys(lab.state.consumers).join(', ') || 'none';
    throw new CommandError(`consumerId: no lab consumer "${consumerId}" (known: ${known})`);
  }
  return consumer;
}

function liveProcess(lab: Lab, consumerId: string): ConsumerProcess {
  const consumer = knownConsumer(lab, consumerId);
  const proc = lab.processes.get(consumerId);
  if (!proc?.alive || consumer.status === 'crashed' || consumer.status === 'stopped') {
    throw new CommandError(`consumerId: ${consumerId} is ${consumer.status}; restart it first`);
  }
  return proc;
}

/** One stop or restart per consumer at a time: a second one must not start a twin process. */
async function exclusive<T>(lab: Lab, consumerId: string, work: () => Promise<T>): Promise<T> {
  const busy = lab.busyConsumers;
  if (busy.has(consumerId)) {
    throw new CommandError(`consumerId: ${consumerId} is already being stopped or restarted`);
  }
  busy.add(consumerId);
  try {
    return await work();
  } finally {
    busy.delete(consumerId);
  }
}

export function liveConsumerCount(lab: Lab, groupId: string): number {
  return Object.values(lab.state.consumers).filter(
    (c) => c.groupId === groupId && c.status !== 'crashed' && c.status !== 'stopped',
  ).length;
}

export async function executeConsumerCommand(lab: Lab, command: ConsumerCommand): Promise<unknown> {
  const at = Date.now();
  switch (command.type) {
    case 'consumer:add': {
      const config = own(lab.state.labGroups, command.groupId);
      if (!config)
        throw new CommandError(
          `groupId: "${command.groupId}" is not a lab group; consumers can only be added to lab groups`,
        );
      if (liveConsumerCount(lab, command.groupId) >= MAX_CONSUMERS_PER_GROUP) {
        throw new CommandError(
          `groupId: ${command.groupId} already has ${MAX_CONSUMERS_PER_GROUP} consumers, the lab's maximum`,
        );
      }
      const consumerId = lab.newConsumerId(command.groupId);
      const proc = lab.spawnConsumer(consumerId, config);
      return { consumerId, pid: proc.pid };
    }
    case 'consumer:crash': {
      const proc = liveProcess(lab, command.consumerId);
      const pid = proc.pid;
      lab.dispatch({ type: 'consumer/commanded', id: command.consumerId, command: 'crash', at });
      proc.crash();
      return { consumerId: command.consumerId, pid, signal: 'SIGKILL' };
    }
    case 'consumer:stop': {
      const proc = liveProcess(lab, command.consumerId);
      return exclusive(lab, command.consumerId, async () => {
        lab.dispatch({ type: 'consumer/commanded', id: command.consumerId, command: 'stop', at });
        await proc.stop();
        return { consumerId: command.consumerId };
      });
    }
    case 'consumer:restart': {
      const consumer = knownConsumer(lab, command.consumerId);
      const config = own(lab.state.labGroups, consumer.groupId);
      if (!config)
        throw new CommandError(
          `consumerId: the group of ${command.consumerId} is no longer a lab group`,
        );
      return exclusive(lab, command.consumerId, async () => {
        const running = lab.processes.get(command.consumerId);
        if (running?.alive) {
          lab.dispatch({ type: 'consumer/commanded', id: command.consumerId, command: 'stop', at });
          await running.stop();
        }
        const proc = lab.spawnConsumer(command.consumerId, config, consumer.delayMs);
        return { consumerId: command.consumerId, pid: proc.pid };
      });
    }
    case 'consumer:pause':
    case 'consumer:resume': {
      const proc = liveProcess(lab, command.consumerId);
      const pause = command.type === 'consumer:pause';
      proc.send({ type: pause ? 'pause' : 'resume' });
      lab.dispatch({
        type: 'consumer/commanded',
        id: command.consumerId,
        command: pause ? 'pause' : 'resume',
        at,
      });
      return { consumerId: command.consumerId, paused: pause };
    }
    case 'consumer:slow': {
      const proc = liveProcess(lab, command.consumerId);
      proc.send({ type: 'slow', delayMs: command.delayMs });
      lab.dispatch({
        type: 'consumer/commanded',
        id: command.consumerId,
        command: 'slow',
        delayMs: command.delayMs,
        at,
      });
      return { consumerId: command.consumerId, delayMs: command.delayMs };
    }
  }
}
