import { randomUUID } from 'node:crypto';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { stableLabGroup } from '../test-support/lab-groups';
import { waitFor } from '../test-support/wait-for';

describe('health verdicts and lag in seconds, on a real broker', () => {
  const brokers = inject('brokers');
  const topic = `health-${randomUUID().slice(0, 8)}`;
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty', { topic, partitions: 2, rate: 40 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The group once its verdict is `verdict`; a timeout says what it was instead. */
  const untilVerdict = async (groupId: string, verdict: string, timeoutMs: number) => {
    let seen = 'not listed';
    try {
      return await waitFor(
        verdict,
        async () => {
          const g = await client.group(groupId);
          if (g)
            seen = `${g.health.verdict} (${g.health.reason}), lag ${g.offsets.map((o) => o.lag).join('/')}`;
          return g?.health.verdict === verdict ? g : undefined;
        },
        timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; it was ${seen}`);
    }
  };

  it('a paused group goes WARN while its lag grows, then STOP once a window passes without commits', async () => {
    const { groupId, consumerIds } = await stableLabGroup(
      client,
      topic,
      { consumers: 1 },
      'paused',
    );
    await waitFor(
      'OK while it keeps up',
      async () => (await client.group(groupId))?.health.verdict === 'OK',
    );
    const pausedAt = Date.now();
    await client.ok({ type: 'consumer:pause', consumerId: consumerIds[0] });
    const warn = await untilVerdict(groupId, 'WARN', 30_000);
    const warnAfterS = (Date.now() - pausedAt) / 1000;
    expect(warn.health.reason).toMatch(/Lag grew/);
    const stop = await untilVerdict(groupId, 'STOP', 45_000);
    const secondsPaused = (Date.now() - pausedAt) / 1000;
    // The next message to read has waited about as long as the consumer has been paused.
    expect(stop.lagSeconds).toBeGreaterThan(secondsPaused * 0.6);
    expect(stop.lagSeconds).toBeLessThan(secondsPaused + 3);
    const row = (await client.state()).overview.find((g) => g.groupId === groupId);
    expect(row?.health.verdict).toBe('STOP');
    const text = await (await fetch(`${client.url}/metrics`)).text();
    const health = parsePrometheusTextFormat(text)
      .find((m) => m.name === 'offset_lab_consumergroup_health')
      ?.metrics.find((m) => m.labels?.group === groupId);
    expect(health?.labels?.verdict).toBe('STOP');
    expect(Number(health?.value)).toBe(3);
    console.log(
      `paused group: WARN after ${warnAfterS.toFixed(1)} s, STOP after ${secondsPaused.toFixed(1)} s, lag ${stop.lagSeconds} s`,
    );
  });

  it('a reset backwards shows REWIND', async () => {
    const { groupId, consumerIds } = await stableLabGroup(
      client,
      topic,
      { consumers: 1 },
      'rewind',
    );
    await waitFor('commits past 20', async () =>
      (await client.group(groupId))?.offsets.every((o) => (o.committedOffset ?? 0) > 20),
    );
    await client.ok({ type: 'consumer:stop', consumerId: consumerIds[0] });
    await waitFor('an Empty group', async () => (await client.group(groupId))?.state === 'Empty');
    await client.ok({ type: 'group:reset-offsets', groupId, to: 'earliest' });
    const g = await untilVerdict(groupId, 'REWIND', 20_000);
    expect(g.health.reason).toMatch(/went backwards/);
  });
  it('a crash loop is a rebalance storm naming the member, in the panel, the overview and /metrics', async () => {
    const { groupId, consumerIds } = await stableLabGroup(
      client,
      topic,
      { consumers: 2, sessionTimeoutMs: 3000 },
      'storm',
    );
    const victim = consumerIds[1] ?? '';
    const firstCrashAt = Date.now();
    let cycles = 0;
    let storm = (await client.group(groupId))?.storm;
    // Crash and restart at once, as a supervisor in a crash loop does; the next crash once the
    // group has settled again (the dead member evicted after its 3 s session timeout).
    while (!storm && Date.now() - firstCrashAt < 60_000) {
      cycles++;
      await client.ok({ type: 'consumer:crash', consumerId: victim });
      await client.ok({ type: 'consumer:restart', consumerId: victim });
      storm = await waitFor(
        `cycle ${cycles}: the group settled, or a storm`,
        async () => {
          const g = await client.group(groupId);
          if (g?.storm) return g.storm;
          const settled =
            g?.state === 'Stable' &&
            !g.rebalance &&
            (g.waiting ?? []).length === 0 &&
            g.lanes.filter((l) => l.consumer?.phase === 'running').length === 2;
          return settled ? null : undefined;
        },
        30_000,
      );
    }
    const seconds = (Date.now() - firstCrashAt) / 1000;
    console.log(
      `crash loop: storm after ${seconds.toFixed(1)} s and ${cycles} crashes: ${JSON.stringify(storm)}`,
    );
    expect(storm?.count).toBeGreaterThanOrEqual(5);
    expect(storm?.members[0]).toBe(victim);
    expect(seconds).toBeLessThan(30);
    const row = (await client.state()).overview.find((g) => g.groupId === groupId);
    expect(row?.storm?.members).toContain(victim);
    const text = await (await fetch(`${client.url}/metrics`)).text();
    const flag = parsePrometheusTextFormat(text)
      .find((m) => m.name === 'offset_lab_consumergroup_rebalance_storm')
      ?.metrics.find((m) => m.labels?.group === groupId);
    expect(Number(flag?.value)).toBe(1);
  });
});
