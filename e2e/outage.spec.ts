import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

// How fast the page tells is measured and printed here; the waits are generous on purpose, so a
// loaded machine makes the figures worse, not the run red (speed targets live in bench/).
test('broker killed by hand: "broker unreachable", then connected again after broker:start', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open();
  const health = await dash.health();
  const pid = health.embeddedBroker?.pid;
  test.skip(!pid, 'needs the embedded broker (KAFKA_BROKERS is set)');
  process.kill(pid as number, 'SIGKILL');
  const killedAt = Date.now();
  await expect(dash.badge).toHaveText('broker unreachable', { timeout: 30_000 });
  const unreachableAfterMs = Date.now() - killedAt;
  await expect(page.getByTestId('producer-error')).toBeVisible({ timeout: 15_000 });
  await dash.shot('9-broker-down');

  const startedAt = Date.now();
  const start = await page.request.post('/api/commands', { data: { type: 'broker:start' } });
  expect(start.ok()).toBe(true);
  await expect(dash.badge).toHaveText('connected', { timeout: 60_000 });
  const reconnectedAfterMs = Date.now() - startedAt;
  console.log(
    `broker outage: unreachable shown after ${unreachableAfterMs} ms, connected again ${reconnectedAfterMs} ms after start`,
  );
  await dash.shot('10-broker-back');
});
