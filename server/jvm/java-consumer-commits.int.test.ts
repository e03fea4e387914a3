import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type WorkerMessage, workerMessageSchema } from '../../protocol/ipc';
import { createTopic, describeGroup } from '../kafka/lab-traffic';
import { fetchCommitted, produceRaw } from '../kafka/test-support/external-client';
import { JavaWorkers, javaConfig, type WorkerRun } from '../test-support/java-workers';
import { isAlive, waitFor } from '../test-support/wait-for';
import { jvmClasspath } from './compile';

const RECORDS = 40;
const SECRET = 'not-to-be-printed-7f3a';
/** Several records per poll, so a batch is visibly committed before (or after) processing. */
const BATCH = { 'max.poll.records': '5' };

/** The processed offset (next to read) of partition 0 reported before message `index`. */
function processedBefore(run: WorkerRun, index: number): number {
  let offset = 0;
  for (const m of run.messages.slice(0, index))
    if (m.type === 'progress') for (const p of m.processed) offset = Math.max(offset, p.offset);
  return offset;
}

function commitsWithProcessed(run: WorkerRun): { offset: number; processed: number }[] {
  return run.messages.flatMap((m, i) =>
    m.type === 'committed'
      ? m.offsets.map((o) => ({ offset: o.offset, processed: processedBefore(run, i) }))
      : [],
  );
}

