/**
 * Share groups (KIP-932) against a KIP-848 consumer group, both of Kafka's Java client, on the
 * same topic and producer: records per second each group gets through, and how soon the lab's
 * API shows a share member's acknowledgement (its report's time → the first /api/state that
 * has the record accepted; the page draws from the same snapshot, pushed at most every 250 ms).
 * Run: npm run bench:share   (BENCH_RATE msg/s, default 1000; BENCH_SECONDS, default 15;
 * BENCH_MEMBERS per group, default 3; uses KAFKA_BROKERS if set, else starts its own broker)
 */
import { randomUUID } from 'node:crypto';
import { startLabForTest } from '../server/test-support/in-process-lab';
import { startTestBroker } from '../server/test-support/test-broker';
import { waitFor } from '../server/test-support/wait-for';
import { percentile } from './proc-stats';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 15) * 1000;
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 3);
const PARTITIONS = 3;

const broker = process.env.KAFKA_BROKERS ? null : await startTestBroker();
const brokers = broker ? broker.brokers : (process.env.KAFKA_BROKERS ?? '').split(',');
const topic = `bench-share-${randomUUID().slice(0, 6)}`;
const { app, client } = await startLabForTest(brokers, 'empty', {
  topic,
  partitions: PARTITIONS,
  rate: RATE,
});
const shareId = `bench-queue-${randomUUID().slice(0, 6)}`;
const kip848Id = `bench-848-${randomUUID().slice(0, 6)}`;
try {
  await client.ok({
    type: 'group:create',
    groupId: shareId,
    topic,
    consumers: MEMBERS,
    client: 'java',
    protocol: 'share',
    maxPollRecords: 100,
    offsetReset: 'latest',
  });
  await client.ok({
    type: 'group:create',
    groupId: kip848Id,
    topic,
    consumers: MEMBERS,
    client: 'java',
    protocol: 'consumer',
    offsetReset: 'latest',
  });
  await waitFor(
    'both groups working',
    async () => {
      const s = await client.group(shareId);
      const c = await client.group(kip848Id);
      return (s?.audit?.processed ?? 0) > 100 && (c?.audit?.processed ?? 0) > 100;
    },
    120_000,
  );
  const processed = async (groupId: string) => (await client.group(groupId))?.audit?.processed ?? 0;
  const start = {
    share: await processed(shareId),
    kip848: await processed(kip848Id),
    at: Date.now(),
  };
  // Acknowledgement → API: a record first seen accepted, against its report's time. The first
  // poll only primes what was there already; later polls are 50 ms apart (plus the request).
  const seen = new Set<string>();
  const delays: number[] = [];
  let primed = false;
  while (Date.now() - start.at < MEASURE_MS) {
    const g = await client.group(shareId);
    const now = Date.now();
    for (const w of g?.shareWindow ?? [])
      for (const r of w.records) {
        const key = `${w.partition}:${r.offset}`;
        if (r.state !== 'accepted' || seen.has(key)) continue;
        seen.add(key);
        if (primed) delays.push(now - r.at);
      }
    primed = true;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (Date.now() - start.at) / 1000;
  const shareRate = ((await processed(shareId)) - start.share) / seconds;
  const kipRate = ((await processed(kip848Id)) - start.kip848) / seconds;
  delays.sort((a, b) => a - b);
  console.log(
    `producer ${RATE} msg/s into ${PARTITIONS} partitions; ${MEMBERS} Java members per group; ${seconds.toFixed(1)} s`,
  );
  console.log(
    `share group (KIP-932, 100 records per poll, explicit ack): ${shareRate.toFixed(0)} records/s`,
  );
  console.log(`KIP-848 consumer group: ${kipRate.toFixed(0)} records/s`);
  console.log(
    `share acknowledgement → /api/state: median ${percentile(delays, 50)} ms, p95 ${percentile(delays, 95)} ms over ${delays.length} records (polled every 50 ms)`,
  );
} finally {
  await app.close();
  await broker?.stop();
}
