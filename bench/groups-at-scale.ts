/**
 * Many groups on one cluster: N outside groups (2 partitions each, default 1000) seeded on a fresh
 * embedded broker, the lab started as `npm start` would (its own process, running the default
 * scenario unless BENCH_SCENARIO= asks for monitor mode only), and one
 * page in Chromium. Prints: the page's ready time, frames/s and long tasks while live, commit →
 * pixel for one group (and the floor: a plain consumer of __consumer_offsets), CPU of the server,
 * its Admin JVM and the broker, requests/s sent to the broker, and socket bytes/s.
 * Run: npx tsx bench/groups-at-scale.ts   (BENCH_GROUPS=10000 for the big run; needs `npm run build`)
 */
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/browser';
import { JvmObserver } from '../server/jvm/jvm-observer';
import { startOffsetsTail } from '../server/kafka/test-support/offsets-tail';
import { spawnServer, waitForReady } from '../server/test-support/server-process';
import { startTestBroker } from '../server/test-support/test-broker';
import { socketMeter } from './lab-with-page';
import { percentile, procStats } from './proc-stats';
import { seedOutsideGroups } from './seed-groups';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 40);
const TARGET = 'bench-target-group';

const broker = await startTestBroker();
const brokers = broker.brokers;
const admin = new JvmObserver({ rootDir: process.cwd(), brokers });
const seed = await seedOutsideGroups(brokers, GROUPS, TARGET);
const topics = seed.topics;
console.log(`seeded ${GROUPS} groups on ${topics.length} topics in ${seed.seconds.toFixed(1)} s`);

