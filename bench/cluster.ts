/**
 * Memory and CPU of the 3-broker lab (LAB_BROKERS=3) on this machine: each JVM of the cluster,
 * its guard, the lab's observer JVM, the consumers and the server, first idle (producer paused),
 * then with the producer at 200 msg/s. Run: npm run bench:cluster
 */
import { startLabForTest } from '../server/test-support/in-process-lab';
import { startTestCluster } from '../server/test-support/test-cluster';
import { waitFor } from '../server/test-support/wait-for';
import { procStats } from './proc-stats';

const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 60) * 1000;
const WARMUP_MS = 15_000;
const RATE = 200;

const startedAt = Date.now();
const test = await startTestCluster();
const { app, client } = await startLabForTest(
  test.brokers,
  'default',
  undefined,
  undefined,
  test.cluster,
);
console.log(`cluster and lab ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
const lab = app.lab;

try {
  await waitFor(
    'the default group stable',
    async () => (await client.group('crypto-consumer-group'))?.state === 'Stable',
    120_000,
  );
  const processes = (): [string, number | null][] => [
    ...test.cluster
      .nodes()
      .map((n): [string, number | null] => [`${n.role} ${n.nodeId} (JVM)`, n.pid]),
    ['cluster guard (node)', test.cluster.guardPid],
    ['observer (Admin client JVM)', lab.options.admin.pid],
    ...[...lab.processes.entries()].map(([id, p]): [string, number | null] => [
      `consumer ${id} (kafkajs)`,
      p.handle.pid,
    ]),
    ['server (this process)', process.pid],
  ];

  const measure = async (label: string) => {
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const before = new Map(processes().map(([name, pid]) => [name, procStats(pid ?? -1)]));
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, MEASURE_MS));
    const seconds = (Date.now() - t0) / 1000;
    console.log(`\n${label}, over ${seconds.toFixed(0)} s:`);
    let rss = 0;
    let cpu = 0;
    let clusterRss = 0;
    for (const [name, pid] of processes()) {
      const now = procStats(pid ?? -1);
      const was = before.get(name);
      if (!now || !was) continue;
      const share = ((now.cpuSec - was.cpuSec) / seconds) * 100;
      rss += now.rssMiB;
      cpu += share;
      if (name.includes('JVM') && !name.startsWith('observer')) clusterRss += now.rssMiB;
      console.log(
        `  ${name.padEnd(32)} RSS ${now.rssMiB.toFixed(0).padStart(4)} MiB  CPU ${share.toFixed(1).padStart(5)} % of one core`,
      );
    }
    console.log(
      `  cluster JVMs together: RSS ${clusterRss.toFixed(0)} MiB; everything: RSS ${rss.toFixed(0)} MiB, CPU ${cpu.toFixed(0)} % of one core`,
    );
  };

  await client.ok({ type: 'producer:update', paused: true });
  await measure('idle (producer paused, 3 consumers waiting)');
  await client.ok({ type: 'producer:update', rate: RATE, paused: false });
  await measure(`producer at ${RATE} msg/s (acks=all, idempotent) into 6 partitions × 3 replicas`);
  const s = await client.state();
  console.log(
    `\nproducer acked ${s.producer?.acked} messages, ${s.producer?.failed} failed; group lag ${s.groups.find((g) => g.groupId === 'crypto-consumer-group')?.totalLag}`,
  );
} finally {
  await app.close();
  await test.stop();
}
