import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_GROUP, DEFAULT_TOPIC } from '../../protocol/constants';
import type { OffsetLab } from '../app';
import { fetchCommitted } from '../kafka/test-support/external-client';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { isAlive, waitFor } from '../test-support/wait-for';

const SESSION_TIMEOUT_MS = 6000;

describe('the default scenario on a real broker', () => {
  const brokers = inject('brokers');
  let app: OffsetLab;
  let client: LabClient;
  const pidsSeen = new Set<number>();

  const rememberPids = async () => {
    for (const c of (await client.state()).consumers) if (c.pid) pidsSeen.add(c.pid);
  };
  const timeline = () => app.lab.state.timeline;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'default'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has 3 members owning 2 of 6 partitions each, Stable, within 15 s', async () => {
    const startedAt = Date.now();
    const group = await waitFor(
      'a stable group of 3 with 2 partitions each',
      async () => {
        const g = await client.group(DEFAULT_GROUP);
        const sizes = g?.members.map((m) => m.assignments.flatMap((a) => a.partitions).length);
        return g?.state === 'Stable' && sizes?.length === 3 && sizes.every((n) => n === 2)
          ? g
          : undefined;
      },
      15_000,
    );
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(group.protocol).toBe('roundrobin');
    expect(group.offsets).toHaveLength(6);
    await waitFor(
      'lag to settle below 100',
      async () => ((await client.group(DEFAULT_GROUP))?.totalLag ?? 1e9) < 100,
    );
    await rememberPids();
    expect(pidsSeen.size).toBe(3);
  });

  it('reports committed offsets equal to what Kafka returns, and lag = log end - committed', async () => {
    await client.ok({ type: 'producer:update', paused: true });
    // With the producer paused, wait for two polls in a row to agree, then ask Kafka directly.
    const group = await waitFor('a quiet group', async () => {
      const a = await client.group(DEFAULT_GROUP);
      await new Promise((r) => setTimeout(r, 1200));
      const b = await client.group(DEFAULT_GROUP);
      return a && b && a.totalLag === 0 && JSON.stringify(a.offsets) === JSON.stringify(b.offsets)
        ? b
        : undefined;
    });
    const fromKafka = await fetchCommitted(brokers, DEFAULT_GROUP, DEFAULT_TOPIC);
    for (const o of group.offsets) {
      expect(o.committedOffset).toBe(fromKafka.get(o.partition) ?? null);
      expect(o.lag).toBe(o.logEndOffset - (o.committedOffset ?? o.logStartOffset));
    }
    await client.ok({ type: 'producer:update', paused: false });
  });

  it('crash: partitions stay with the dead member until the session timeout, then move', async () => {
    const before = await client.group(DEFAULT_GROUP);
    const victim = (await client.state()).consumers.find((c) => c.id === 'c1');
    expect(victim?.memberId).toBeTruthy();
    const crashedAt = Date.now();
    await client.ok({ type: 'consumer:crash', consumerId: 'c1' });

    const right = await client.state();
    expect(right.consumers.find((c) => c.id === 'c1')?.status).toBe('crashed');
    const stillThere = right.groups
      .find((g) => g.groupId === DEFAULT_GROUP)
      ?.members.find((m) => m.memberId === victim?.memberId);
    expect(stillThere?.assignments.flatMap((a) => a.partitions)).toHaveLength(2);

    const after = await waitFor(
      'the survivors to own all 6 partitions',
      async () => {
        const g = await client.group(DEFAULT_GROUP);
        const sizes =
          g?.members.map((m) => m.assignments.flatMap((a) => a.partitions).length) ?? [];
        return g?.state === 'Stable' && sizes.length === 2 && sizes.every((n) => n === 3)
          ? g
          : undefined;
      },
      SESSION_TIMEOUT_MS + 10_000,
    );
    const movedAfterMs = Date.now() - crashedAt;
    // The coordinator counts from the last heartbeat it got (at most one interval before the kill).
    expect(movedAfterMs).toBeGreaterThan(SESSION_TIMEOUT_MS - 1500);
    expect(after.members.some((m) => m.memberId === victim?.memberId)).toBe(false);
    await waitFor(
      'generation to go up',
      async () =>
        ((await client.group(DEFAULT_GROUP))?.generationId ?? 0) > (before?.generationId ?? 0),
    );

    const kinds = timeline()
      .filter((e) => e.at >= crashedAt - 100)
      .map((e) => e.kind);
    const crash = kinds.indexOf('consumer-crashed');
    const evicted = kinds.indexOf('member-evicted');
    const completed = kinds.lastIndexOf('rebalance-completed');
    expect(crash).toBeGreaterThanOrEqual(0);
    expect(evicted).toBeGreaterThan(crash);
    expect(completed).toBeGreaterThan(crash);
    const eviction = timeline().find((e) => e.kind === 'member-evicted' && e.at >= crashedAt);
    expect(eviction?.durationMs).toBeGreaterThan(SESSION_TIMEOUT_MS - 1500);
    const rebalance = timeline().find((e) => e.kind === 'rebalance-completed' && e.at >= crashedAt);
    expect(rebalance?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('graceful stop: the rebalance completes within 3 s', async () => {
    const stoppedAt = Date.now();
    await client.ok({ type: 'consumer:stop', consumerId: 'c2' });
    const completed = await waitFor('a completed rebalance', () =>
      timeline().find((e) => e.kind === 'rebalance-completed' && e.at >= stoppedAt),
    );
    expect(completed.at - stoppedAt).toBeLessThan(3000);
    expect(timeline().some((e) => e.kind === 'member-left' && e.at >= stoppedAt)).toBe(true);
    const group = await client.group(DEFAULT_GROUP);
    expect(group?.members).toHaveLength(1);
  });

  it('at-least-once: after crashes and restarts no acked trade is missing', async () => {
    await client.ok({ type: 'consumer:restart', consumerId: 'c1' });
    await client.ok({ type: 'consumer:restart', consumerId: 'c2' });
    await waitFor(
      '3 members again',
      async () => (await client.group(DEFAULT_GROUP))?.members.length === 3,
      20_000,
    );
    await client.ok({ type: 'consumer:crash', consumerId: 'c3' });
    await new Promise((r) => setTimeout(r, 1000));
    await client.ok({ type: 'consumer:restart', consumerId: 'c3' });
    await client.ok({ type: 'producer:update', paused: true });
    await rememberPids();
    const producer = (await client.state()).producer;
    expect(producer?.acked).toBeGreaterThan(0);
    expect(producer?.failed).toBe(0);
    const audit = await waitFor(
      'every acked trade processed',
      async () => {
        const g = await client.group(DEFAULT_GROUP);
        return g?.audit && g.audit.missing === 0 && g.totalLag === 0 ? g.audit : undefined;
      },
      40_000,
    );
    expect(audit.missing).toBe(0);
    expect(audit.unique).toBeGreaterThanOrEqual(producer?.acked ?? Number.POSITIVE_INFINITY);
    console.log(
      `audit after crashes: acked ${producer?.acked}, processed ${audit.processed}, duplicates ${audit.duplicates}, missing ${audit.missing}`,
    );
  });

  it('a consumer process that dies on its own is reported as crashed and not restarted', async () => {
    const pid = app.lab.handle('c3')?.pid;
    expect(pid).toBeGreaterThan(0);
    const killedAt = Date.now();
    process.kill(pid as number, 'SIGKILL');
    const c3 = await waitFor('c3 to be reported crashed', async () => {
      const c = (await client.state()).consumers.find((x) => x.id === 'c3');
      return c?.status === 'crashed' ? c : undefined;
    });
    expect(c3.pid).toBeNull();
    const event = timeline().find((e) => e.kind === 'consumer-crashed' && e.at >= killedAt);
    expect(event?.message).toMatch(/c3 died on its own \(signal SIGKILL\); not restarted/);
    await new Promise((r) => setTimeout(r, 2000));
    const later = (await client.state()).consumers.find((x) => x.id === 'c3');
    expect(later?.status).toBe('crashed');
    expect(app.lab.processes.has('c3')).toBe(false);
  });

  it('leaves no consumer process behind when the server stops', async () => {
    await rememberPids();
    expect(pidsSeen.size).toBeGreaterThanOrEqual(6);
    await app.close();
    await waitFor(
      'all consumer processes to exit',
      () => [...pidsSeen].every((pid) => !isAlive(pid)),
      15_000,
    );
    expect([...pidsSeen].filter(isAlive)).toEqual([]);
  });
});
