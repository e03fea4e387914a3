/**
 * 30 lab consumers in 3 groups on a 64-partition topic: CPU and memory of the server, of all
 * consumer processes together and of the broker, plus the socket.io traffic one page receives.
 * Run: npm run bench:scale   (uses KAFKA_BROKERS if set, else starts its own broker)
 */
import { waitFor } from '../server/test-support/wait-for';
import { socketMeter, startBenchLab } from './lab-with-page';
import { descendants, percentile, procStats } from './proc-stats';

const TOPIC = 'bench-scale';
const GROUPS = 3;
const CONSUMERS_PER_GROUP = 10;
const PARTITIONS = 64;
const RATE = Number(process.env.BENCH_RATE ?? 500);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;

const { app, broker, browser, close } = await startBenchLab('empty');
const lab = app.lab;
try {
  await lab.refreshUntil(() => lab.state.connection.kafka === 'connected', 60_000);
  const { runCommand } = await import('../server/lab/commands');
  const must = async (c: Record<string, unknown>) => {
    const ack = await runCommand(lab, null, c);
    if (!ack.ok) throw new Error(ack.error);
  };
  await must({ type: 'topic:create', topic: TOPIC, partitions: PARTITIONS });
  await must({ type: 'producer:update', topic: TOPIC, rate: RATE, paused: false });
  const groupIds = Array.from({ length: GROUPS }, (_, i) => `bench-group-${i + 1}`);
  for (const groupId of groupIds) {
    await must({
      type: 'group:create',
      groupId,
      topic: TOPIC,
      consumers: CONSUMERS_PER_GROUP,
      assignor: i(groupId),
    });
  }
  const startedAt = Date.now();
  await waitFor(
    `${GROUPS} stable groups of ${CONSUMERS_PER_GROUP}`,
    () =>
      groupIds.every((id) => {
        const g = lab.snapshot().groups.find((x) => x.groupId === id);
        return g?.state === 'Stable' && g.members.length === CONSUMERS_PER_GROUP;
      }),
    180_000,
    500,
  );
  console.log(
    `all ${GROUPS * CONSUMERS_PER_GROUP} consumers joined and stable after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );

  // The page, measured over the same window: long tasks and frame gaps while it applies updates.
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(app.url);
  await page.getByTestId('group-bench-group-3').waitFor();
  await page.evaluate(`(() => {
    window.__perf = { longTasks: [], frames: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__perf.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (t) => { window.__perf.frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);

  const meter = socketMeter(app.url);
  await meter.ready;

  const consumerRoots = [...lab.processes.values()]
    .map((p) => p.handle.pid)
    .filter((p): p is number => p !== null);
  const consumerPids = () => consumerRoots.flatMap((p) => [p, ...descendants(p)]);
  const brokerPid = broker.pid;
  const sum = (pids: number[]) =>
    pids.map(procStats).reduce<{ rssMiB: number; cpuSec: number }>(
      (acc, s) => ({
        rssMiB: acc.rssMiB + (s?.rssMiB ?? 0),
        cpuSec: acc.cpuSec + (s?.cpuSec ?? 0),
      }),
      { rssMiB: 0, cpuSec: 0 },
    );

  const cpu0 = process.cpuUsage();
  const consumers0 = sum(consumerPids());
  const t0 = Date.now();
  let snapshotMs = 0;
  let snapshots = 0;
  const timer = setInterval(() => {
    const s = performance.now();
    lab.snapshot();
    snapshotMs += performance.now() - s;
    snapshots++;
  }, 1000);
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  clearInterval(timer);
  const seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const consumers1 = sum(consumerPids());
  const serverRss = process.memoryUsage().rss / 1024 / 1024;
  const snapshot = lab.snapshot();
  const totalLag = snapshot.groups.filter((g) => g.lab).map((g) => `${g.groupId}=${g.totalLag}`);
  console.log(
    `measured over ${seconds.toFixed(0)} s at ${RATE} msg/s into ${PARTITIONS} partitions`,
  );
  console.log(
    `server (lab + API + socket.io, one process): CPU ${(((cpu.user + cpu.system) / 1e6 / seconds) * 100).toFixed(1)} % of one core, RSS ${serverRss.toFixed(0)} MiB`,
  );
  console.log(
    `${consumerRoots.length} consumer processes together: CPU ${(((consumers1.cpuSec - consumers0.cpuSec) / seconds) * 100).toFixed(1)} % of one core, RSS ${consumers1.rssMiB.toFixed(0)} MiB (${(consumers1.rssMiB / consumerRoots.length).toFixed(0)} MiB each)`,
  );
  if (brokerPid) {
    const b = procStats(brokerPid);
    console.log(`broker JVM: RSS ${b?.rssMiB.toFixed(0)} MiB`);
  }
  console.log(
    `snapshot build: ${(snapshotMs / Math.max(1, snapshots)).toFixed(2)} ms on average (${snapshot.groups.length} groups, ${snapshot.consumers.length} consumers)`,
  );
  console.log(
    `one page receives ${(meter.messages() / seconds).toFixed(1)} socket messages/s, ${(meter.bytes() / seconds / 1024).toFixed(1)} KiB/s of JSON, ${(meter.wireBytes() / seconds / 1024).toFixed(1)} KiB/s on the wire`,
  );
  console.log(`lag at the end: ${totalLag.join(', ')}`);
  const perf = (await page.evaluate('window.__perf')) as { longTasks: number[]; frames: number[] };
  const frames = [...perf.frames].sort((a, b) => a - b);
  const longTotal = perf.longTasks.reduce((a, b) => a + b, 0);
  console.log(
    `page (1920×1080, ${snapshot.topics.find((t) => t.name === TOPIC)?.partitions.length} partitions, ${snapshot.consumers.length} consumers): ` +
      `${(frames.length / seconds).toFixed(0)} frames/s, frame gap p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${percentile(frames, 100).toFixed(0)} ms; ` +
      `${perf.longTasks.length} long tasks (>50 ms) totalling ${longTotal.toFixed(0)} ms = ${((longTotal / (seconds * 1000)) * 100).toFixed(1)} % of the time`,
  );
  meter.close();
} finally {
  await close();
}

function i(groupId: string): 'range' | 'round-robin' {
  return groupId.endsWith('2') ? 'range' : 'round-robin';
}