describe('Java lab consumers: commits, stop and exit', () => {
  const brokers = inject('brokers');
  let classpath = '';
  let workers: JavaWorkers | null = null;

  beforeAll(async () => {
    classpath = await jvmClasspath(process.cwd());
  });

  afterEach(() => {
    workers?.killAll();
    workers = null;
  });

  /** One partition holding RECORDS messages, and a pool of consumers for a fresh group. */
  async function setUp(overrides: Parameters<typeof javaConfig>[4]) {
    const topic = `java-commits-${randomUUID()}`;
    await createTopic(brokers, topic, 1);
    await produceRaw(brokers, topic, RECORDS);
    const groupId = `java-group-${randomUUID()}`;
    workers = new JavaWorkers(
      classpath,
      javaConfig(brokers, groupId, topic, 'no-run', { clientProperties: BATCH, ...overrides }),
    );
    return { pool: workers, topic, groupId };
  }

  it('before-processing commits each batch before processing any of it (at-most-once)', async () => {
    const { pool } = await setUp({ commitMode: 'before-processing', delayMs: 100 });
    const run = pool.start('a');
    await waitFor('half processed', () => (run.processed.get(0) ?? 0) >= RECORDS / 2, 60_000);
    const first = run.messages.findIndex((m) => m.type === 'committed');
    const firstProgress = run.messages.findIndex((m) => m.type === 'progress');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(firstProgress);
    const commits = commitsWithProcessed(run);
    expect(commits[0]).toEqual({ offset: 5, processed: 0 });
    // Every commit is ahead of processing: the rest of its batch is lost if the process dies.
    for (const c of commits) expect(c.offset).toBeGreaterThan(c.processed);
  });

  it('after-processing commits only processed offsets', async () => {
    const { pool, topic, groupId } = await setUp({ commitMode: 'after-processing', delayMs: 50 });
    const run = pool.start('a');
    await run.next('committed', (m) => m.offsets.some((o) => o.offset === RECORDS), 60_000);
    const commits = commitsWithProcessed(run);
    expect(commits.length).toBeGreaterThan(2);
    for (const c of commits) expect(c.offset).toBeLessThanOrEqual(c.processed);
    expect((await fetchCommitted(brokers, groupId, topic)).get(0)).toBe(RECORDS);
  });

  it.each(['classic', 'consumer'] as const)(
    'auto (%s): Kafka’s own auto commit covers only records the loop processed',
    async (protocol) => {
      const { pool } = await setUp({
        commitMode: 'auto',
        autoCommitIntervalMs: 300,
        delayMs: 100,
        protocol,
        assignor: protocol === 'classic' ? 'range' : 'uniform',
      });
      const run = pool.start('a');
      await waitFor('three auto commits seen', () => commitsWithProcessed(run).length >= 3, 60_000);
      for (const c of commitsWithProcessed(run)) expect(c.offset).toBeLessThanOrEqual(c.processed);
    },
  );

  it('a pause in the middle of a batch skips nothing: the rest of the batch is fetched again', async () => {
    const { pool } = await setUp({ delayMs: 150 });
    const run = pool.start('a');
    await waitFor('a first record', () => (run.processed.get(0) ?? 0) >= 2, 60_000, 20);
    run.worker.send({ type: 'pause' });
    await waitFor(
      'processing to stop',
      () => {
        const last = run.of('progress').at(-1);
        return last !== undefined && Date.now() - last.at > 500;
      },
      10_000,
    );
    expect(run.processed.get(0)).toBeLessThan(RECORDS);
    run.worker.send({ type: 'resume' });
    await waitFor('all processed', () => run.processed.get(0) === RECORDS, 60_000);
    const count = run.of('progress').reduce((n, m) => n + m.count, 0);
    expect(count).toBe(RECORDS);
  });

  it.each([
    ['a working login it cannot use', `username="lab" password="${SECRET}";`],
    ['a malformed JAAS config', `password=${SECRET}`],
  ])('client properties reach Kafka but are never printed (%s)', async (_, options) => {
    const { pool } = await setUp({
      clientProperties: {
        'security.protocol': 'SASL_PLAINTEXT',
        'sasl.mechanism': 'PLAIN',
        'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${options}`,
      },
    });
    const run = pool.start('a');
    // SASL against the broker's PLAINTEXT listener: the consumer never gets an assignment.
    await waitFor(
      'an error or a few seconds of trying',
      async () => (run.of('error').length > 0 || run.stderr.length > 0 ? true : undefined),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 3000));
    await run.worker.stop(5000);
    expect(run.of('joined')).toEqual([]);
    const printed = [...run.messages.map((m) => JSON.stringify(m)), ...run.stderr].join('\n');
    expect(printed).not.toContain(SECRET);
    expect(printed.length).toBeGreaterThan(0);
  });

  it('a graceful stop commits what was processed, then leaves the group (exit 0)', async () => {
    const { pool, topic, groupId } = await setUp({ delayMs: 100, sessionTimeoutMs: 30_000 });
    const run = pool.start('a');
    await waitFor('some processed', () => (run.processed.get(0) ?? 0) >= 8, 60_000);
    await run.worker.stop();
    expect(run.exit).toEqual({ code: 0, signal: null });
    expect(run.messages.at(-1)?.type).toBe('stopped');
    const processed = run.processed.get(0);
    expect(processed).toBeLessThan(RECORDS);
    const last = run.of('committed').at(-1);
    expect(last?.offsets).toEqual([{ topic, partition: 0, offset: processed }]);
    expect((await fetchCommitted(brokers, groupId, topic)).get(0)).toBe(processed);
    // LeaveGroup: the member is gone at once, not after the 30 s session timeout.
    await waitFor(
      'an empty group',
      async () => (await describeGroup(brokers, groupId)).state === 'Empty',
      3000,
    );
  });

  it('exits on its own, after leaving the group, when the server dies (stdin closes)', async () => {
    const { topic, groupId } = await setUp({});
    const config = javaConfig(brokers, groupId, topic, 'no-run', { sessionTimeoutMs: 30_000 });
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/test-support/java-worker-host.ts'],
      {
        env: {
          ...process.env,
          WORKER_CLASSPATH: classpath,
          WORKER_CONFIG: JSON.stringify({
            ...config,
            consumerId: 'orphan-check',
            clientId: 'offset-lab-orphan-check',
            groupInstanceId: null,
          }),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const messages: WorkerMessage[] = [];
    readline.createInterface({ input: host.stdout }).on('line', (line) => {
      const parsed = workerMessageSchema.safeParse(JSON.parse(line));
      if (parsed.success) messages.push(parsed.data);
    });
    try {
      const ready = await waitFor('ready', () => messages.find((m) => m.type === 'ready'), 60_000);
      const pid = ready.type === 'ready' ? ready.pid : 0;
      await waitFor('joined', () => messages.some((m) => m.type === 'joined'), 60_000);
      host.kill('SIGKILL');
      const killedAt = Date.now();
      await waitFor('the JVM to exit', () => !isAlive(pid), 10_000, 50);
      expect(Date.now() - killedAt).toBeLessThan(4500);
      await waitFor(
        'an empty group',
        async () => (await describeGroup(brokers, groupId)).state === 'Empty',
        3000,
      );
    } finally {
      host.kill('SIGKILL');
      const pid = messages.find((m) => m.type === 'ready');
      if (pid?.type === 'ready' && isAlive(pid.pid)) process.kill(pid.pid, 'SIGKILL');
    }
  });
});
