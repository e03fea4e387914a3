import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { fetchCommitted } from '../kafka/test-support/external-client';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { stableLabGroup } from '../test-support/lab-groups';
import { waitFor } from '../test-support/wait-for';

type Plan = { partition: number; from: number | null; to: number }[];

describe('replay and undo on a real broker', () => {
  const brokers = inject('brokers');
  const topic = `replay-${randomUUID().slice(0, 8)}`;
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty', { topic, partitions: 3, rate: 60 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('replays the last N of a running group: stop, reset while Empty, restart; each replayed record processed again once', async () => {
    const { groupId, consumerIds } = await stableLabGroup(client, topic, { consumers: 2 }, 'rp');
    await waitFor('20 records processed per partition', async () => {
      const g = await client.group(groupId);
      return g?.offsets.every((o) => (o.committedOffset ?? 0) >= 20);
    });
    const pidsBefore = (await client.state()).consumers
      .filter((c) => c.groupId === groupId)
      .map((c) => c.pid);
    const result = (await client.ok({ type: 'group:replay', groupId, from: 'last', value: 5 })) as {
      method: string;
      restarted: string[];
      plan: Plan;
    };
    expect(result.method).toBe('stop-reset-restart');
    expect([...result.restarted].sort()).toEqual([...consumerIds].sort());
    // Stopped consumers committed what they processed; the reset goes 5 back from there.
    const replayed = result.plan.reduce((sum, p) => sum + Math.max(0, (p.from ?? 0) - p.to), 0);
    expect(result.plan).toHaveLength(3);
    for (const p of result.plan) expect(p.to).toBe((p.from ?? 0) - 5);
    expect(replayed).toBe(15);
    await waitFor('both consumers running again, in new processes', async () => {
      const s = await client.state();
      const mine = s.consumers.filter((c) => c.groupId === groupId);
      return mine.every((c) => c.status === 'running' && !pidsBefore.includes(c.pid));
    });
    // With the producer paused the group catches up: then the audit is final.
    await client.ok({ type: 'producer:update', paused: true });
    try {
      const group = await waitFor('caught up', async () => {
        const g = await client.group(groupId);
        return g?.state === 'Stable' && g.totalLag === 0 && g.audit?.missing === 0 ? g : undefined;
      });
      // The records between the reset point and the old commit were processed a second time.
      expect(group.audit?.duplicates).toBe(replayed);
    } finally {
      await client.ok({ type: 'producer:update', paused: false });
    }
    expect(
      app.lab.state.timeline.filter((e) => e.groupId === groupId && e.kind === 'offsets-reset'),
    ).toHaveLength(1);
    await client.ok({ type: 'group:delete', groupId });
  });

  it('undo puts back exactly the offsets from before, deleting ones the group never had', async () => {
    const groupId = `undo-${randomUUID().slice(0, 8)}`;
    // No consumers: the group starts with no committed offset at all.
    await client.ok({ type: 'group:create', groupId, topic, consumers: 0 });
    await waitFor('records in every partition', async () =>
      (await client.group(groupId))?.offsets.every((o) => o.logEndOffset >= 10),
    );
    const nothing = await client.command({ type: 'group:undo-reset', groupId });
    expect(nothing.status).toBe(400);
    expect(!nothing.ack.ok && nothing.ack.error).toMatch(/nothing to undo/);

    await client.ok({ type: 'group:reset-offsets', groupId, to: 'offset', value: 4 });
    const first = await fetchCommitted(brokers, groupId, topic);
    expect([...first.values()]).toEqual([4, 4, 4]);
    await client.ok({ type: 'group:reset-offsets', groupId, to: 'last', value: 2 });
    const second = await fetchCommitted(brokers, groupId, topic);
    expect((await client.group(groupId))?.undoReset?.detail).toMatch(/reset to last 2/);

    await client.ok({ type: 'group:undo-reset', groupId });
    expect(await fetchCommitted(brokers, groupId, topic)).toEqual(first);
    // The undo can be undone: back to the second reset's offsets.
    await client.ok({ type: 'group:undo-reset', groupId });
    expect(await fetchCommitted(brokers, groupId, topic)).toEqual(second);

    // From a group with no offsets: undo deletes what the reset wrote.
    const fresh = `undo-fresh-${randomUUID().slice(0, 8)}`;
    await client.ok({ type: 'group:create', groupId: fresh, topic, consumers: 0 });
    await waitFor(
      'partitions known',
      async () => (await client.group(fresh))?.offsets.length === 3,
    );
    await client.ok({ type: 'group:reset-offsets', groupId: fresh, to: 'earliest' });
    expect([...(await fetchCommitted(brokers, fresh, topic)).values()]).toEqual([0, 0, 0]);
    await client.ok({ type: 'group:undo-reset', groupId: fresh });
    expect([...(await fetchCommitted(brokers, fresh, topic)).values()]).toEqual([null, null, null]);
    await client.ok({ type: 'group:delete', groupId });
    await client.ok({ type: 'group:delete', groupId: fresh });
  });

  it('refuses a replay with a clear error and changes nothing', async () => {
    const bad = await client.command({ type: 'group:replay', groupId: 'nope', from: 'sometime' });
    expect(bad.status).toBe(400);
    expect(!bad.ack.ok && bad.ack.error).toMatch(
      /from must be one of: last, timestamp, offset, earliest/,
    );
    const noValue = await client.command({ type: 'group:replay', groupId: 'nope', from: 'last' });
    expect(!noValue.ack.ok && noValue.ack.error).toMatch(/no group "nope"/);
  });
});
