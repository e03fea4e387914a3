/**
 * The page as a person meets it: a running default lab (its own process, as `npm start` runs it),
 * opened in a new Chromium process with an empty profile, RUNS times; then the same with
 * BENCH_GROUPS (default 1000) outside groups on the cluster. Prints per run: first contentful
 * paint, when the groups table and the open group's board were on screen, when a click on Crash
 * worked, the JavaScript transferred before that, hydration warnings, and over BENCH_LIVE_S
 * (default 10) s of live updates: frames per second, the share of time in long tasks and the CPU
 * of the page's renderer process. BENCH_GROUPS=0 skips the outside groups.
 * Run: npx tsx bench/page-cold.ts   (needs `npm run build`)
 */
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/browser';
import { processText } from '../server/test-support/process-tree';
import { spawnServer, waitForReady } from '../server/test-support/server-process';
import { startTestBroker } from '../server/test-support/test-broker';
import { descendants, percentile, procStats } from './proc-stats';
import { seedOutsideGroups } from './seed-groups';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const LIVE_MS = Number(process.env.BENCH_LIVE_S ?? 10) * 1000;
const GROUP = 'crypto-consumer-group';

interface Run {
  fcpMs: number;
  tableMs: number;
  boardMs: number;
  interactiveMs: number;
  jsKiB: number;
  jsFiles: number;
  hydrationWarnings: number;
  fps: number;
  longTaskPct: number;
  /** CPU of the page's renderer process(es) over the live window, in % of one core. */
  rendererPct: number;
  /** The rest of this Chromium (browser, GPU, utility processes), in % of one core. */
  chromiumRestPct: number;
  tableInHtml: boolean;
}

/** CPU seconds of this bench's Chromium processes (one browser at a time), renderers apart. */
function chromiumCpu(): { renderer: number; rest: number } {
  let renderer = 0;
  let rest = 0;
  for (const pid of descendants(process.pid)) {
    const text = processText(pid)?.argv.join(' ') ?? '';
    if (!text.includes('chromium')) continue;
    const cpu = procStats(pid)?.cpuSec ?? 0;
    if (text.includes('--type=renderer')) renderer += cpu;
    else rest += cpu;
  }
  return { renderer, rest };
}

