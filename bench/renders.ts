/**
 * Re-renders of a group panel whose data did not change, and the socket traffic of one page,
 * with 3 groups × 10 consumers at 500 msg/s and one quiet group on an idle topic.
 * Run: npx tsx bench/renders.ts   (after `npm run build`)
 */
import { runCommand } from '../server/lab/commands';
import { waitFor } from '../server/test-support/wait-for';
import { socketMeter, startBenchLab } from './lab-with-page';

const TOPIC = 'bench-renders';
const QUIET_TOPIC = 'bench-quiet';
const QUIET_GROUP = 'bench-quiet-group';
const RATE = Number(process.env.BENCH_RATE ?? 500);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;

const { app, browser, close } = await startBenchLab('empty');
const lab = app.lab;
try {
  await lab.refreshUntil(() => lab.state.connection.kafka === 'connected', 60_000);
  const must = async (c: Record<string, unknown>) => {
    const ack = await runCommand(lab, null, c);
    if (!ack.ok) throw new Error(ack.error);
  };
  await must({ type: 'topic:create', topic: TOPIC, partitions: 32 });
  await must({ type: 'topic:create', topic: QUIET_TOPIC, partitions: 2 });
  await must({ type: 'producer:update', topic: TOPIC, rate: RATE, paused: false });
  const busy = ['bench-r1', 'bench-r2', 'bench-r3'];
  for (const groupId of busy)
    await must({ type: 'group:create', groupId, topic: TOPIC, consumers: 10 });
  await must({ type: 'group:create', groupId: QUIET_GROUP, topic: QUIET_TOPIC, consumers: 1 });
  await waitFor(
    'every group stable',
    () =>
      [...busy, QUIET_GROUP].every(
        (id) => lab.snapshot().groups.find((g) => g.groupId === id)?.state === 'Stable',
      ),
    180_000,
    500,
  );

  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript('window.__offsetLabRenders = {}');
  await page.goto(app.url);
  await page.getByTestId(`group-${QUIET_GROUP}`).waitFor();
  // Let the first full state and the joins settle before counting.
  await page.waitForTimeout(3000);
  const before = (await page.evaluate('window.__offsetLabRenders')) as Record<string, number>;

  const meter = socketMeter(app.url);
  await meter.ready;
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const seconds = (Date.now() - t0) / 1000;
  const after = (await page.evaluate('window.__offsetLabRenders')) as Record<string, number>;
  const rate = (key: string) => (((after[key] ?? 0) - (before[key] ?? 0)) / seconds).toFixed(2);
  console.log(`measured over ${seconds.toFixed(0)} s at ${RATE} msg/s, 3 groups × 10 consumers`);
  console.log(`quiet group panel (${QUIET_GROUP}): ${rate(`group:${QUIET_GROUP}`)} re-renders/s`);
  for (const id of busy) console.log(`busy group panel (${id}): ${rate(`group:${id}`)} renders/s`);
  console.log(
    `one page receives ${(meter.messages() / seconds).toFixed(1)} socket messages/s, ${(meter.bytes() / seconds / 1024).toFixed(1)} KiB/s of JSON, ${(meter.wireBytes() / seconds / 1024).toFixed(1)} KiB/s on the wire`,
  );
  meter.close();
} finally {
  await close();
}
