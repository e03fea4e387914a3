/**
 * Delay from a commit acknowledged to a lab consumer (its IPC event reaching the server) to the
 * new committed offset drawn on the page, measured in real Chromium. Needs `npm run build` first.
 * Run: npm run bench:latency   (BENCH_SECONDS=30 by default)
 * BENCH_WEBHOOK=hang: ALERT_WEBHOOK_URL points at a receiver that never answers, and a second
 * group is paused so that its verdict changes keep the sender waiting on it: the figure must not
 * move (the webhook must never hold up the dashboard).
 */

import { DEFAULT_GROUP, DEFAULT_TOPIC } from '../protocol/constants';
import type { WorkerMessage } from '../protocol/ipc';
import { LabClient } from '../server/test-support/lab-client';
import { startWebhookReceiver } from '../server/test-support/webhook-receiver';
import { startBenchLab } from './lab-with-page';
import { percentile } from './proc-stats';

const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;

const hang = process.env.BENCH_WEBHOOK === 'hang';
const receiver = hang ? await startWebhookReceiver(() => null) : null;
const { app, browser, close } = await startBenchLab(
  'default',
  receiver ? { alertWebhook: { url: receiver.url, token: null } } : {},
);
if (hang) {
  const client = new LabClient(app.url, null);
  const created = (await client.ok({
    type: 'group:create',
    groupId: 'bench-paused',
    topic: DEFAULT_TOPIC,
    consumers: 1,
  })) as { consumerIds: string[] };
  await client.ok({ type: 'consumer:pause', consumerId: created.consumerIds[0] });
}

/** `${partition}:${offset}` → when the server first heard of that commit. */
const commitSeenAt = new Map<string, number>();
app.lab.on('worker-message', (_id: string, message: WorkerMessage) => {
  if (message.type !== 'committed') return;
  const now = Date.now();
  for (const o of message.offsets) {
    const key = `${o.partition}:${o.offset}`;
    if (!commitSeenAt.has(key)) commitSeenAt.set(key, now);
  }
});

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const drawn: { partition: number; offset: number; at: number }[] = [];
  await page.exposeFunction('reportDrawn', (partition: number, offset: number, at: number) => {
    drawn.push({ partition, offset, at });
  });
  await page.goto(app.url);
  await page.getByTestId(`group-${DEFAULT_GROUP}`).getByTestId('offset-bar-0').waitFor();
  // A string, not a function: tsx would add helpers to a function's source that the page lacks.
  await page.evaluate(`(() => {
    const last = new Map();
    const scan = () => {
      const at = performance.timeOrigin + performance.now();
      const panel = document.querySelector('[data-testid="group-${DEFAULT_GROUP}"]');
      for (const bar of panel ? panel.querySelectorAll('[data-testid^="offset-bar-"]') : []) {
        const partition = Number(bar.dataset.testid.replace('offset-bar-', ''));
        const match = /^(\\d+) \\//.exec(bar.lastElementChild ? bar.lastElementChild.textContent : '');
        if (!match) continue;
        const committed = Number(match[1]);
        if (last.get(partition) === committed) continue;
        last.set(partition, committed);
        window.reportDrawn(partition, committed, at);
      }
    };
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await new Promise((r) => setTimeout(r, MEASURE_MS));

  const delays = drawn
    .map((d) => {
      const seen = commitSeenAt.get(`${d.partition}:${d.offset}`);
      return seen === undefined ? null : d.at - seen;
    })
    .filter((d): d is number => d !== null && d >= 0)
    .sort((a, b) => a - b);
  console.log(
    `commits seen by the server: ${commitSeenAt.size}; offset changes drawn on the page: ${drawn.length}; matched: ${delays.length}`,
  );
  if (receiver)
    console.log(
      `webhook receiver that never answers: ${receiver.requests()} request(s) left hanging, ${app.lab.listenerCount('overview')} verdict watcher`,
    );
  console.log(
    `commit → drawn on the page${hang ? ' (webhook hanging)' : ''}: median ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms, max ${percentile(delays, 100).toFixed(0)} ms`,
  );
} finally {
  await close();
  await receiver?.close();
}
