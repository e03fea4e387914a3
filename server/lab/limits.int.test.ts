import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { waitFor } from '../test-support/wait-for';

const brokers = inject('brokers');
const run = Date.now().toString(36);
const topic = `limits-${run}`;

/** What a refused command must leave as it was. */
async function footprint(client: LabClient) {
  const state = await client.state();
  return {
    groups: state.groups.filter((g) => g.lab).map((g) => g.groupId),
    consumers: state.consumers.map((c) => c.id),
    topics: state.topics.filter((t) => t.lab).map((t) => t.name),
  };
}

describe('the lab refuses what is past its limits, and creates nothing', () => {
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    // Small limits, so the test reaches them without starting dozens of processes.
    ({ app, client } = await startLabForTest(brokers, 'empty', undefined, undefined, null, {
      limits: { groups: 2, consumers: 2, topics: 2 },
    }));
    await client.ok({ type: 'topic:create', topic, partitions: 2 });
  }, 120_000);

  afterAll(() => app.close());

  it('consumers in all', async () => {
    await client.ok({ type: 'group:create', groupId: `${run}-a`, topic, consumers: 2 });
    const before = await footprint(client);
    const add = await client.command({ type: 'consumer:add', groupId: `${run}-a` });
    expect(add.status).toBe(400);
    expect(!add.ack.ok && add.ack.error).toBe(
      'groupId: the lab runs at most 2 consumers in all (2 running, 1 more asked for); stop some first',
    );
    const create = await client.command({
      type: 'group:create',
      groupId: `${run}-b`,
      topic,
      consumers: 1,
    });
    expect(!create.ack.ok && create.ack.error).toMatch(
      /^consumers: the lab runs at most 2 consumers/,
    );
    expect(await footprint(client)).toEqual(before);
  });

  it('groups', async () => {
    await client.ok({ type: 'group:create', groupId: `${run}-c`, topic, consumers: 0 });
    const before = await footprint(client);
    const create = await client.command({
      type: 'group:create',
      groupId: `${run}-d`,
      topic,
      consumers: 0,
    });
    expect(create.status).toBe(400);
    expect(!create.ack.ok && create.ack.error).toBe(
      'groupId: the lab runs at most 2 groups (2 now); delete one first',
    );
    expect(await footprint(client)).toEqual(before);
  });

  it('topics, also a group’s dead-letter topic', async () => {
    await client.ok({ type: 'topic:create', topic: `${topic}-2`, partitions: 1 });
    const before = await footprint(client);
    const create = await client.command({ type: 'topic:create', topic: `${topic}-3` });
    expect(create.status).toBe(400);
    expect(!create.ack.ok && create.ack.error).toBe(
      'topic: the lab creates at most 2 topics (2 now); delete one first',
    );
    await client.ok({ type: 'group:delete', groupId: `${run}-c` });
    const dlq = await client.command({
      type: 'group:create',
      groupId: `${run}-e`,
      topic,
      consumers: 0,
      dlq: true,
    });
    expect(!dlq.ack.ok && dlq.ack.error).toBe(
      'commitMode: the lab creates at most 2 topics (2 now); delete one first',
    );
    const after = await footprint(client);
    expect(after.topics).toEqual(before.topics);
    expect(after.groups).not.toContain(`${run}-e`);
  });
});

describe('record reads', () => {
  it('64 at once: the dashboard keeps answering, the excess gets 429', async () => {
    const { app, client } = await startLabForTest(brokers, 'empty', {
      topic: `reads-${run}`,
      partitions: 1,
      rate: 200,
    });
    try {
      await waitFor('records to read', async () => {
        const t = (await client.state()).topics.find((x) => x.name === `reads-${run}`);
        return (t?.partitions[0]?.logEndOffset ?? 0) > 100;
      });
      const reads = Array.from({ length: 64 }, () =>
        fetch(
          `${app.url}/api/records?topic=reads-${run}&partition=0&from=offset&value=0&limit=100`,
        ),
      );
      const startedAt = Date.now();
      const state = await fetch(`${app.url}/api/state`);
      const stateMs = Date.now() - startedAt;
      expect(state.status).toBe(200);
      const statuses = await Promise.all(reads.map(async (r) => (await r).status));
      const tooMany = statuses.filter((s) => s === 429).length;
      const ok = statuses.filter((s) => s === 200).length;
      console.log(
        `64 reads: ${ok} answered, ${tooMany} got 429; /api/state took ${stateMs} ms meanwhile`,
      );
      expect(stateMs).toBeLessThan(2000);
      expect(ok).toBeGreaterThanOrEqual(2);
      expect(tooMany).toBeGreaterThan(0);
      expect(ok + tooMany).toBe(64);
      const refused = await (
        await fetch(`${app.url}/api/records?topic=reads-${run}&partition=0&colour=red`)
      ).json();
      expect(refused.error).toBe(
        'colour: unknown field (GET /api/records takes: topic, partition, from, value, limit, isolation)',
      );
    } finally {
      await app.close();
    }
  });
});
