import type { Command } from '../../protocol/commands';
import { CommandError } from './command-error';
import { liveConsumerCount } from './consumer-commands';
import type { Lab } from './lab';
import { planReset } from './offset-reset';

type ResetCommand = Extract<Command, { type: 'group:reset-offsets' }>;

/** Moves a lab group's committed offsets, or with dryRun only shows where they would go. */
export async function resetOffsets(
  lab: Lab,
  command: ResetCommand,
  topic: string,
): Promise<unknown> {
  const { groupId, to, dryRun } = command;
  if (command.value === undefined && (to === 'offset' || to === 'timestamp' || to === 'shift')) {
    const meaning = {
      offset: 'the offset',
      timestamp: 'a time in epoch ms',
      shift: 'how far to move, negative to replay',
    }[to];
    throw new CommandError(`value is required for to=${to} (${meaning})`);
  }
  const value = command.value ?? 0;
  if ((to === 'offset' || to === 'timestamp') && value < 0) {
    throw new CommandError(
      `value must be 0 or more for to=${to} (an offset, or a time in epoch ms)`,
    );
  }
  await lab.refresh();
  const live = liveConsumerCount(lab, groupId);
  const observed = lab.state.observation?.groups.find((g) => g.groupId === groupId);
  if (live > 0 || (observed && observed.state !== 'Empty')) {
    throw new CommandError(
      `groupId: Kafka resets offsets only of an Empty group; ${groupId} is ${observed?.state ?? 'starting'} with ${live || observed?.members.length} consumer(s): stop them first`,
    );
  }
  const rows = (lab.snapshot().groups.find((g) => g.groupId === groupId)?.offsets ?? []).filter(
    (o) => o.topic === topic,
  );
  if (rows.length === 0)
    throw new CommandError(`groupId: no partitions of ${topic} known yet for ${groupId}`);
  const byTimestamp =
    to === 'timestamp' ? await lab.options.admin.offsetsByTimestamp(topic, value) : undefined;
  const uncommitted = rows.filter((r) => r.committedOffset === null).map((r) => r.partition);
  if (to === 'shift' && uncommitted.length > 0) {
    // As Kafka's tool: a shift needs a committed offset to shift from.
    throw new CommandError(
      `to: cannot shift partition(s) ${uncommitted.join(', ')} of ${topic}: ${groupId} has no committed offset there; reset to earliest, latest, an offset or a time instead`,
    );
  }
  const plan = planReset(to, value, rows, byTimestamp);
  if (dryRun) return { groupId, topic, dryRun: true, plan };
  await lab.options.admin.setOffsets(
    groupId,
    topic,
    plan.map((p) => ({ partition: p.partition, offset: p.to })),
  );
  const moved = plan.filter((p) => p.from !== p.to).length;
  lab.dispatch({
    type: 'group/offsets-reset',
    groupId,
    at: Date.now(),
    detail: `Offsets of ${groupId} reset to ${to}${to === 'earliest' || to === 'latest' ? '' : ` ${value}`}: ${moved} of ${plan.length} partitions moved`,
  });
  await lab.refresh();
  return { groupId, topic, dryRun: false, plan };
}
