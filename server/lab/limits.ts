import { liveConsumers } from '../state/selectors';
import type { LabState } from '../state/types';
import { CommandError } from './command-error';

/**
 * What one lab may hold: each consumer is an OS process (a JVM for Java ones, ~90 MiB), each
 * group and topic a load on the one broker and on the page. A command past a limit is refused
 * before it creates anything.
 */
export const MAX_LAB_GROUPS = 20;
export const MAX_LAB_CONSUMERS = 64;
export const MAX_LAB_TOPICS = 50;

export function checkGroupLimit(state: LabState): void {
  const count = Object.keys(state.labGroups).length;
  if (count >= MAX_LAB_GROUPS)
    throw new CommandError(
      `groupId: the lab runs at most ${MAX_LAB_GROUPS} groups (${count} now); delete one first`,
    );
}

/** `field`: the command's field that asks for the new consumers. */
export function checkConsumerLimit(state: LabState, adding: number, field: string): void {
  const running = liveConsumers(state).length;
  if (running + adding > MAX_LAB_CONSUMERS)
    throw new CommandError(
      `${field}: the lab runs at most ${MAX_LAB_CONSUMERS} consumers in all (${running} running, ${adding} more asked for); stop some first`,
    );
}

/** `adding`: the topics the command would create (a group's .dlq or .out counts too). */
export function checkTopicLimit(state: LabState, adding: number, field = 'topic'): void {
  const count = state.labTopics.length;
  if (count + adding > MAX_LAB_TOPICS)
    throw new CommandError(
      `${field}: the lab creates at most ${MAX_LAB_TOPICS} topics (${count} now); delete one first`,
    );
}
