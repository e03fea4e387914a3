import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_GROUP, DEFAULT_TOPIC } from '../../protocol/constants';
import type { OffsetLab } from '../app';
import { fetchCommitted } from '../kafka/test-support/external-client';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { ownedCounts, stableLabGroup } from '../test-support/lab-groups';
import { isAlive, waitFor } from '../test-support/wait-for';

const SESSION_TIMEOUT_MS = 6000;

describe('the lab engine on a real broker', () => {
  const brokers = inject('brokers');
  let app: OffsetLab;
  let client: LabClient;
  const pidsSeen = new Set<number>();

  const rememberPids = async () => {
    for (const c of (await client.state()).consumers) if (c.pid) pidsSeen.add(c.pid);
  };
  const timeline = () => app.lab.state.timeline;
  /** A group of `n` kafkajs consumers of its own on the default topic, Stable. */
  const ownGroup = (n: number, extra: Record<string, unknown> = {}) =>
    stableLabGroup(client, DEFAULT_TOPIC, {
      consumers: n,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      ...extra,
    });

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'default'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the default scenario: 3 members owning 2 of 6 partitions each, Stable, within 15 s', async () => {
    const startedAt = Date.now();
    const group = await waitFor(
      'a stable group of 3 with 2 partitions each',
      async () => {
        const g = await client.group(DEFAULT_GROUP);
        const sizes = ownedCounts(g);
        return g?.state === 'Stable' && sizes.length === 3 && sizes.every((n) => n === 2)
          ? g
          : undefined;
      },
      15_000,
    );
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(group.protocol).toBe('roundrobin');
    expect(group.offsets).toHaveLength(6);
    await rememberPids();
    expect(pidsSeen.size).toBe(3);
  });

  it('reports committed offsets equal to what Kafka returns, and lag = log end - committed', async () => {
    const { groupId } = await ownGroup(2);
    await waitFor('commits', async () =>
      (await client.group(groupId))?.offsets.every((o) => o.committedOffset !== null),
    );
    // With the producer paused and the group drained, no commit is in flight: one comparison holds.
    await client.ok({ type: 'producer:update', paused: true });
    const drained = await waitFor('the group to drain', async () => {
      const g = await client.group(groupId);
      return g?.totalLag === 0 ? g : undefined;
    });
    const fromKafka = await fetchCommitted(brokers, groupId, DEFAULT_TOPIC);
    const agreed = await client.group(groupId);
    await client.ok({ type: 'producer:update', paused: false });
    expect(JSON.stringify(agreed?.offsets)).toBe(JSON.stringify(drained.offsets));
    for (const o of drained.offsets)
      expect(o.committedOffset).toBe(fromKafka.get(o.partition) ?? null);
    for (const o of drained.offsets)
      expect(o.lag).toBe(o.logEndOffset - (o.committedOffset ?? o.logStartOffset));
  });

  it('crash: partitions stay with the dead member until the session timeout, then move', async () => {
    const { groupId, consumerIds, group: before } = await ownGroup(3);
    const victimId = consumerIds[0] ?? '';
    const victim = before.members.find((m) => m.consumerId === victimId);
    expect(victim).toBeDefined();
    const crashedAt = Date.now();
    await client.ok({ type: 'consumer:crash', consumerId: victimId });

    const right = await client.group(groupId);
    expect(right?.lanes.find((l) => l.key === victimId)).toMatchObject({ kind: 'ghost' });
    const stillThere = right?.members.find((m) => m.memberId === victim?.memberId);
    expect(stillThere?.assignments.flatMap((a) => a.partitions)).toHaveLength(2);

    const after = await waitFor(
      'the survivors to own all 6 partitions',
      async () => {
        const g = await client.group(groupId);
        const sizes = ownedCounts(g);
        return g?.state === 'Stable' && sizes.length === 2 && sizes.every((n) => n === 3)
          ? g
          : undefined;
      },
      SESSION_TIMEOUT_MS + 10_000,
    );
    // The coordinator counts from the last heartbeat it got (at most one interval before the kill).
    expect(Date.now() - crashedAt).toBeGreaterThan(SESSION_TIMEOUT_MS - 1500);
    expect(after.members.some((m) => m.memberId === victim?.memberId)).toBe(false);
    await waitFor(
      'generation to go up',
      async () => ((await client.group(groupId))?.generationId ?? 0) > (before.generationId ?? 0),
    );
    const events = timeline().filter((e) => e.groupId === groupId && e.at >= crashedAt - 100);
    const kinds = events.map((e) => e.kind);
    const crash = kinds.indexOf('consumer-crashed');
    expect(crash).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('member-evicted')).toBeGreaterThan(crash);
    expect(kinds.lastIndexOf('rebalance-completed')).toBeGreaterThan(crash);
    const eviction = events.find((e) => e.kind === 'member-evicted');
    expect(eviction?.durationMs).toBeGreaterThan(SESSION_TIMEOUT_MS - 1500);
  });

  it('graceful stop: the rebalance completes within 3 s', async () => {
    const { groupId, consumerIds } = await ownGroup(2);
    const stoppedAt = Date.now();
    await client.ok({ type: 'consumer:stop', consumerId: consumerIds[1] });
    const completed = await waitFor('a completed rebalance', () =>
      timeline().find(
        (e) => e.kind === 'rebalance-completed' && e.groupId === groupId && e.at >= stoppedAt,
      ),
    );
    expect(completed.at - stoppedAt).toBeLessThan(3000);
    expect(
      timeline().some(
        (e) => e.kind === 'member-left' && e.groupId === groupId && e.at >= stoppedAt,
      ),
    ).toBe(true);
    await waitFor(
      'one member left',
      async () => (await client.group(groupId))?.members.length === 1,
    );
  });

  it('at-least-once: after crashes and restarts no acked trade is missing', async () => {
    const { groupId, consumerIds } = await ownGroup(3);
    const [a, b, c] = consumerIds as [string, string, string];
    await client.ok({ type: 'consumer:stop', consumerId: a });
    await client.ok({ type: 'consumer:restart', consumerId: a });
    await client.ok({ type: 'consumer:crash', consumerId: b });
    await client.ok({ type: 'consumer:restart', consumerId: b });
    await client.ok({ type: 'consumer:crash', consumerId: c });
    await client.ok({ type: 'consumer:restart', consumerId: c });
    await waitFor(
      '3 running members again',
      async () => {
        const g = await client.group(groupId);
        return g?.members.length === 3 && g.lanes.every((l) => l.consumer?.phase === 'running');
      },
      30_000,
    );
    await client.ok({ type: 'producer:update', paused: true });
    await rememberPids();
    const producer = (await client.state()).producer;
    expect(producer?.acked).toBeGreaterThan(0);
    expect(producer?.failed).toBe(0);
    let seen = '';
    const audit = await waitFor(
      'every acked trade processed',
      async () => {
        const g = await client.group(groupId);
        seen = `lag ${g?.totalLag} by partition ${g?.offsets.map((o) => o.lag).join(',')}, audit ${JSON.stringify(g?.audit)}, members ${g?.members.length}, lanes ${g?.lanes.map((l) => `${l.label}:${l.consumer?.phase}`).join(',')}`;
        return g?.audit && g.audit.missing === 0 && g.totalLag === 0 ? g.audit : undefined;
      },
      40_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; then: ${seen}`);
    });
    await client.ok({ type: 'producer:update', paused: false });
    expect(audit.missing).toBe(0);
    console.log(
      `audit after crashes: acked ${producer?.acked}, processed ${audit.processed}, duplicates ${audit.duplicates}, missing ${audit.missing}`,
    );
  });

  it('a consumer process that dies on its own is reported as crashed and not restarted', async () => {
    const { groupId, consumerIds } = await ownGroup(1);
    const id = consumerIds[0] ?? '';
    const pid = app.lab.handle(id)?.pid;
    expect(pid).toBeGreaterThan(0);
    const killedAt = Date.now();
    process.kill(pid as number, 'SIGKILL');
    const crashed = await waitFor('the consumer to be reported crashed', async () => {
      const c = (await client.state()).consumers.find((x) => x.id === id);
      return c?.status === 'crashed' ? c : undefined;
    });
    expect(crashed.pid).toBeNull();
    const event = timeline().find(
      (e) => e.kind === 'consumer-crashed' && e.groupId === groupId && e.at >= killedAt,
    );
    expect(event?.message).toMatch(/died on its own \(signal SIGKILL\); not restarted/);
    // Not restarted behind the user's back: still crashed once Kafka has evicted the member.
    await waitFor(
      'the eviction',
      () =>
        timeline().find(
          (e) => e.kind === 'member-evicted' && e.groupId === groupId && e.at >= killedAt,
        ),
      SESSION_TIMEOUT_MS + 10_000,
    );
    expect((await client.state()).consumers.find((x) => x.id === id)?.status).toBe('crashed');
    expect(app.lab.handle(id)).toBeNull();
  });

  it('leaves no consumer process behind when the server stops', async () => {
    await ownGroup(2);
    await rememberPids();
    expect(pidsSeen.size).toBeGreaterThanOrEqual(5);
    await app.close();
    await waitFor(
      'all consumer processes to exit',
      () => [...pidsSeen].every((pid) => !isAlive(pid)),
      15_000,
    );
    expect([...pidsSeen].filter(isAlive)).toEqual([]);
  });
});
