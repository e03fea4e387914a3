import { randomUUID } from 'node:crypto';
import type { GroupInfo } from '../../protocol/snapshot';
import type { LabClient } from './lab-client';
import { waitFor } from './wait-for';

/** Partitions each member owns, in member order. */
export const ownedCounts = (g: GroupInfo | undefined): number[] =>
  g?.members.map((m) => m.assignments.flatMap((a) => a.partitions).length) ?? [];

/**
 * A lab group of its own for one test: a unique id, created with `options`, returned once it is
 * Stable with every consumer a member owning at least one partition (when there are enough).
 */
export async function stableLabGroup(
  client: LabClient,
  topic: string,
  options: Record<string, unknown> & { consumers: number },
  prefix = 'g',
): Promise<{ groupId: string; consumerIds: string[]; group: GroupInfo }> {
  const groupId = `${prefix}-${randomUUID().slice(0, 8)}`;
  const created = (await client.ok({ type: 'group:create', groupId, topic, ...options })) as {
    consumerIds: string[];
  };
  const group = await waitFor(
    `${groupId} stable with ${options.consumers} members`,
    async () => {
      const g = await client.group(groupId);
      const counts = ownedCounts(g);
      // Its forming rebalance closed and the partitions spread evenly: a test that breaks the
      // group next measures only what it broke (the first rounds can end Stable but uneven).
      return g?.state === 'Stable' &&
        !g.rebalance &&
        counts.length === options.consumers &&
        Math.max(...counts) - Math.min(...counts) <= 1 &&
        g.lanes.every((l) => l.kind === 'consumer' && l.consumer?.phase === 'running')
        ? g
        : undefined;
    },
    30_000,
  );
  return { groupId, consumerIds: created.consumerIds, group };
}

type Storm = NonNullable<GroupInfo['storm']>;

/**
 * Crash-loops `victim` the way a supervisor does (crash, restart at once; the next crash once the
 * group has settled again: the dead member evicted, both lanes running) until the group shows a
 * rebalance storm or `timeoutMs` passes. Null: no storm by then.
 */
export async function crashLoopUntilStorm(
  client: LabClient,
  groupId: string,
  victim: string,
  members: number,
  timeoutMs: number,
): Promise<{ storm: Storm | null; crashes: number }> {
  const startedAt = Date.now();
  let crashes = 0;
  let storm = (await client.group(groupId))?.storm ?? null;
  while (!storm && Date.now() - startedAt < timeoutMs) {
    crashes++;
    await client.ok({ type: 'consumer:crash', consumerId: victim });
    await client.ok({ type: 'consumer:restart', consumerId: victim });
    storm = await waitFor(
      `crash ${crashes}: the group settled, or a storm`,
      async () => {
        const g = await client.group(groupId);
        if (g?.storm) return g.storm;
        const settled =
          g?.state === 'Stable' &&
          !g.rebalance &&
          (g.waiting ?? []).length === 0 &&
          g.lanes.filter((l) => l.consumer?.phase === 'running').length === members;
        return settled ? null : undefined;
      },
      30_000,
    );
  }
  return { storm, crashes };
}
