import { liveConsumers } from '../state/selectors';
import type { LabState } from '../state/types';
import { CommandError } from './command-error';

/**
 * What one lab may hold: each consumer is an OS process (a JVM for Java ones, ~90 MiB), each
 * group and topic a load on the one broker and on the page. A command past a limit is refused
 * before it creates anything.
 */
export interface LabLimits {
  groups: number;
  consumers: number;
  topics: number;
}

export const DEFAULT_LIMITS: LabLimits = { groups: 20, consumers: 64, topics: 50 };

/** What a limit check reads: the lab's state and its limits. */
interface Limited {
  state: LabState;
  limits: LabLimits;
}

export function checkGroupLimit({ state, limits }: Limited): void {
  const count = Object.keys(state.labGroups).length;
  if (count >= limits.groups)
    throw new CommandError(
      `groupId: the lab runs at most ${limits.groups} groups (${count} now); delete one first`,
    );
}

/** `field`: the command's field that asks for the new consumers. */
export function checkConsumerLimit(
  { state, limits }: Limited,
  adding: number,
  field: string,
): void {
  const running = liveConsumers(state).length;
  if (running + adding > limits.consumers)
    throw new CommandError(
      `${field}: the lab runs at most ${limits.consumers} consumers in all (${running} running, ${adding} more asked for); stop some first`,
    );
}

/** `adding`: the topics the command would create (a group's .dlq or .out counts too). */
export function checkTopicLimit({ state, limits }: Limited, adding: number, field = 'topic'): void {
  const count = state.labTopics.length;
  if (count + adding > limits.topics)
    throw new CommandError(
      `${field}: the lab creates at most ${limits.topics} topics (${count} now); delete one first`,
    );
}
