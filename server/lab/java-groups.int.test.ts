import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { ownedCounts, stableLabGroup } from '../test-support/lab-groups';
import { waitFor } from '../test-support/wait-for';

describe('lab groups of Java consumers on a real broker', () => {
  const brokers = inject('brokers');
  const topic = `java-topic-${randomUUID().slice(0, 8)}`;
  let app: OffsetLab;
  let client: LabClient;
  const processedCount = (groupId: string) =>
    Object.values(app.lab.state.processed[groupId] ?? {}).reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty', { topic, partitions: 6, rate: 60 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('cooperative-sticky: a new member takes only what moves, and the others never stop', async () => {
    const { groupId, consumerIds } = await stableLabGroup(
      client,
      topic,
      { consumers: 2, client: 'java', assignor: 'cooperative-sticky' },
      'coop',
    );
    const owned = (id: string) => {
      const lane = app.lab
        .snapshot()
        .groups.find((g) => g.groupId === groupId)
        ?.lanes.find((l) => l.key === id);
      return new Set(lane?.partitions.map((p) => p.partition));
    };
    const before = new Map(consumerIds.map((id) => [id, owned(id)]));
    const processedBefore = processedCount(groupId);
    const addedAt = Date.now();
    await client.ok({ type: 'consumer:add', groupId });
    // While the third member joins, the first two keep processing what they keep.
    const kept = await waitFor(
      'the three members to settle 2/2/2',
      async () => {
        const g = await client.group(groupId);
        return g?.state === 'Stable' && ownedCounts(g).join() === '2,2,2' ? g : undefined;
      },
      40_000,
    );
    for (const id of consumerIds) {
      const now = owned(id);
      const lost = [...(before.get(id) ?? [])].filter((p) => !now.has(p));
      expect(lost.length).toBeLessThanOrEqual(1);
    }
    expect(processedCount(groupId)).toBeGreaterThan(processedBefore);
    const completed = app.lab.state.timeline.find(
      (e) => e.kind === 'rebalance-completed' && e.groupId === groupId && e.at >= addedAt,
    );
    expect(completed?.message).toContain('cooperative-sticky');
    // Only the partitions that moved paused: at most 2 of 6 (one from each old member).
    expect(completed?.message).toMatch(/[12] partition\(s\) paused/);
    expect(kept.lanes.every((l) => l.kind === 'consumer')).toBe(true);
  });
});
