/**
 * The course's crash lessons, measured: where a restarted consumer resumes, how many records a
 * crash makes it process twice (at-least-once) or never (at-most-once).
 */
import type { CommitMode } from '../../../protocol/commands';
import type { GroupInfo } from '../../../protocol/snapshot';
import { caughtUp, perPartition, producerTopic, sleep, stableGroup, withProducer } from './helpers';
import type { ExperimentContext, ExperimentDefinition } from './runner';

/** Slow enough that a crash lands between two records, so the reported position is exact. */
const SLOW_MS = 500;

type Offsets = GroupInfo['offsets'];
/** group:create fields an experiment sets (the rest take their defaults). */
export type GroupOptions = {
  commitMode: CommitMode;
  autoCommitIntervalMs?: number;
  dlq?: boolean;
  retryAttempts?: number;
  retryBackoffMs?: number;
};

/** Waits until nothing the producer sent is still unanswered. */
export function producerSettled(ctx: ExperimentContext) {
  return ctx.waitFor(
    'the producer to settle',
    () => ctx.lab.producer.info().inFlight === 0,
    30_000,
  );
}

/**
 * A one-consumer group that starts exactly at the log end: made Empty, reset to latest with the
 * producer paused (no record straddles the start), then given its consumer.
 */
export async function groupAtLogEnd(
  ctx: ExperimentContext,
  prefix: string,
  options: GroupOptions,
): Promise<{ groupId: string; consumerId: string }> {
  const topic = producerTopic(ctx);
  const groupId = ctx.newGroupId(prefix);
  ctx.step('create-group-mode', { groupId, commitMode: options.commitMode });
  await withProducer(ctx, { paused: true }, async () => {
    await producerSettled(ctx);
    await ctx.command({ type: 'group:create', groupId, topic, consumers: 0, ...options });
    await ctx.lab.refreshUntil(() => (ctx.group(groupId)?.offsets.length ?? 0) > 0, 30_000);
    await ctx.command({ type: 'group:reset-offsets', groupId, to: 'latest' });
    await ctx.command({ type: 'consumer:add', groupId });
    await stableGroup(ctx, groupId, 1);
  });
  const consumerId = ctx.group(groupId)?.lanes.find((l) => l.consumerId)?.consumerId;
  if (!consumerId) throw new Error(`no consumer in ${groupId}`);
  return { groupId, consumerId };
}

/** Grows by one with every record the consumer finishes (commits do not move it). */
const processedSum = (offsets: Offsets) =>
  offsets.reduce((s, o) => s + (o.processedOffset ?? 0), 0);

/**
 * Kills the consumer just after it finished a record: the next one is still in its delay, so
 * what it reported is exactly what it processed. Returns the positions it had reached.
 */
async function crashBetweenRecords(
  ctx: ExperimentContext,
  groupId: string,
  consumerId: string,
  worth: (reached: Offsets) => boolean,
) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const before = processedSum(ctx.group(groupId)?.offsets ?? []);
    await ctx.waitFor(
      'record finished',
      () => processedSum(ctx.group(groupId)?.offsets ?? []) > before,
      20_000,
    );
    const reached = ctx.group(groupId)?.offsets ?? [];
    await sleep(SLOW_MS * 0.3);
    const now = ctx.group(groupId)?.offsets ?? [];
    if (processedSum(now) !== processedSum(reached) || !worth(reached)) continue;
    ctx.step('crash', { consumerId });
    await ctx.command({ type: 'consumer:crash', consumerId });
    return reached;
  }
  throw new Error('could not find a quiet moment between two records');
}

export interface CrashResult {
  groupId: string;
  /** Per partition: where the dead process had processed to, what Kafka had committed, the log end. */
  reached: Offsets;
  committed: Offsets;
  before: NonNullable<GroupInfo['audit']>;
  after: NonNullable<GroupInfo['audit']>;
}

