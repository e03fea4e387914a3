import { randomUUID } from 'node:crypto';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GroupOffset } from '../../protocol/group';
import type { OffsetLab } from '../app';
import {
  createTopicWith,
  produceMessages,
  recordAtOrAfter,
  setGroupOffsets,
} from '../kafka/test-support/external-client';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { stableLabGroup } from '../test-support/lab-groups';
import { waitFor } from '../test-support/wait-for';

const MINUTE = 60_000;
const id = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * Lag in seconds is the age of the record the group reads next. Each case builds a group whose
 * committed offset the dashboard's log-end history cannot date (or dates wrongly), then compares
 * the lab's figure with that record's timestamp as kafkajs reads it, at the snapshot's own time.
 */
describe('lag in seconds, right from the first second, on a real broker', () => {
  const brokers = inject('brokers');
  let app: OffsetLab | undefined;
  let client: LabClient;
  // (a): a group that stopped before the dashboard started, so no history can date its offset.
  const stopped = { topic: id('lag-a'), groupId: id('stopped'), readyAt: 0 };

  beforeAll(async () => {
    const now = Date.now();
    const at = (timestamp: number, value: string) => ({ partition: 0, key: 'k', value, timestamp });
    await createTopicWith(brokers, stopped.topic, 1);
    await produceMessages(brokers, stopped.topic, [
      ...Array.from({ length: 10 }, () => at(now - 60 * MINUTE, 'old')),
      ...Array.from({ length: 10 }, () => at(now - MINUTE, 'new')),
    ]);
    await setGroupOffsets(brokers, stopped.groupId, stopped.topic, [{ partition: 0, offset: 5 }]);
    ({ app, client } = await startLabForTest(brokers, 'empty'));
    // From the lab's first poll on: what a person opening the restarted dashboard would see.
    stopped.readyAt = Date.now();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The partition's offsets row once its lag was read from the record, with the snapshot time. */
  async function fromRecord(groupId: string, partition = 0) {
    let seen = 'not listed';
    return waitFor(`${groupId} P${partition} dated by its record`, async () => {
      const state = await client.state();
      const o = state.groups
        .find((g) => g.groupId === groupId)
        ?.offsets.find((x) => x.partition === partition);
      if (o) seen = `${o.lagSeconds} s by ${o.lagMethod}, committed ${o.committedOffset}`;
      return o?.lagMethod === 'record' ? { at: state.at, offset: o } : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; it was ${seen}`);
    });
  }

  /** The lab's figure against the record's age at the same instant: within max(1 s, 5 %). */
  function expectAge(o: GroupOffset, at: number, timestamp: number, what: string) {
    const truth = (at - timestamp) / 1000;
    console.log(
      `${what}: lab ${o.lagSeconds} s (${o.lagMethod}), record age ${truth.toFixed(1)} s`,
    );
    expect(Math.abs(o.lagSeconds - truth)).toBeLessThanOrEqual(Math.max(1, truth * 0.05));
  }

  it('(a) a group stopped an hour ago, before the dashboard started: right after the start', async () => {
    const { at, offset } = await fromRecord(stopped.groupId);
    console.log(
      `(a) dated by its record ${((Date.now() - stopped.readyAt) / 1000).toFixed(1)} s after the lab's first poll`,
    );
    const record = await recordAtOrAfter(brokers, stopped.topic, 0, 5);
    expect(record.offset).toBe(5);
    expectAge(offset, at, record.timestamp, '(a) stopped an hour ago');
    expect(offset.lagSeconds).toBeGreaterThan(3500);
  });

  it('(b) an idle producer: a burst, a pause, a burst; the group is in the second', async () => {
    const topic = id('lag-b');
    const groupId = id('idle');
    await createTopicWith(brokers, topic, 1);
    await produceMessages(
      brokers,
      topic,
      Array.from({ length: 10 }, () => ({ partition: 0, key: 'k', value: 'first' })),
    );
    // A group in the first burst shows how long the producer has been idle: once it is 6 s
    // behind, interpolating between the two bursts would be seconds off.
    const first = id('idle-first');
    await setGroupOffsets(brokers, first, topic, [{ partition: 0, offset: 2 }]);
    await waitFor(
      'the producer idle for 6 s',
      async () => ((await client.group(first))?.offsets[0]?.lagSeconds ?? 0) >= 6,
    );
    await produceMessages(
      brokers,
      topic,
      Array.from({ length: 10 }, () => ({ partition: 0, key: 'k', value: 'second' })),
    );
    await setGroupOffsets(brokers, groupId, topic, [{ partition: 0, offset: 13 }]);
    const record = await recordAtOrAfter(brokers, topic, 0, 13);
    const { at, offset } = await fromRecord(groupId);
    expectAge(offset, at, record.timestamp, '(b) idle producer');
  });

  it('(c) a compacted topic: the committed offset was compacted away, the next record counts', async () => {
    const topic = id('lag-c');
    const groupId = id('compacted');
    const base = Date.now() - 30 * MINUTE;
    await createTopicWith(brokers, topic, 1, {
      'cleanup.policy': 'compact',
      'segment.ms': '100',
      'min.cleanable.dirty.ratio': '0.01',
      'delete.retention.ms': '100',
    });
    // Key a five times (offsets 0-4, a minute apart), then b: compaction keeps a only at 4.
    await produceMessages(brokers, topic, [
      ...Array.from({ length: 5 }, (_, i) => ({
        partition: 0,
        key: 'a',
        value: `a${i}`,
        timestamp: base + i * MINUTE,
      })),
      { partition: 0, key: 'b', value: 'b', timestamp: base + 5 * MINUTE },
    ]);
    // A later record rolls the segment, so the cleaner may compact the one before.
    await produceMessages(brokers, topic, [{ partition: 0, key: 'c', value: 'c' }]);
    const next = await waitFor(
      'the cleaner to compact offset 1 away',
      async () => {
        const r = await recordAtOrAfter(brokers, topic, 0, 1);
        return r.offset > 1 ? r : undefined;
      },
      60_000,
    );
    expect(next.offset).toBe(4);
    await setGroupOffsets(brokers, groupId, topic, [{ partition: 0, offset: 1 }]);
    const { at, offset } = await fromRecord(groupId);
    expectAge(offset, at, next.timestamp, '(c) compacted');
  });

  it('(d) fallen off the log through retention: lag from the log start, and how many were lost', async () => {
    const topic = id('lag-d');
    const groupId = id('fell-off');
    await createTopicWith(brokers, topic, 1, {
      'retention.ms': String(MINUTE),
      'segment.ms': '100',
    });
    const old = Date.now() - 10 * MINUTE;
    await produceMessages(
      brokers,
      topic,
      Array.from({ length: 10 }, () => ({ partition: 0, key: 'k', value: 'old', timestamp: old })),
    );
    // Newer records roll the segment; retention then deletes the old one (its records are older
    // than retention.ms), and the log starts at 10.
    await produceMessages(
      brokers,
      topic,
      Array.from({ length: 5 }, () => ({ partition: 0, key: 'k', value: 'new' })),
    );
    await setGroupOffsets(brokers, groupId, topic, [{ partition: 0, offset: 3 }]);
    await waitFor(
      'retention to move the log start to 10',
      async () =>
        (await client.state()).topics.find((t) => t.name === topic)?.partitions[0]
          ?.logStartOffset === 10,
      60_000,
    );
    const record = await recordAtOrAfter(brokers, topic, 0, 0);
    expect(record.offset).toBe(10);
    const { at, offset } = await fromRecord(groupId);
    expectAge(offset, at, record.timestamp, '(d) fell off the log');
    expect(offset.retention).toMatchObject({ state: 'lost', lost: 7, marginOffsets: -7 });
    expect(offset.lag).toBe(12);
  });

  it('retention at risk: a paused group is at risk before it loses records, lost N after, in /metrics too', async () => {
    const topic = id('retention');
    await client.ok({ type: 'topic:create', topic, partitions: 1 });
    // 20 s of retention in segments of a second: the paused group's next record is at risk after
    // 15 s (a quarter of retention.ms left), deleted a little after 20 s.
    await client.ok({ type: 'topic:configure', topic, retentionMs: 20_000, segmentMs: 1000 });
    await client.ok({ type: 'producer:update', topic, rate: 20, paused: false });
    try {
      const { groupId, consumerIds } = await stableLabGroup(client, topic, { consumers: 1 }, 'ret');
      await client.ok({ type: 'consumer:pause', consumerId: consumerIds[0] });
      const pausedAt = Date.now();
      const metric = async (name: string) => {
        const text = await (await fetch(`${client.url}/metrics`)).text();
        return parsePrometheusTextFormat(text)
          .find((m) => m.name === name)
          ?.metrics.filter((m) => m.labels?.group === groupId)
          .map((m) => Number(m.value));
      };
      let seen = '';
      const retention = async () => {
        const g = await client.group(groupId);
        seen = JSON.stringify(g?.retention);
        return g?.retention;
      };
      // The first verdict past "safe" must be "at risk"; "lost" first fails at once.
      const atRisk = await waitFor(
        'at risk',
        async () => {
          const r = await retention();
          return r?.state === 'at-risk' || r?.state === 'lost' ? r : undefined;
        },
        40_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; last: ${seen}`);
      });
      const riskAfterS = (Date.now() - pausedAt) / 1000;
      expect(atRisk.state, seen).toBe('at-risk');
      expect(atRisk.lost).toBe(0);
      // At risk, not yet gone: some time is left.
      expect(atRisk.secondsLeft).toBeGreaterThan(0);
      // /metrics read a moment later may already say lost (2); never safe or unknown.
      expect([[1], [2]]).toContainEqual(await metric('offset_lab_consumergroup_retention_at_risk'));
      const lost = await waitFor(
        'lost',
        async () => {
          const r = await retention();
          return r?.state === 'lost' ? r : undefined;
        },
        40_000,
      );
      const lostAfterS = (Date.now() - pausedAt) / 1000;
      expect(lost.lost).toBeGreaterThan(0);
      const messagesLost = await waitFor('messages lost in /metrics', async () => {
        const values = await metric('kafka_consumergroup_group_messages_lost');
        return values?.[0] && values[0] > 0 ? values[0] : undefined;
      });
      expect(await metric('offset_lab_consumergroup_retention_at_risk')).toEqual([2]);
      console.log(
        `retention: at risk ${riskAfterS.toFixed(1)} s after the pause (${atRisk.secondsLeft} s left), lost ${lost.lost} after ${lostAfterS.toFixed(1)} s; /metrics messages_lost ${messagesLost}`,
      );
      await client.ok({ type: 'group:delete', groupId });
    } finally {
      await client.ok({ type: 'producer:update', paused: true });
    }
  });
});
