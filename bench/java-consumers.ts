/**
 * 30 lab consumers in 3 groups on a 64-partition topic at 500 msg/s: Kafka's Java client (one JVM
 * each) against the kafkajs worker (one Node process each). Prints one consumer's start time
 * (spawn → ready, spawn → first assignment), RSS, and CPU busy and idle.
 * Run: npm run bench:java   (BENCH_CLIENTS=java to skip kafkajs; uses KAFKA_BROKERS
 * if set, else starts its own broker)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { WorkerConfig, WorkerMessage } from '../protocol/ipc';
import { WORKER_TIMINGS } from '../protocol/worker-timings';
import { jvmClasspath } from '../server/jvm/compile';
import { JavaWorker } from '../server/jvm/java-worker';
import { createTopic, startTraffic } from '../server/kafka/lab-traffic';
import { ConsumerProcess } from '../server/lab/consumer-process';
import { buildWorkerBundle } from '../server/lab/worker-bundle';
import { startTestBroker } from '../server/test-support/test-broker';
import { waitFor } from '../server/test-support/wait-for';
import { percentile, procStats } from './proc-stats';

const GROUPS = 3;
const PER_GROUP = 10;
const PARTITIONS = 64;
const RATE = Number(process.env.BENCH_RATE ?? 500);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CLIENTS = (process.env.BENCH_CLIENTS ?? 'java,kafkajs').split(',') as Client[];
type Client = 'java' | 'kafkajs';
type Kind = Pick<WorkerConfig, 'protocol' | 'assignor'>;
const KINDS: Record<Client, Kind[]> = {
  java: [
    { protocol: 'classic', assignor: 'range' },
    { protocol: 'classic', assignor: 'cooperative-sticky' },
    { protocol: 'consumer', assignor: 'uniform' },
  ],
  kafkajs: [
    { protocol: 'classic', assignor: 'round-robin' },
    { protocol: 'classic', assignor: 'range' },
    { protocol: 'classic', assignor: 'round-robin' },
  ],
};

interface Member {
  id: string;
  groupId: string;
  spawnedAt: number;
  readyAt: number | null;
  joinedAt: number | null;
  lastJoinAt: number;
  owned: number;
  handle: { pid: number | null; stop: (timeoutMs?: number) => Promise<void> };
}

const broker = await startTestBroker();
const classpath = await jvmClasspath(process.cwd());
const workerPath = buildWorkerBundle();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function spawnMember(client: Client, config: WorkerConfig): Member {
  const member: Member = {
    id: config.consumerId,
    groupId: config.groupId,
    spawnedAt: Date.now(),
    readyAt: null,
    joinedAt: null,
    lastJoinAt: 0,
    owned: 0,
    handle: { pid: null, stop: async () => undefined },
  };
  const onMessage = (m: WorkerMessage) => {
    if (m.type === 'ready') member.readyAt ??= Date.now();
    if (m.type !== 'joined') return;
    member.owned = m.assignment.reduce((n, a) => n + a.partitions.length, 0);
    member.lastJoinAt = Date.now();
    if (member.owned > 0) member.joinedAt ??= Date.now();
  };
  const events = { onMessage, onExit: () => undefined, onStderr: () => undefined };
  member.handle =
    client === 'java'
      ? new JavaWorker(classpath, config, events)
      : new ConsumerProcess(workerPath, config, events);
  return member;
}

/** Proportional set size: shared pages (the JDK's CDS archive, jars) split among their users. */
function pssMiB(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function cpuAndRss(members: Member[]) {
  const stats = members.map((m) => (m.handle.pid === null ? null : procStats(m.handle.pid)));
  const rss = stats.map((s) => s?.rssMiB ?? 0);
  return {
    cpuSec: stats.reduce((n, s) => n + (s?.cpuSec ?? 0), 0),
    rssTotal: rss.reduce((a, b) => a + b, 0),
    rss: [...rss].sort((a, b) => a - b),
    pssTotal: members.reduce((n, m) => n + (m.handle.pid === null ? 0 : pssMiB(m.handle.pid)), 0),
  };
}

async function cpuPercent(members: Member[]): Promise<number> {
  const before = cpuAndRss(members).cpuSec;
  const t0 = Date.now();
  await sleep(MEASURE_MS);
  return ((cpuAndRss(members).cpuSec - before) / ((Date.now() - t0) / 1000)) * 100;
}

async function bench(client: Client): Promise<void> {
  const topic = `bench-${client}-${randomUUID()}`;
  await createTopic(broker.brokers, topic, PARTITIONS);
  const traffic = startTraffic(broker.brokers, topic, PARTITIONS, RATE, 'none');
  const groups = KINDS[client].map((kind, g) => ({
    groupId: `bench-${client}-${g + 1}-${randomUUID()}`,
    kind,
  }));
  const config = (g: number, i: number): WorkerConfig => {
    const { groupId, kind } = groups[g] ?? { groupId: '', kind: KINDS.java[0] as Kind };
    const consumerId = `g${g + 1}c${i + 1}`;
    return {
      groupId,
      topic,
      client,
      ...kind,
      staticMembership: false,
      maxPollIntervalMs: null,
      commitMode: 'after-processing',
      autoCommitIntervalMs: 1000,
      offsetReset: 'latest',
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1000,
      consumerId,
      clientId: `offset-lab-bench-${consumerId}`,
      brokers: broker.brokers,
      clientProperties: {},
      kafkajs: null,
      groupInstanceId: null,
      delayMs: 0,
      runId: traffic.runId,
      timings: WORKER_TIMINGS,
    };
  };
  const members: Member[] = [];
  try {
    // One consumer alone first: its start time without 29 others starting beside it.
    const first = spawnMember(client, config(0, 0));
    members.push(first);
    await waitFor('the first consumer’s assignment', () => first.joinedAt !== null, 60_000, 20);
    for (let g = 0; g < GROUPS; g++)
      for (let i = 0; i < PER_GROUP; i++)
        if (g + i > 0) members.push(spawnMember(client, config(g, i)));
    const startedAt = Date.now();
    await waitFor(
      'every group to cover its partitions, with nothing moving for 3 s',
      () =>
        groups.every(
          ({ groupId }) =>
            members.filter((m) => m.groupId === groupId).reduce((n, m) => n + m.owned, 0) ===
            PARTITIONS,
        ) && members.every((m) => Date.now() - m.lastJoinAt > 3000),
      180_000,
      250,
    );
    const stableMs = Math.max(...members.map((m) => m.lastJoinAt)) - startedAt;
    const rest = members.slice(1);
    const readies = rest.map((m) => (m.readyAt ?? Number.NaN) - m.spawnedAt).sort((a, b) => a - b);
    const joins = rest.map((m) => (m.joinedAt ?? Number.NaN) - m.spawnedAt).sort((a, b) => a - b);
    const busy = await cpuPercent(members);
    const mem = cpuAndRss(members);
    await traffic.producer.update({ paused: true });
    await sleep(3000);
    const idle = await cpuPercent(members);
    console.log(
      `\n== ${client}: ${members.length} consumers, ${GROUPS} groups (${KINDS[client].map((k) => `${k.protocol}/${k.assignor}`).join(', ')}), ${PARTITIONS} partitions, ${RATE} msg/s`,
    );
    console.log(
      `one consumer alone: spawn → ready ${seconds((first.readyAt ?? 0) - first.spawnedAt)}, spawn → first assignment ${seconds((first.joinedAt ?? 0) - first.spawnedAt)}`,
    );
    console.log(
      `29 started together: spawn → ready median ${seconds(percentile(readies, 50))} (max ${seconds(percentile(readies, 100))}), spawn → first assignment median ${seconds(percentile(joins, 50))} (max ${seconds(percentile(joins, 100))}); last assignment change ${seconds(stableMs)} after spawning`,
    );
    console.log(
      `RSS: ${mem.rssTotal.toFixed(0)} MiB in total, per process median ${percentile(mem.rss, 50).toFixed(0)} MiB (min ${percentile(mem.rss, 0).toFixed(0)}, max ${percentile(mem.rss, 100).toFixed(0)}); PSS ${mem.pssTotal.toFixed(0)} MiB in total`,
    );
    console.log(
      `CPU of all ${members.length}: ${busy.toFixed(1)} % of one core at ${RATE} msg/s, ${idle.toFixed(1)} % idle (producer paused), over ${MEASURE_MS / 1000} s each`,
    );
  } finally {
    await Promise.all(members.map((m) => m.handle.stop(10_000)));
    await traffic.stop();
  }
}

try {
  for (const client of CLIENTS) await bench(client);
} finally {
  await broker.stop();
}