/** Builds up some work, crashes between two records, restarts, and lets the group catch up. */
export async function crashAndRestart(
  ctx: ExperimentContext,
  prefix: string,
  options: GroupOptions,
  minimumWork: (g: GroupInfo) => boolean,
): Promise<CrashResult> {
  const { groupId, consumerId } = await groupAtLogEnd(ctx, prefix, options);
  const worth = (offsets: Offsets) => {
    const g = ctx.group(groupId);
    return g !== undefined && minimumWork({ ...g, offsets });
  };
  ctx.step('slow', { consumerId, delayMs: SLOW_MS });
  await ctx.command({ type: 'consumer:slow', consumerId, delayMs: SLOW_MS });
  await ctx.waitFor(
    'some work to lose or repeat',
    () => {
      const g = ctx.group(groupId);
      return g && minimumWork(g);
    },
    60_000,
  );
  // The producer keeps going until the crash (the consumer needs records to be between), then
  // stops, so that the log end, and what the restarted consumer must read, stay put.
  const reached = await crashBetweenRecords(ctx, groupId, consumerId, worth);
  return withProducer(ctx, { paused: true }, async () => {
    await producerSettled(ctx);
    // A commit sent just before the kill may still land: give it a moment, then ask Kafka.
    await sleep(1000);
    await ctx.lab.refresh();
    const committed = ctx.group(groupId)?.offsets ?? [];
    const before = ctx.group(groupId)?.audit;
    if (!before) throw new Error(`no audit for ${groupId}`);
    ctx.step('restart', { consumerId });
    await ctx.command({ type: 'consumer:restart', consumerId });
    await ctx.command({ type: 'consumer:slow', consumerId, delayMs: 0 });
    const done = await caughtUp(ctx, groupId);
    const after = done.audit;
    if (!after) throw new Error(`no audit for ${groupId}`);
    return { groupId, reached, committed, before, after };
  });
}

const at = (offsets: Offsets, partition: number) => offsets.find((o) => o.partition === partition);

/** Records processed but not committed at the crash (negative: committed but not processed). */
function window(r: CrashResult, sign: 1 | -1) {
  return perPartition(r.committed, (o) => {
    const reached = at(r.reached, o.partition);
    const done = reached?.processedOffset ?? reached?.committedOffset ?? o.committedOffset ?? 0;
    return Math.max(0, sign * (done - (o.committedOffset ?? 0)));
  });
}

const killRestart: ExperimentDefinition = {
  id: 'kill-restart',
  run: async (ctx) => {
    const r = await crashAndRestart(
      ctx,
      'exp-restart',
      { commitMode: 'after-processing' },
      // A backlog, so that where it resumes decides how much it reads.
      (g) => g.totalLag >= 10,
    );
    const committed = perPartition(r.committed, (o) => o.committedOffset ?? 0);
    const toRead = perPartition(r.committed, (o) => o.logEndOffset - (o.committedOffset ?? 0));
    const read = r.after.processed - r.before.processed;
    const repeated = window(r, 1).sum;
    ctx.measure('restart.committed', committed.text);
    ctx.measure('restart.read', read, `${toRead.sum}`, read === toRead.sum);
    ctx.measure(
      'restart.duplicates',
      r.after.duplicates - r.before.duplicates,
      `${repeated}`,
      r.after.duplicates - r.before.duplicates === repeated,
    );
    ctx.measure('restart.missing', r.after.missing, '0', r.after.missing === 0);
  },
};

const crashUncommitted: ExperimentDefinition = {
  id: 'crash-uncommitted',
  run: async (ctx) => {
    const r = await crashAndRestart(
      ctx,
      'exp-uncommitted',
      { commitMode: 'auto', autoCommitIntervalMs: 20_000 },
      (g) =>
        g.offsets.reduce(
          (s, o) => s + Math.max(0, (o.processedOffset ?? 0) - (o.committedOffset ?? 0)),
          0,
        ) >= 4,
    );
    const w = window(r, 1);
    const dup = r.after.duplicates - r.before.duplicates;
    ctx.measure('uncommitted.window', w.sum, '> 0', w.sum > 0);
    ctx.measure('uncommitted.duplicates', dup, `${w.sum}`, dup === w.sum);
    ctx.measure('uncommitted.missing', r.after.missing, '0', r.after.missing === 0);
  },
};

const atMostOnce: ExperimentDefinition = {
  id: 'at-most-once',
  run: async (ctx) => {
    const r = await crashAndRestart(
      ctx,
      'exp-at-most-once',
      { commitMode: 'before-processing' },
      (g) =>
        g.offsets.some(
          (o) => o.processedOffset !== null && (o.committedOffset ?? 0) - o.processedOffset >= 3,
        ),
    );
    const skipped = window(r, -1);
    const dup = r.after.duplicates - r.before.duplicates;
    ctx.measure('atmost.skipped', skipped.sum, '> 0', skipped.sum > 0);
    ctx.measure(
      'atmost.missing',
      r.after.missing,
      `≥ ${skipped.sum}`,
      // At least the skipped ones; a rebalance while the restarted consumer works (the dead
      // member leaving at its session timeout) can cut another committed batch short.
      r.after.missing >= skipped.sum && r.after.missing > 0,
    );
    ctx.measure('atmost.duplicates', dup, '0', dup === 0);
  },
};

export const CRASH_EXPERIMENTS: ExperimentDefinition[] = [
  killRestart,
  crashUncommitted,
  atMostOnce,
];