async function openCold(url: string): Promise<Run> {
  // A new browser process each run: its profile is a fresh temporary one, its cache empty.
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    page.on('pageerror', (e) => console.push(e.message));
    let tableInHtml = false;
    page.on('response', async (r) => {
      if (r.url() === url) tableInHtml = (await r.text()).includes('data-testid="group-overview"');
    });
    // Scripts as text: tsx names functions with a helper the page does not have.
    await page.addInitScript(`
      window.__perf = { longTasks: [], frames: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__perf.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    `);
    await page.goto(url, { waitUntil: 'commit' });
    const since = () => page.evaluate(() => performance.now());
    await page.getByTestId('group-overview').waitFor();
    const tableMs = await since();
    const board = page.getByTestId(`group-${GROUP}`).getByTestId('assignment-board');
    await board.waitFor();
    const boardMs = await since();
    // Interactive: a click on Crash reaches the lab (the lane turns into a ghost of the member).
    const crash = page.getByTestId(`group-${GROUP}`).getByTestId('crash-c1');
    let interactiveMs = 0;
    // Bounded: a page that never becomes interactive is a figure (-1), not a hang.
    for (const giveUpAt = Date.now() + 60_000; interactiveMs === 0 && Date.now() < giveUpAt; ) {
      const clickedAt = await since();
      await crash.click({ timeout: 5_000 }).catch(() => undefined);
      const done = await page
        .getByTestId(`group-${GROUP}`)
        .getByTestId('eviction-countdown')
        .first()
        .waitFor({ timeout: 1000 })
        .then(() => true)
        .catch(() => false);
      if (done) interactiveMs = clickedAt;
    }
    if (interactiveMs === 0) interactiveMs = -1;
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => {
          const timing = e as PerformanceResourceTiming;
          return { bytes: timing.transferSize, at: timing.responseEnd };
        }),
    );
    const beforeInteractive = resources.filter((r) => r.at <= interactiveMs);
    const fcpMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    );
    // Live: frames and long tasks while updates stream in.
    await page.evaluate(`(() => {
      window.__perf.longTasks = [];
      let last = performance.now();
      const tick = (t) => { window.__perf.frames.push(t - last); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const before = chromiumCpu();
    await page.waitForTimeout(LIVE_MS);
    const after = chromiumCpu();
    const perf = await page.evaluate(
      () => (window as unknown as { __perf: { longTasks: number[]; frames: number[] } }).__perf,
    );
    return {
      fcpMs,
      tableMs,
      boardMs,
      interactiveMs,
      jsKiB: beforeInteractive.reduce((n, r) => n + r.bytes, 0) / 1024,
      jsFiles: beforeInteractive.length,
      hydrationWarnings: console.filter((t) =>
        /hydrat|did not match|Minified React error #4(18|19|23|25)/i.test(t),
      ).length,
      fps: perf.frames.length / (LIVE_MS / 1000),
      longTaskPct: (perf.longTasks.reduce((a, b) => a + b, 0) / LIVE_MS) * 100,
      rendererPct: ((after.renderer - before.renderer) / (LIVE_MS / 1000)) * 100,
      chromiumRestPct: ((after.rest - before.rest) / (LIVE_MS / 1000)) * 100,
      tableInHtml,
    };
  } finally {
    await browser.close();
  }
}

function report(label: string, runs: Run[]): void {
  const f = (n: number) => n.toFixed(0);
  console.log(`\n${label}`);
  for (const [i, r] of runs.entries())
    console.log(
      `  run ${i + 1}: FCP ${f(r.fcpMs)} ms, table ${f(r.tableMs)} ms (in the HTML: ${r.tableInHtml}), board ${f(r.boardMs)} ms, interactive ${f(r.interactiveMs)} ms, JS before interactive ${r.jsKiB.toFixed(0)} KiB in ${r.jsFiles} files, hydration warnings ${r.hydrationWarnings}; live: ${r.fps.toFixed(0)} frames/s, long tasks ${r.longTaskPct.toFixed(1)} %, renderer CPU ${r.rendererPct.toFixed(1)} % of a core (rest of Chromium ${r.chromiumRestPct.toFixed(1)} %)`,
    );
  const med = (pick: (r: Run) => number) =>
    f(
      percentile(
        runs.map(pick).sort((a, b) => a - b),
        50,
      ),
    );
  console.log(
    `  median: table ${med((r) => r.tableMs)} ms, interactive ${med((r) => r.interactiveMs)} ms, ${med((r) => r.fps)} frames/s, long tasks ${percentile(
      runs.map((r) => r.longTaskPct).sort((a, b) => a - b),
      50,
    ).toFixed(1)} %`,
  );
}

/** The default group Stable with 3 members and no rebalance running; throws after 120 s. */
async function untilStable(url: string, what: string): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    const state = (await (await fetch(`${url}/api/state`)).json()) as {
      groups: { groupId: string; state: string; members: unknown[]; rebalance: unknown }[];
    };
    const g = state.groups.find((x) => x.groupId === GROUP);
    if (g?.state === 'Stable' && g.members.length === 3 && !g.rebalance) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: ${GROUP} not Stable with 3 members in 120 s`);
}

async function measure(label: string, brokers: string[]): Promise<void> {
  const server = await spawnServer({ KAFKA_BROKERS: brokers.join(','), LAB_SCENARIO: 'default' });
  try {
    await waitForReady(server);
    // A running lab: the default group formed and consuming.
    console.log(`${label}: server ready, waiting for ${GROUP} to be Stable with 3 members`);
    await untilStable(server.url, 'started');
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await openCold(`${server.url}/`));
      console.log(`${label}: run ${i + 1} done`);
      const restart = await fetch(`${server.url}/api/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'consumer:restart', consumerId: 'c1' }),
      });
      if (!restart.ok) throw new Error(`restart of c1 refused: ${await restart.text()}`);
      // The next run starts from the same lab: c1 back and the group settled.
      await untilStable(server.url, 'c1 restarted');
    }
    report(label, runs);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    server.cleanup();
  }
}

const broker = await startTestBroker();
try {
  await measure('default lab', broker.brokers);
  if (GROUPS > 0) {
    const seed = await seedOutsideGroups(broker.brokers, GROUPS);
    console.log(`\nseeded ${GROUPS} outside groups in ${seed.seconds.toFixed(1)} s`);
    await measure(`default lab with ${GROUPS} outside groups`, broker.brokers);
  }
} finally {
  await broker.stop();
}
