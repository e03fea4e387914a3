import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ExperimentRun } from '../../../protocol/experiments';
import type { OffsetLab } from '../../app';
import { startLabForTest } from '../../test-support/in-process-lab';
import type { LabClient } from '../../test-support/lab-client';
import { waitFor } from '../../test-support/wait-for';

describe('Kafka 4 experiments, run and judged on a real broker', () => {
  const brokers = inject('brokers');
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    const topic = `exp-${randomUUID().slice(0, 8)}`;
    ({ app, client } = await startLabForTest(brokers, 'empty', { topic, partitions: 6, rate: 40 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  const run = async (id: string, timeoutMs: number): Promise<ExperimentRun> => {
    await client.ok({ type: 'experiment:run', id });
    const result = await waitFor(
      `experiment ${id} to finish`,
      async () =>
        (await client.state()).experiments.find((e) => e.id === id && e.status !== 'running'),
      timeoutMs,
      500,
    );
    console.log(
      `${id}: ${result.status}${result.error ? ` (${result.error})` : ''}\n${result.measurements.map((m) => `  ${m.key} = ${m.value}${m.expected ? ` (expected ${m.expected})` : ''} ${m.ok === null ? '' : m.ok ? 'ok' : 'NOT OK'}`).join('\n')}`,
    );
    return result;
  };

  it('eager vs cooperative vs KIP-848: only eager stops the survivors', {
    timeout: 180_000,
  }, async () => {
    const result = await run('three-protocols', 150_000);
    expect(result.error).toBeNull();
    expect(result.status).toBe('passed');
    expect(result.measurements.map((m) => m.key)).toContain('kip848.pausedPartitions');
  });

  it('static membership: a restart within the session timeout keeps the partitions, no rebalance', {
    timeout: 120_000,
  }, async () => {
    const result = await run('static-membership', 90_000);
    expect(result.status).toBe('passed');
  });

  it('slow consumers: kafkajs is evicted, Java leaves on max.poll.interval.ms', {
    timeout: 150_000,
  }, async () => {
    const result = await run('slow-consumer', 120_000);
    expect(result.status).toBe('passed');
  });

  it('refuses a second experiment while one runs, naming the one that runs', {
    timeout: 120_000,
  }, async () => {
    await client.ok({ type: 'experiment:run', id: 'static-membership' });
    const { status, ack } = await client.command({ type: 'experiment:run', id: 'slow-consumer' });
    expect(status).toBe(400);
    expect(!ack.ok && ack.error).toContain('static-membership is still running');
    await waitFor(
      'it to finish',
      async () =>
        (await client.state()).experiments.find(
          (e) => e.id === 'static-membership' && e.status !== 'running',
        ),
      90_000,
      500,
    );
  });
});
