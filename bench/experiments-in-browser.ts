/**
 * Runs every judged experiment from the page, in Chromium, on the embedded broker with the
 * default scenario (as `npm start` does), and prints each result card's numbers.
 * BENCH_EXPERIMENTS=id,id runs only those; BENCH_LANG=id runs the page in Indonesian; with
 * LAB_BROKERS=3 it runs on the 3-broker lab (acks-under-failure needs it).
 */
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/browser';
import { EXPERIMENT_IDS } from '../protocol/experiments';
import { spawnServer, waitForReady } from '../server/test-support/server-process';

const only = process.env.BENCH_EXPERIMENTS?.split(',').filter(Boolean);
const ids = EXPERIMENT_IDS.filter((id) => !only || only.includes(id));
const server = await spawnServer({ LAB_SCENARIO: 'default' });
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
let failures = 0;
let ran = 0;
try {
  await waitForReady(server, 180_000);
  // The default scenario is still setting up the producer and its group just after "ready".
  for (;;) {
    const state = (await (await fetch(`${server.url}/api/state`)).json()) as {
      producer: { ackedPerSec: number } | null;
      groups: { groupId: string; state: string }[];
    };
    const group = state.groups.find((g) => g.groupId === 'crypto-consumer-group');
    if ((state.producer?.ackedPerSec ?? 0) > 0 && group?.state === 'Stable') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  if (process.env.BENCH_LANG)
    await page.addInitScript(
      `localStorage.setItem('offset-lab-lang', '${process.env.BENCH_LANG}')`,
    );
  await page.goto(server.url);
  await page
    .getByTestId('connection-badge')
    .filter({ hasText: /connected|terhubung/ })
    .waitFor();
  for (const id of ids) {
    const item = page.getByTestId(`judged-${id}`);
    await item.scrollIntoViewIfNeeded();
    const button = item.getByTestId(`run-${id}`);
    // acks-under-failure needs LAB_BROKERS=3; broker-down the one-broker lab.
    if (await button.isDisabled()) {
      console.log(`\n${id}: not run here (${await button.getAttribute('title')})`);
      continue;
    }
    await button.click();
    ran++;
    const card = item.getByTestId(`result-${id}`);
    await card.waitFor();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running',
      `[data-testid="result-${id}"]`,
      { timeout: 300_000, polling: 500 },
    );
    const status = await card.getAttribute('data-status');
    if (status !== 'passed') failures++;
    const rows = await card.locator('tr').allInnerTexts();
    const error = await card.locator('p').allInnerTexts();
    console.log(`\n${id}: ${status}`);
    for (const r of rows) console.log(`  ${r.replace(/\s+/g, ' ').trim()}`);
    for (const e of error) console.log(`  ${e}`);
    await page.screenshot({ path: `test-results/screens/experiment-${id}.png` });
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  server.cleanup();
}
console.log(
  `\n${ran - failures} of ${ran} experiments run passed (${ids.length - ran} not run here)`,
);
process.exitCode = failures > 0 ? 1 : 0;
