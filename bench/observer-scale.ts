/**
 * The observer JVM at scale: seeds BENCH_GROUPS groups (default 1000; one commit each, for both
 * partitions of a 2-partition topic), then times observe() and reports the JVM's RSS and the
 * Admin's requests/s while polling once a second.
 * Run: npx tsx bench/observer-scale.ts   (uses KAFKA_BROKERS if set, else starts its own broker)
 */
import { JvmObserver } from '../server/jvm/jvm-observer';
import { produceRaw } from '../server/kafka/test-support/external-client';
import { startTestBroker } from '../server/test-support/test-broker';
import { percentile, procStats } from './proc-stats';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const GROUPS_PER_TOPIC = 100;
const PARTITIONS = 2;
const SEED_CONCURRENCY = 16;
const TIMED_POLLS = 10;
const POLL_INTERVAL_MS = 1000;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 0) => n.toFixed(digits);

const broker = await startTestBroker();
const observer = new JvmObserver({ rootDir: process.cwd(), brokers: broker.brokers });
try {
  const topics = Array.from(
    { length: Math.ceil(GROUPS / GROUPS_PER_TOPIC) },
    (_, i) => `bench-observer-${i}`,
  );
  for (const topic of topics) {
    await observer.createTopic(topic, PARTITIONS, 1);
    await produceRaw(broker.brokers, topic, 20);
  }
  const seedStart = Date.now();
  let next = 0;
  const seedOne = async () => {
    while (next < GROUPS) {
      const i = next++;
      const topic = topics[Math.floor(i / GROUPS_PER_TOPIC)] ?? '';
      await observer.setOffsets(`bench-observer-group-${i}`, topic, [
        { partition: 0, offset: i % 10 },
        { partition: 1, offset: (i + 5) % 10 },
      ]);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, seedOne));
  console.log(`seeded ${GROUPS} groups on ${topics.length} topics in ${Date.now() - seedStart} ms`);
  const stream = await observer.tailCommits(() => undefined);

  for (let i = 0; i < 3; i++) await observer.poll(); // JIT warm-up
  const timings: number[] = [];
  let seen = 0;
  for (let i = 0; i < TIMED_POLLS; i++) {
    const t0 = performance.now();
    const obs = await observer.poll();
    timings.push(performance.now() - t0);
    seen = obs.groups.filter((g) => g.groupId.startsWith('bench-observer-group-')).length;
  }
  if (seen !== GROUPS) throw new Error(`observe() saw ${seen} of ${GROUPS} groups`);
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    `observe() with ${seen} groups: median ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms (${TIMED_POLLS} polls)`,
  );

  const pid = observer.pid ?? 0;
  const before = await observer.metrics();
  const cpuBefore = procStats(pid)?.cpuSec ?? 0;
  const startedAt = Date.now();
  const rss: number[] = [];
  const pollMs: number[] = [];
  while (Date.now() - startedAt < MEASURE_MS) {
    const tick = Date.now();
    await observer.poll();
    pollMs.push(Date.now() - tick);
    rss.push(procStats(pid)?.rssMiB ?? 0);
    await sleep(Math.max(0, POLL_INTERVAL_MS - (Date.now() - tick)));
  }
  const after = await observer.metrics();
  const seconds = (Date.now() - startedAt) / 1000;
  const cpu = ((procStats(pid)?.cpuSec ?? 0) - cpuBefore) / seconds;
  const rssSorted = [...rss].sort((a, b) => a - b);
  const pollSorted = [...pollMs].sort((a, b) => a - b);
  console.log(
    `polling every ${POLL_INTERVAL_MS} ms for ${fmt(seconds)} s: ${pollMs.length} polls, median ${fmt(percentile(pollSorted, 50))} ms`,
  );
  console.log(
    `observer JVM (pid ${pid}): RSS median ${fmt(percentile(rssSorted, 50))} MiB, max ${fmt(rssSorted.at(-1) ?? 0)} MiB; CPU ${fmt(cpu * 100)} % of one core`,
  );
  console.log(
    `Admin requests to the broker: ${fmt((after.adminRequestTotal - before.adminRequestTotal) / seconds, 1)}/s (request-total delta); Kafka's request-rate metric ${fmt(after.adminRequestRate, 1)}/s`,
  );
  console.log(
    `commit tail (${stream.mode}) requests: ${fmt((after.tailRequestTotal - before.tailRequestTotal) / seconds, 1)}/s`,
  );
} finally {
  await observer.close();
  await broker.stop();
}
