import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WorkerMessage } from '../../protocol/ipc';
import { WORKER_TIMINGS } from '../../protocol/worker-timings';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { ownedCounts, stableLabGroup } from '../test-support/lab-groups';
import { waitFor } from '../test-support/wait-for';

/** How often a lab consumer reports its progress. */
const PROGRESS_FLUSH_MS = WORKER_TIMINGS.progressFlushMs;
/**
 * How soon after a rebalance an old member must report work on what it kept: ten flushes, room
 * for a flush delayed by a busy machine (one run saw none within 1.1 s).
 */
const REPORT_WINDOW_MS = 2000;

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
    // Every progress report of the old members, to see them work through the rebalance.
    const progress: { id: string; at: number; partitions: number[] }[] = [];
    // And every partition they gave up: cooperative-sticky revokes only what moves.
    const revoked: { id: string; partitions: number[] }[] = [];
    const onMessage = (id: string, message: WorkerMessage) => {
      if (!consumerIds.includes(id)) return;
      if (message.type === 'progress')
        progress.push({
          id,
          at: message.at,
          partitions: message.processed.map((p) => p.partition),
        });
      if (message.type === 'revoked')
        revoked.push({ id, partitions: message.partitions.flatMap((a) => a.partitions) });
    };
    app.lab.on('worker-message', onMessage);
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
    // Cooperative rebalancing takes two rounds (revoke, then assign): each is a rebalance of its own.
    const completed = app.lab.state.timeline.filter(
      (e) => e.kind === 'rebalance-completed' && e.groupId === groupId && e.at >= addedAt,
    );
    expect(completed.every((e) => e.message.includes('cooperative-sticky'))).toBe(true);
    // Only the partitions that moved paused: at most 2 of 6 (one from each old member).
    const paused = completed.map((e) =>
      Number(/(\d+) partition\(s\) paused/.exec(e.message)?.[1] ?? 0),
    );
    expect(Math.max(...paused)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...paused)).toBeLessThanOrEqual(2);
    expect(kept.lanes.every((l) => l.kind === 'consumer')).toBe(true);
    // Each old member went on processing what it kept. The rebalance (from its first round's
    // start to its last round's end) often lasts a few ms, shorter than the 100 ms between two
    // progress reports, and a report's time is when its flush ran, which a busy machine delays:
    // so the check is that the kept partitions were never revoked (the protocol's promise) and
    // that work on them is reported again soon after the rebalance, within REPORT_WINDOW_MS.
    app.lab.off('worker-message', onMessage);
    const last = kept.lastRebalance;
    expect(last).not.toBeNull();
    const rounds = [last, ...(kept.earlierRebalances ?? [])].filter(
      (r) => r !== null && r.startedAt >= addedAt,
    );
    const from = Math.min(...rounds.map((r) => r?.startedAt ?? Number.POSITIVE_INFINITY));
    const to = (last?.endedAt ?? 0) + PROGRESS_FLUSH_MS + REPORT_WINDOW_MS;
    // The moved partitions were revoked and reported, so a revocation of a kept one would show.
    expect(revoked.flatMap((r) => r.partitions).length).toBeGreaterThanOrEqual(1);
    for (const id of consumerIds) {
      const keptByIt = [...(before.get(id) ?? [])].filter((p) => owned(id).has(p));
      const gaveUp = revoked.filter((r) => r.id === id).flatMap((r) => r.partitions);
      expect(
        gaveUp.filter((p) => keptByIt.includes(p)),
        `${id} revoked a kept partition`,
      ).toEqual([]);
      const onKept = progress.filter(
        (r) => r.id === id && r.partitions.some((p) => keptByIt.includes(p)),
      );
      const after = onKept.filter((r) => r.at >= from && r.at <= to);
      expect(
        after.length,
        `${id} processing kept partitions ${keptByIt} by ${to - from} ms after the rebalance began; its reports on them at ${onKept.map((r) => r.at - from).join(', ')} ms from then`,
      ).toBeGreaterThan(0);
    }
  });

  it('KIP-848: a crashed member’s partitions move after the session timeout; the others never stop', async () => {
    const { groupId, consumerIds } = await stableLabGroup(
      client,
      topic,
      { consumers: 3, client: 'java', protocol: 'consumer', sessionTimeoutMs: 6000 },
      'kip848',
    );
    const [victim, ...survivors] = consumerIds as [string, ...string[]];
    const crashedAt = Date.now();
    await client.ok({ type: 'consumer:crash', consumerId: victim });
    const settled = await waitFor(
      'the survivors to own all 6 partitions',
      async () => {
        const g = await client.group(groupId);
        return g?.state === 'Stable' &&
          ownedCounts(g).join() === '3,3' &&
          (g.lastRebalance?.endedAt ?? 0) > crashedAt
          ? g
          : undefined;
      },
      30_000,
    );
    const movedAfterMs = (settled.lastRebalance?.endedAt ?? 0) - crashedAt;
    expect(movedAfterMs).toBeGreaterThan(4000);
    // Nothing was taken from a survivor: every move came from the dead member, every pause was its.
    for (const move of settled.lastRebalance?.moves ?? [])
      expect(survivors).not.toContain(move.from);
    expect(Object.keys(settled.lastRebalance?.pausedMs ?? {})).toHaveLength(2);
    const events = app.lab.state.timeline.filter((e) => e.groupId === groupId);
    expect(
      events.some((e) => e.kind === 'member-joined' && e.message.includes('member epoch')),
    ).toBe(true);
    expect(
      events.some(
        (e) =>
          e.kind === 'rebalance-completed' &&
          e.at > crashedAt &&
          e.message.includes('member epochs'),
      ),
    ).toBe(true);
    console.log(`KIP-848 crash: partitions moved ${movedAfterMs} ms after the kill`);
  });
});
