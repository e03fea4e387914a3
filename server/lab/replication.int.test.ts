/**
 * The 3-broker lab (LAB_BROKERS=3) on a real cluster of its own: one per file, shared by the
 * tests, which each make their own topics and groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentRun } from '../../protocol/experiments';
import { partitionSeriesKey } from '../../protocol/keys';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { startTestCluster, type TestCluster } from '../test-support/test-cluster';
import { waitFor } from '../test-support/wait-for';

let cluster: TestCluster;
let app: OffsetLab;
let client: LabClient;

/** What a group went through, from the lab's timeline, for whoever reads a failure. */
const storyOf = (groupId: string) =>
  `${groupId}'s timeline:\n${app.lab.state.timeline
    .filter((e) => e.groupId === groupId)
    .map((e) => `  ${e.kind}: ${e.message}`)
    .join('\n')}`;

beforeAll(async () => {
  cluster = await startTestCluster();
  ({ app, client } = await startLabForTest(
    cluster.brokers,
    'empty',
    undefined,
    undefined,
    cluster.cluster,
  ));
}, 240_000);

afterAll(async () => {
  await app?.close();
  await cluster?.stop();
});

// Retention first, on a cluster whose leaders have not moved yet: kafkajs (unmaintained) has
// been seen stuck after acks-under-failure moved every leader, which is not what this tests.
describe('retention on the 3-broker lab', () => {
  it('moves the log start; consumers paused past it resume through OFFSET_OUT_OF_RANGE, audited with the reason', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const topic = `retention-${suffix}`;
    await client.ok({ type: 'topic:create', topic, partitions: 2 });
    // Segments roll every second and are deleted 3 s later: the log start moves within seconds.
    await client.ok({ type: 'topic:configure', topic, segmentMs: 1000, retentionMs: 3000 });
    const configs = (await client.state()).topics.find((t) => t.name === topic)?.configs;
    expect(configs).toMatchObject({
      'retention.ms': '3000',
      'segment.ms': '1000',
      'min.insync.replicas': '2',
    });
    await client.ok({
      type: 'producer:update',
      topic,
      rate: 100,
      acks: 'all',
      idempotent: true,
      paused: false,
    });
    const groups = await Promise.all(
      (['kafkajs', 'java'] as const).map(async (kind) => {
        const groupId = `retention-${kind}-${suffix}`;
        const result = (await client.ok({
          type: 'group:create',
          groupId,
          topic,
          consumers: 1,
          client: kind,
          offsetReset: 'earliest',
          // Paused members must stay members: a load spike on 2 shared cores must not get one
          // evicted (an eager rebalance hands it the partition anew, without its position).
          sessionTimeoutMs: 30_000,
        })) as { consumerIds: string[] };
        return { groupId, consumerId: result.consumerIds[0] ?? '' };
      }),
    );
    // Paused "past the log start" needs a committed offset on each partition to fall behind: a
    // partition the member has not committed yet would wait for ever below.
    for (const { groupId } of groups) {
      let seen = '';
      await waitFor(
        `${groupId} reading, with a commit on both partitions`,
        async () => {
          const g = await client.group(groupId);
          seen = `state ${g?.state}, processed ${g?.audit?.processed}, offsets ${JSON.stringify(
            g?.offsets.map((o) => [
              o.partition,
              o.logStartOffset,
              o.committedOffset,
              o.logEndOffset,
            ]),
          )}`;
          return (
            (g?.audit?.processed ?? 0) > 0 &&
            g?.offsets.length === 2 &&
            g.offsets.every((o) => o.committedOffset !== null && o.committedOffset > 0)
          );
        },
        90_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${seen}\n${storyOf(groupId)}`);
      });
    }
    for (const { consumerId } of groups) await client.ok({ type: 'consumer:pause', consumerId });
    const ours = (s: Awaited<ReturnType<typeof client.state>>) =>
      s.groups.filter((g) => groups.some((x) => x.groupId === g.groupId)).flatMap((g) => g.offsets);
    // The pause has taken effect once nothing more is processed: the processed offsets stand
    // still over a second (a flush is every 100 ms).
    let before = '';
    await waitFor(
      'both paused groups to stop processing',
      async () => {
        const now = JSON.stringify(ours(await client.state()).map((o) => o.processedOffset));
        const still = now === before;
        before = now;
        return still;
      },
      30_000,
      1000,
    );
    // A paused client may still hold records it fetched before the pause, past its committed
    // offset (the Java client keeps them for when it resumes), so the log start must pass
    // everything it could have fetched: the log end as it is now, after the pause.
    await app.lab.refreshFresh();
    const endAtPause = new Map(
      ours(await client.state()).map((o) => [o.partition, o.logEndOffset] as const),
    );
    let last = '';
    const passed = await waitFor(
      'the log start past what the paused groups could have fetched',
      async () => {
        const offsets = ours(await client.state());
        last = offsets
          .map(
            (o) =>
              `${o.partition}: start ${o.logStartOffset} committed ${o.committedOffset} end at pause ${endAtPause.get(o.partition)}`,
          )
          .join(', ');
        return offsets.length === 4 &&
          offsets.every(
            (o) =>
              o.committedOffset !== null &&
              o.logStartOffset > o.committedOffset &&
              o.logStartOffset > (endAtPause.get(o.partition) ?? Number.POSITIVE_INFINITY),
          )
          ? offsets
          : undefined;
      },
      90_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; offsets then: ${last}`);
    });
    expect(passed.every((o) => o.logStartOffset > 0)).toBe(true);
    // The chart's log-start series moves too. When all of the above took a few seconds, the
    // history (one point a second) may not have two log starts yet: retention keeps deleting.
    const key = partitionSeriesKey(groups[0]?.groupId ?? '', topic, 0);
    await waitFor('two log starts in the history', () => {
      const seen = app.lab.history
        .toArray()
        .map((p) => p.logStart?.[key])
        .filter((v) => v !== undefined);
      return new Set(seen).size > 1 ? seen : undefined;
    });

    const skipped = (groupId: string) =>
      app.lab.state.timeline.filter((e) => e.kind === 'offsets-skipped' && e.groupId === groupId);
    // A group that started after retention had deleted its topic's first trades was told so
    // already; the jumps that count here are those after the resume.
    const resumedAfterId = app.lab.state.nextEventId;
    for (const { consumerId } of groups) await client.ok({ type: 'consumer:resume', consumerId });
    for (const { groupId, consumerId } of groups) {
      const events = await waitFor(
        `${groupId} jumping on both partitions`,
        () => {
          const after = skipped(groupId).filter((e) => e.id >= resumedAfterId);
          return after.length >= 2 ? after : undefined;
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${storyOf(groupId)}`);
      });
      for (const e of events)
        expect(e.message).toMatch(
          new RegExp(
            `^${consumerId} fetched offset (\\d+) of ${topic}-[01] < log start (\\d+): \\d+ messages deleted by retention were never read \\(auto\\.offset\\.reset=earliest jumped to \\2\\)$`,
          ),
        );
    }

    await client.ok({ type: 'producer:update', paused: true });
    for (const { groupId } of groups) {
      const audit = await waitFor(
        `${groupId} caught up`,
        async () => {
          const g = await client.group(groupId);
          return g?.offsets.every((o) => o.lag === 0) ? g.audit : undefined;
        },
        60_000,
      );
      const deleted = skipped(groupId).reduce((sum, e) => sum + e.count, 0);
      console.log(
        `${groupId}: audit ${JSON.stringify(audit)}; jumps: ${skipped(groupId)
          .map((e) => e.message)
          .join(' | ')}`,
      );
      expect(audit?.deletedUnread).toBe(deleted);
      expect(deleted).toBeGreaterThan(0);
      // Every acked trade the group never read is one retention deleted first: told as never
      // read, deleted by retention, and not as missing (the lab's word for delivery loss).
      expect(audit?.missing).toBe(0);
    }
  }, 240_000);
});

function failed(run: ExperimentRun): string[] {
  return run.measurements.filter((m) => m.ok === false).map((m) => `${m.key}=${m.value}`);
}

describe('a 3-broker lab cluster', () => {
  it('shows three brokers up and the controller apart, from the lab and from Kafka', async () => {
    const nodes = await waitFor('three brokers up', async () => {
      const s = await client.state();
      return s.nodes.filter((n) => n.role === 'broker' && n.state === 'up').length === 3
        ? s.nodes
        : undefined;
    });
    expect(nodes.map((n) => [n.nodeId, n.role, n.lab])).toEqual([
      [1, 'broker', true],
      [2, 'broker', true],
      [3, 'broker', true],
      [0, 'controller', true],
    ]);
    expect(nodes.find((n) => n.activeController)?.nodeId).toBe(0);
  });

  it('acks-under-failure: a new leader within seconds, the ISR shrinks and grows back, acks=all loses nothing, NotEnoughReplicas in plain words', async () => {
    await client.ok({ type: 'experiment:run', id: 'acks-under-failure' });
    const run = await waitFor(
      'the experiment to finish',
      async () => {
        const r = (await client.state()).experiments.find((e) => e.id === 'acks-under-failure');
        return r && r.status !== 'running' ? r : undefined;
      },
      300_000,
      500,
    );
    const value = (key: string) => run.measurements.find((m) => m.key === key)?.value;
    console.log(
      `acks-under-failure (${run.status}): ${run.measurements.map((m) => `${m.key}=${m.value}`).join(', ')}`,
    );
    expect(run.error).toBeNull();
    expect(failed(run)).toEqual([]);
    expect(run.status).toBe('passed');
    expect(value('acksAll.lost')).toBe(0);
    expect(Number(value('acksAll.acked'))).toBeGreaterThan(800);
    expect(Number(value('acks1.acked'))).toBeGreaterThan(800);
    // Said when the send fails, or while it still waits ("sends are waiting for the broker: …").
    expect(value('notEnough.error')).toMatch(
      /NotEnoughReplicas: (only 1 in-sync replica|too few in-sync replicas), the topic needs 2 \(min\.insync\.replicas\)$/,
    );
    // The lab restarted both brokers: all three up again, every copy of the topics in sync.
    await waitFor(
      'all brokers up again',
      async () =>
        (await client.state()).nodes.filter((n) => n.role === 'broker' && n.state === 'up')
          .length === 3,
      60_000,
    );
    const kinds = new Set(app.lab.state.timeline.map((e) => e.kind));
    for (const kind of ['node-stopped', 'node-started', 'leader-moved', 'isr-changed'])
      expect(kinds).toContain(kind);
  }, 360_000);
});