// A running lab by default, as a person meets it (BENCH_SCENARIO= for monitor mode only).
const scenario = process.env.BENCH_SCENARIO ?? 'default';
const server = await spawnServer({ KAFKA_BROKERS: brokers.join(','), LAB_SCENARIO: scenario });
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
const floor = await startOffsetsTail(brokers, TARGET);
try {
  await waitForReady(server);
  const readyAt = Date.now();
  // The server's first full picture (every group described) before the page is timed.
  type Health = { observerPid: number | null; groupsObserved: number };
  const healthNow = async () => (await (await fetch(`${server.url}/api/health`)).json()) as Health;
  let health = await healthNow();
  while (health.groupsObserved < GROUPS) {
    await new Promise((r) => setTimeout(r, 100));
    health = await healthNow();
  }
  const observedMs = Date.now() - readyAt;
  // The page: ready once the overview lists every group.
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const navigatedAt = Date.now();
  await page.goto(`${server.url}/?group=${TARGET}`);
  // Every seeded group listed (the floor's own consumer group may be one more).
  await page.waitForFunction(
    `Number(/of (\\d+)/.exec(document.querySelector('[data-testid="overview-count"]')?.textContent ?? '')?.[1] ?? 0) >= ${GROUPS}`,
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  const listedMs = Date.now() - navigatedAt;
  await page
    .getByTestId(`group-${TARGET}`)
    .getByTestId('offset-bar-0')
    .waitFor({ timeout: 60_000 });
  const readyMs = Date.now() - navigatedAt;
  await page.evaluate(`(() => {
    window.__perf = { longTasks: [], frames: [], drawn: [] };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.longTasks.push(e.duration); }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (t) => { window.__perf.frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    let shown = null;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="group-${TARGET}"] [data-testid="offset-bar-0"]');
      const m = /^(\\d+) \\//.exec(bar && bar.lastElementChild ? bar.lastElementChild.textContent : '');
      if (m && m[1] !== shown) { shown = m[1]; window.__perf.drawn.push([Number(m[1]), performance.timeOrigin + performance.now()]); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  const meter = socketMeter(server.url);
  await meter.ready;
  const load0 = (await (await fetch(`${server.url}/api/load`)).json()) as {
    adminRequests: number;
    commitStreamRequests: number;
  };
  const pids = {
    server: server.child.pid ?? -1,
    observer: health.observerPid ?? -1,
    broker: broker.pid ?? -1,
  };
  const cpu0 = Object.fromEntries(
    Object.entries(pids).map(([k, pid]) => [k, procStats(pid)?.cpuSec ?? 0]),
  );
  const t0 = Date.now();
  const toPage: number[] = [];
  const toFloor: number[] = [];
  for (let i = 1; i <= COMMITS; i++) {
    const offset = 20 + i;
    const sentAt = Date.now();
    await admin.setOffsets(TARGET, topics[0] as string, [{ partition: 0, offset }]);
    const floorAt = await floor.waitNext(sentAt, 10_000);
    const drawnAt = await waitDrawn(page, offset, 10_000);
    if (floorAt !== null) toFloor.push(floorAt - sentAt);
    if (drawnAt !== null) toPage.push(drawnAt - sentAt);
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (Date.now() - t0) / 1000;
  const load1 = (await (await fetch(`${server.url}/api/load`)).json()) as {
    adminRequests: number;
    commitStreamRequests: number;
    pollIntervalMs: number;
  };
  const cpu = Object.fromEntries(
    Object.entries(pids).map(([k, pid]) => [
      k,
      (((procStats(pid)?.cpuSec ?? 0) - (cpu0[k] ?? 0)) / seconds) * 100,
    ]),
  );
  const rss = Object.fromEntries(
    Object.entries(pids).map(([k, pid]) => [k, procStats(pid)?.rssMiB ?? 0]),
  );
  const perf = (await page.evaluate('window.__perf')) as { longTasks: number[]; frames: number[] };
  const frames = [...perf.frames].sort((a, b) => a - b);
  const long = perf.longTasks.reduce((a, b) => a + b, 0);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const [p, f] = [sorted(toPage), sorted(toFloor)];
  console.log(
    `${GROUPS} groups (${GROUPS * 2} group-partitions), measured over ${seconds.toFixed(0)} s with ${COMMITS} commits of one group`,
  );
  console.log(`server: all ${GROUPS} groups described ${observedMs} ms after it was ready`);
  console.log(
    `page ready: every group listed after ${listedMs} ms, the open group drawn after ${readyMs} ms`,
  );
  console.log(
    `page: ${(frames.length / seconds).toFixed(0)} frames/s, frame gap p95 ${percentile(frames, 95).toFixed(0)} ms; long tasks ${((long / (seconds * 1000)) * 100).toFixed(1)} % of the time`,
  );
  console.log(
    `commit → pixel: median ${percentile(p, 50).toFixed(0)} ms, p95 ${percentile(p, 95).toFixed(0)} ms (${p.length} of ${COMMITS} drawn)`,
  );
  console.log(
    `floor, commit → a plain consumer of __consumer_offsets: median ${percentile(f, 50).toFixed(0)} ms, p95 ${percentile(f, 95).toFixed(0)} ms`,
  );
  console.log(
    `dashboard's own delay beyond the floor: median ${(percentile(p, 50) - percentile(f, 50)).toFixed(0)} ms, p95 ${(percentile(p, 95) - percentile(f, 95)).toFixed(0)} ms`,
  );
  console.log(
    `CPU, % of one core: server ${cpu.server?.toFixed(1)}, its Admin JVM ${cpu.observer?.toFixed(1)}, broker ${cpu.broker?.toFixed(1)}`,
  );
  console.log(
    `RSS MiB: server ${rss.server?.toFixed(0)}, Admin JVM ${rss.observer?.toFixed(0)}, broker ${rss.broker?.toFixed(0)}`,
  );
  console.log(`raw request counters: ${JSON.stringify(load0)} → ${JSON.stringify(load1)}`);
  console.log(
    `requests to the broker: Admin ${((load1.adminRequests - load0.adminRequests) / seconds).toFixed(1)}/s, commit stream ${((load1.commitStreamRequests - load0.commitStreamRequests) / seconds).toFixed(1)}/s (polling every ${load1.pollIntervalMs} ms)`,
  );
  console.log(
    `socket to one page: ${(meter.bytes() / seconds / 1024).toFixed(1)} KiB/s of JSON, ${(meter.wireBytes() / seconds / 1024).toFixed(1)} KiB/s on the wire, ${(meter.messages() / seconds).toFixed(1)} messages/s`,
  );
  meter.close();
  if (process.env.BENCH_SCROLL !== '0') await scroll(page);
} finally {
  await floor.stop();
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  server.cleanup();
  await admin.close();
  await broker.stop();
}

async function waitDrawn(
  page: import('playwright').Page,
  offset: number,
  timeoutMs: number,
): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const drawn = (await page.evaluate('window.__perf.drawn')) as [number, number][];
    const hit = drawn.find(([o]) => o === offset);
    if (hit) return hit[1];
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/** Scrolls the overview through every row and reports the frame gaps meanwhile. */
async function scroll(page: import('playwright').Page): Promise<void> {
  const result = (await page.evaluate(`(async () => {
    const box = document.querySelector('[data-testid="overview-rows"]');
    const gaps = [];
    let last = performance.now();
    const started = last;
    while (box.scrollTop + box.clientHeight < box.scrollHeight - 2 && performance.now() - started < 15000) {
      box.scrollTop += 600;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    gaps.sort((a, b) => a - b);
    return { steps: gaps.length, ms: last - started, p50: gaps[Math.floor(gaps.length / 2)], p95: gaps[Math.floor(gaps.length * 0.95)], rows: document.querySelectorAll('[data-testid^="overview-row-"]').length };
  })()`)) as { steps: number; ms: number; p50: number; p95: number; rows: number };
  console.log(
    `scrolling the overview to the end: ${result.steps} steps of 600 px in ${result.ms.toFixed(0)} ms, frame gap p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms; rows in the DOM at once: ${result.rows}`,
  );
}
