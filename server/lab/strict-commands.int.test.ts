import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../../protocol/commands';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { waitFor } from '../test-support/wait-for';

const brokers = inject('brokers');
const run = Date.now().toString(36);
const topic = `strict-${run}`;
const groupId = `strict-${run}`;

/** A command of each type that the lab would take as it is; the test adds one unknown field. */
const VALID: Record<CommandType, Record<string, unknown>> = {
  'consumer:add': { groupId },
  'consumer:crash': { consumerId: `${groupId}-c1` },
  'consumer:stop': { consumerId: `${groupId}-c1` },
  'consumer:restart': { consumerId: `${groupId}-c1` },
  'consumer:pause': { consumerId: `${groupId}-c1` },
  'consumer:freeze': { consumerId: `${groupId}-c1` },
  'consumer:thaw': { consumerId: `${groupId}-c1` },
  'consumer:resume': { consumerId: `${groupId}-c1` },
  'consumer:slow': { consumerId: `${groupId}-c1`, delayMs: 100 },
  'group:create': { groupId: `${groupId}-new`, topic, consumers: 1 },
  'group:delete': { groupId },
  'group:rebalance': { groupId },
  'group:reset-offsets': { groupId, to: 'earliest', dryRun: true },
  'group:replay': { groupId, from: 'earliest' },
  'group:undo-reset': { groupId },
  'producer:update': { rate: 7 },
  'topic:create': { topic: `${topic}-new` },
  'topic:configure': { topic, retentionMs: 60_000 },
  'topic:add-partitions': { topic, count: 3 },
  'topic:delete': { topic },
  'experiment:run': { id: 'kill-restart' },
  'broker:stop': {},
  'broker:start': {},
  'broker:kill': { nodeId: 1 },
};

/** What the lab holds that a command could change. */
async function footprint(client: LabClient) {
  const s = await client.state();
  return {
    groups: s.groups.filter((g) => g.lab).map((g) => g.groupId),
    consumers: s.consumers.map((c) => `${c.id}:${c.status}:${c.delayMs}`),
    topics: s.topics.filter((t) => t.lab).map((t) => `${t.name}:${t.partitions.length}`),
    producer: s.producer && { rate: s.producer.rate, paused: s.producer.paused },
    experiments: s.experiments.map((e) => `${e.id}:${e.startedAt}`),
  };
}

describe('a command with a field the lab does not know', () => {
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty'));
    await client.ok({ type: 'topic:create', topic, partitions: 2 });
    await client.ok({ type: 'group:create', groupId, topic, consumers: 1 });
    // Settled first: a consumer still starting would change the footprint on its own.
    await waitFor(
      `${groupId} running`,
      async () => (await client.state()).consumers.every((c) => c.status === 'running'),
      60_000,
    );
  }, 120_000);

  afterAll(() => app.close());

  it('is refused for every command type, naming the field, and changes nothing', async () => {
    expect(Object.keys(VALID).sort()).toEqual([...COMMAND_TYPES].sort());
    const before = await footprint(client);
    for (const type of COMMAND_TYPES) {
      const { status, ack } = await client.command({ type, ...VALID[type], zzUnknownField: 1 });
      expect(status, type).toBe(400);
      expect(!ack.ok && ack.error, type).toMatch(
        new RegExp(`^zzUnknownField: unknown field \\(${type} takes: `),
      );
    }
    expect(await footprint(client)).toEqual(before);
  });

  it('answers a typo with the field it meant', async () => {
    const { status, ack } = await client.command({ type: 'producer:update', ratee: 20 });
    expect(status).toBe(400);
    expect(!ack.ok && ack.error).toBe(
      'ratee: unknown field; did you mean rate? (producer:update takes: rate, keyMode, acks, idempotent, paused, topic, poisonPercent)',
    );
    const group = await client.command({
      type: 'group:create',
      groupId: `${groupId}-typo`,
      topic,
      sesionTimeoutMs: 9000,
    });
    expect(!group.ack.ok && group.ack.error).toMatch(
      /^sesionTimeoutMs: unknown field; did you mean sessionTimeoutMs\?/,
    );
    expect((await client.state()).groups.map((g) => g.groupId)).not.toContain(`${groupId}-typo`);
  });
});
