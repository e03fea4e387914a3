import type { ProducerUpdateCommand } from '../../../protocol/commands';
import { partitionKey } from '../../../protocol/keys';
import type { GroupInfo } from '../../../protocol/snapshot';
import type { ExperimentContext } from './runner';

export const STABLE_WAIT_MS = 90_000;

export const ms = (n: number) => `${Math.round(n)} ms`;

/**
 * The group Stable, no rebalance running, and `consumers` running lab consumers owning partitions
 * as evenly as they can.
 */
export async function stableGroup(
  ctx: ExperimentContext,
  groupId: string,
  consumers: number,
): Promise<GroupInfo> {
  const stable = ctx.waitFor(
    `${groupId} stable with ${consumers} consumers`,
    () => {
      const g = ctx.group(groupId);
      const running = g?.lanes.filter(
        (l) => l.kind === 'consumer' && l.consumer?.phase === 'running' && l.partitions.length > 0,
      );
      // Balanced too: a cooperative group can be Stable between its two rounds, unevenly spread.
      const owned = running?.map((l) => l.partitions.length) ?? [];
      const balanced = Math.max(...owned) - Math.min(...owned) <= 1;
      // Each partition owned once: a member's revoke may still be on its way when another
      // member's report of taking the partition has been read.
      const keys = running?.flatMap((l) =>
        l.partitions.map((p) => partitionKey(p.topic, p.partition)),
      );
      const once = keys !== undefined && new Set(keys).size === keys.length;
      return g?.state === 'Stable' &&
        !g.rebalance &&
        running?.length === consumers &&
        balanced &&
        once &&
        keys.length === g.offsets.length
        ? g
        : undefined;
    },
    STABLE_WAIT_MS,
  );
  // A timeout says where the group stood, so a failed run can be told from a slow one.
  return stable.catch((error: Error) => {
    const g = ctx.group(groupId);
    const lanes = g?.lanes
      .map(
        (l) => `${l.consumerId ?? l.memberId}:${l.consumer?.phase ?? '-'}[${l.partitions.length}]`,
      )
      .join(' ');
    throw new Error(
      `${error.message}; it was ${g?.state ?? 'not seen'}, rebalance ${g?.rebalance ? 'open' : 'closed'}, lanes ${lanes || 'none'}`,
    );
  });
}

export function producerTopic(ctx: ExperimentContext): string {
  const topic = ctx.lab.producer.settings.topic;
  if (ctx.lab.partitionCount(topic) === 0)
    throw new Error(`the producer's topic ${topic} does not exist`);
  return topic;
}

/** Runs `work` with the producer changed, then puts its settings back as they were. */
export async function withProducer<T>(
  ctx: ExperimentContext,
  changes: Omit<ProducerUpdateCommand, 'type'>,
  work: () => Promise<T>,
): Promise<T> {
  // Every setting an experiment may change goes back, poison included.
  const { rate, keyMode, acks, idempotent, paused, topic } = ctx.lab.producer.settings;
  const poisonPercent = ctx.lab.producer.info().poisonPercent ?? 0;
  const before = { rate, keyMode, acks, idempotent, paused, topic, poisonPercent };
  await ctx.command({ type: 'producer:update', ...changes });
  try {
    return await work();
  } finally {
    await ctx.command({ type: 'producer:update', ...before });
  }
}

/** The group has read everything in its partitions and the audit has nothing outstanding. */
export function caughtUp(ctx: ExperimentContext, groupId: string, timeoutMs = 60_000) {
  return ctx.waitFor(
    `${groupId} to catch up`,
    () => {
      const g = ctx.group(groupId);
      return g?.state === 'Stable' && g.totalLag === 0 ? g : undefined;
    },
    timeoutMs,
  );
}

/** Sum over partitions of `f`, and the per-partition values as text ("P0 12, P1 40"). */
export function perPartition(
  offsets: GroupInfo['offsets'],
  f: (o: GroupInfo['offsets'][number]) => number,
): { sum: number; text: string } {
  const values = offsets.map((o) => ({ p: o.partition, v: f(o) }));
  return {
    sum: values.reduce((s, x) => s + x.v, 0),
    text: values.map((x) => `P${x.p} ${x.v}`).join(', '),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
