import type { CommandOf, ResetTarget } from '../../protocol/commands';
import { say } from '../../protocol/texts';
import { liveConsumers } from '../state/selectors';
import type { ResetRecord, Said } from '../state/types';
import { CommandError } from './command-error';
import { CONSUMER_COMMANDS } from './consumer-commands';
import type { Lab } from './lab';
import { type PartitionPosition, planReset, type ResetPlanRow } from './offset-reset';

const VALUE_MEANING: Partial<Record<ResetTarget, string>> = {
  offset: 'the offset',
  timestamp: 'a time in epoch ms',
  shift: 'how far to move, negative to replay',
  last: 'how many already processed records of each partition to read again',
};
/** How long a stopped group may take to show as Empty (a LeaveGroup is normally seen in < 1 s). */
const EMPTY_TIMEOUT_MS = 30_000;

function positions(lab: Lab, groupId: string, topic: string): PartitionPosition[] {
  const rows = (lab.fullSnapshot().groups.find((g) => g.groupId === groupId)?.offsets ?? []).filter(
    (o) => o.topic === topic,
  );
  if (rows.length === 0)
    throw new CommandError(`groupId: no partitions of ${topic} known yet for ${groupId}`);
  return rows;
}

function requireEmpty(lab: Lab, groupId: string): void {
  const live = liveConsumers(lab.state, groupId).length;
  const observed = lab.state.observation?.groups.find((g) => g.groupId === groupId);
  if (live > 0 || (observed && observed.state !== 'Empty')) {
    throw new CommandError(
      `groupId: Kafka resets offsets only of an Empty group; ${groupId} is ${observed?.state ?? 'starting'} with ${live || observed?.members.length} consumer(s): stop them first, or use group:replay, which does`,
    );
  }
}

/** Writes the plan (offsets, and deletions where the group had none) and records the undo. */
async function apply(
  lab: Lab,
  groupId: string,
  topic: string,
  plan: { partition: number; from: number | null; to: number | null }[],
  detail: Said,
  undoable: boolean,
): Promise<void> {
  const moves = plan.filter((p): p is typeof p & { to: number } => p.to !== null);
  const forget = plan.filter((p) => p.to === null).map((p) => p.partition);
  if (moves.length > 0)
    await lab.options.admin.setOffsets(
      groupId,
      topic,
      moves.map((p) => ({ partition: p.partition, offset: p.to })),
    );
  if (forget.length > 0) await lab.options.admin.deleteOffsets(groupId, topic, forget);
  const at = Date.now();
  const undo: ResetRecord | null = undoable
    ? {
        topic,
        before: plan.map((p) => ({ partition: p.partition, offset: p.from })),
        at,
        detail: detail.message,
      }
    : null;
  lab.dispatch({ type: 'group/offsets-reset', groupId, at, detail, undo });
  await lab.refresh();
}

/** Moves a lab group's committed offsets, or with dryRun only shows where they would go. */
export async function resetOffsets(
  lab: Lab,
  command: CommandOf<'group:reset-offsets'>,
  topic: string,
): Promise<{ groupId: string; topic: string; dryRun: boolean; plan: ResetPlanRow[] }> {
  const { groupId, to, dryRun } = command;
  const meaning = VALUE_MEANING[to];
  if (command.value === undefined && meaning)
    throw new CommandError(`value is required for to=${to} (${meaning})`);
  const value = command.value ?? 0;
  if ((to === 'offset' || to === 'timestamp' || to === 'last') && value < 0) {
    throw new CommandError(`value must be 0 or more for to=${to} (${meaning})`);
  }
  await lab.refresh();
  const rows = positions(lab, groupId, topic);
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
  // A preview is allowed while consumers run: it is how a replay is planned.
  if (dryRun) return { groupId, topic, dryRun: true, plan };
  requireEmpty(lab, groupId);
  const moved = plan.filter((p) => p.from !== p.to).length;
  const where = to === 'earliest' || to === 'latest' ? '' : ` ${value}`;
  const detail = say('offsets-reset', { groupId, to: `${to}${where}`, moved, total: plan.length });
  await apply(lab, groupId, topic, plan, detail, true);
  return { groupId, topic, dryRun: false, plan };
}

/**
 * Does `work` while the group's running lab consumers are stopped, as a real team would: stop
 * them (LeaveGroup and a last commit), wait until Kafka shows the group Empty, then start the
 * same consumers again, also when `work` failed.
 */
async function whileStopped<T>(lab: Lab, groupId: string, work: () => Promise<T>) {
  const ctx = { lab, broker: null };
  const stopped = liveConsumers(lab.state, groupId)
    .filter((c) => lab.handle(c.id))
    .map((c) => c.id);
  for (const consumerId of stopped)
    await CONSUMER_COMMANDS['consumer:stop'](ctx, { type: 'consumer:stop', consumerId });
  try {
    await lab.refreshUntil(() => {
      const observed = lab.state.observation?.groups.find((g) => g.groupId === groupId);
      return (
        liveConsumers(lab.state, groupId).length === 0 && (!observed || observed.state === 'Empty')
      );
    }, EMPTY_TIMEOUT_MS);
    return { stopped, result: await work() };
  } finally {
    for (const consumerId of stopped)
      await CONSUMER_COMMANDS['consumer:restart'](ctx, { type: 'consumer:restart', consumerId });
  }
}

/** Reads again from the last N, a time or an offset: stop, reset while Empty, restart. */
export async function replay(lab: Lab, command: CommandOf<'group:replay'>, topic: string) {
  const { groupId, from, value } = command;
  if (from !== 'earliest' && value === undefined)
    throw new CommandError(`value is required for from=${from} (${VALUE_MEANING[from]})`);
  const { stopped, result } = await whileStopped(lab, groupId, () =>
    resetOffsets(
      lab,
      { type: 'group:reset-offsets', groupId, to: from, value, dryRun: false },
      topic,
    ),
  );
  return { method: 'stop-reset-restart', restarted: stopped, ...result };
}

/** Puts back exactly the offsets the group had before its last reset or replay. */
export async function undoReset(lab: Lab, groupId: string) {
  const record = lab.state.resets[groupId];
  if (!record)
    throw new CommandError(
      `groupId: nothing to undo: ${groupId} has had no offset reset since this server started`,
    );
  const { stopped, result } = await whileStopped(lab, groupId, async () => {
    requireEmpty(lab, groupId);
    const now = new Map(
      positions(lab, groupId, record.topic).map((r) => [r.partition, r.committedOffset]),
    );
    const plan = record.before.map((b) => ({
      partition: b.partition,
      from: now.get(b.partition) ?? null,
      to: b.offset,
    }));
    const detail = say('offsets-restored', { groupId });
    // The undo is itself undoable: undoing twice redoes the reset.
    await apply(lab, groupId, record.topic, plan, detail, true);
    return { groupId, topic: record.topic, restored: record.before };
  });
  return { method: 'stop-reset-restart', restarted: stopped, ...result };
}
