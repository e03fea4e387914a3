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
