import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { crashLoopUntilStorm, stableLabGroup } from '../test-support/lab-groups';
import { startPrometheus } from '../test-support/prometheus-server';
import { waitFor } from '../test-support/wait-for';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver';

describe('health verdicts and lag in seconds, on a real broker', () => {
  const brokers = inject('brokers');
  const topic = `health-${randomUUID().slice(0, 8)}`;
  let app: OffsetLab;
  let client: LabClient;
  // ALERT_WEBHOOK_URL's receiver: it fails the first two deliveries, then takes everything.
  let hook: WebhookReceiver;

  beforeAll(async () => {
    hook = await startWebhookReceiver((n) => (n <= 2 ? 503 : 204));
    ({ app, client } = await startLabForTest(
      brokers,
      'empty',
      { topic, partitions: 2, rate: 40 },
      undefined,
      null,
      { alertWebhook: { url: hook.url, token: 'hook-token-123' } },
    ));
  });
  afterAll(async () => {
    await app?.close();
    await hook?.close();
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
    // The webhook: each change told once and in order (each message's `previous` is the verdict
    // of the one before), though the receiver refused the first two deliveries.
    const told = await waitFor('the webhook to be told STOP', async () => {
      const mine = hook.received.filter((r) => r.body.groupId === groupId);
      return mine.some((r) => r.body.verdict === 'STOP') ? mine : undefined;
    });
    const chain = told.map((r) => `${r.body.previous}→${r.body.verdict}`);
    expect(chain).toContain('OK→WARN');
    expect(told.map((r) => r.body.verdict).filter((v) => v === 'STOP')).toHaveLength(1);
    told.forEach((r, i) => {
      expect(r.body.previous).toBe(i === 0 ? 'OK' : told[i - 1]?.body.verdict);
    });
    const ids = hook.received.map((r) => r.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hook.requests()).toBeGreaterThanOrEqual(hook.received.length + 2);
    expect(told.at(-1)?.authorization).toBe('Bearer hook-token-123');
    expect(told.at(-1)?.body.figures.totalLag).toBeGreaterThan(0);
    console.log(`webhook told: ${chain.join(', ')} (${hook.requests()} requests in all)`);
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
    const { storm, crashes: cycles } = await crashLoopUntilStorm(
      client,
      groupId,
      victim,
      2,
      60_000,
    );
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
    const told = await waitFor('the webhook to be told of the storm', async () =>
      hook.received.find((r) => r.body.groupId === groupId && r.body.storm),
    );
    expect(told.body.reason).toContain(victim);
    expect(told.body.figures.rebalances).toBeGreaterThanOrEqual(5);
  });

  it('time to drain: lag built while paused drains about when the dashboard said it would', async () => {
    const { groupId, consumerIds } = await stableLabGroup(client, topic, { consumers: 1 }, 'drain');
    const consumerId = consumerIds[0] ?? '';
    // ~60 msg/s at 15 ms a record against the producer's 40: a net drain of about 20 msg/s.
    await client.ok({ type: 'consumer:slow', consumerId, delayMs: 15 });
    await client.ok({ type: 'consumer:pause', consumerId });
    await waitFor(
      'a backlog of 500',
      async () => ((await client.group(groupId))?.totalLag ?? 0) >= 500,
    );
    await client.ok({ type: 'consumer:resume', consumerId });
    const resumedAt = Date.now();
    let seen = '';
    // The prediction once the consumer has run a few seconds (its rate is measured on this run).
    const predicted = await waitFor(
      'a drain prediction',
      async () => {
        const state = await client.state();
        const g = state.groups.find((x) => x.groupId === groupId);
        seen = JSON.stringify(g?.drain);
        return g?.drain?.state === 'draining' &&
          g.drain.seconds !== null &&
          state.at - resumedAt >= 6000
          ? { at: state.at, seconds: g.drain.seconds, lag: g.totalLag, drain: g.drain }
          : undefined;
      },
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last: ${seen}`);
    });
    // "Drained": within one second of production of empty (lag rarely reads exactly 0 while the
    // producer writes); the prediction is scaled to the same end.
    const FLOOR = 40;
    const expectedS = (predicted.seconds * Math.max(0, predicted.lag - FLOOR)) / predicted.lag;
    const drainedAt = await waitFor(
      'the backlog drained',
      async () => {
        const state = await client.state();
        const g = state.groups.find((x) => x.groupId === groupId);
        return g && g.totalLag <= FLOOR ? state.at : undefined;
      },
      120_000,
    );
    const measuredS = (drainedAt - predicted.at) / 1000;
    console.log(
      `time to drain: predicted ${expectedS.toFixed(1)} s (${JSON.stringify(predicted.drain)}, lag ${predicted.lag}), measured ${measuredS.toFixed(1)} s`,
    );
    expect(Math.abs(expectedS - measuredS)).toBeLessThanOrEqual(measuredS * 0.25);
    await client.ok({ type: 'group:delete', groupId });
  });

  it('a real Prometheus scrapes /metrics: promtool finds nothing wrong, and PromQL gives the lag /api/state gives', async () => {
    const { groupId, consumerIds } = await stableLabGroup(client, topic, { consumers: 1 }, 'prom');
    // Stopped, not paused: a paused kafkajs consumer once drained a batch it had fetched ahead
    // after the lag had reached 10, and both sides then agreed on zeros. A stopped one reads
    // nothing more, so the lag is still there when Prometheus scrapes.
    await client.ok({ type: 'consumer:stop', consumerId: consumerIds[0] });
    await waitFor('a lag of 10 on every partition', async () =>
      (await client.group(groupId))?.offsets.every((o) => o.lag >= 10),
    );
    // Nothing moves while the producer and the consumer are paused: both sides read one value.
    await client.ok({ type: 'producer:update', paused: true });
    const prometheus = await startPrometheus(new URL(client.url).host);
    try {
      const text = await (await fetch(`${client.url}/metrics`)).text();
      const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(`${check.stdout}${check.stderr}`).toBe('');
      expect(check.status).toBe(0);
      let seen = '';
      const matched = await waitFor('PromQL to give the lag of /api/state', async () => {
        const g = await client.group(groupId);
        const series = await prometheus.query(`kafka_consumergroup_group_lag{group="${groupId}"}`);
        const byPartition = series
          .map((s) => `${s.labels.partition}:${s.value}`)
          .sort()
          .join(',');
        const expected = (g?.offsets ?? [])
          .map((o) => `${o.partition}:${o.lag}`)
          .sort()
          .join(',');
        seen = `PromQL ${byPartition || 'nothing'}, /api/state ${expected}`;
        return series.length > 0 && byPartition === expected ? seen : undefined;
      }).catch((error: Error) => {
        throw new Error(`${error.message}; last: ${seen}`);
      });
      const [sum] = await prometheus.query(
        `sum(kafka_consumergroup_group_lag{group="${groupId}"})`,
      );
      expect(sum?.value).toBe((await client.group(groupId))?.totalLag);
      // Both sides agree on a lag that is there, not on zeros.
      expect(sum?.value).toBeGreaterThanOrEqual(20);
      console.log(`prometheus scrape: ${matched}`);
    } finally {
      await prometheus.stop();
      await client.ok({ type: 'producer:update', paused: false });
    }
  });
});
