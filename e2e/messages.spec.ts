import { expect, test } from '@playwright/test';
import { tradeSchema } from '../protocol/trade';
import { DashboardPage } from './pages/dashboard-page';

test('the message browser opens from a partition bar at the committed offset, reading what Kafka has', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open();
  const { groupId, consumerIds } = await dash.createGroup('e2e-browse', 1);
  // A paused consumer commits no further: the bar's committed offset stays put and lag grows.
  await page.request.post('/api/commands', {
    data: { type: 'consumer:pause', consumerId: consumerIds[0] },
  });
  const bar = dash.group(groupId).getByTestId('offset-bar-0');
  await expect
    .poll(async () => Number(/lag (\d+)/.exec((await bar.textContent()) ?? '')?.[1]), {
      timeout: 20_000,
    })
    .toBeGreaterThan(5);
  const committed = Number(await bar.getAttribute('data-committed'));
  expect(Number.isInteger(committed)).toBe(true);

  await dash.group(groupId).getByTestId('browse-partition-0').click();
  const browser = page.getByTestId('message-browser');
  await expect(browser).toBeVisible();
  const first = browser.getByTestId('record-offset').first();
  await expect(first).toHaveText(String(committed));
  // The group's position is marked among the records.
  await expect(
    browser.getByTestId(`record-${committed}`).getByTestId('record-committed'),
  ).toBeVisible();
  // Focus went into the dialog, and Tab stays there.
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
  expect(await browser.evaluate((el) => el.contains(document.activeElement))).toBe(true);

  // The same records over the API: the offsets, keys and values the page shows are Kafka's.
  // (The log keeps growing, so ask for as many as the page read.)
  const shown = (await browser.getByTestId('record-offset').allTextContents()).map(Number);
  expect(shown.length).toBeGreaterThan(0);
  const api = (await (
    await page.request.get(
      `/api/records?topic=crypto_trades&partition=0&from=offset&value=${committed}&limit=${shown.length}`,
    )
  ).json()) as {
    ok: boolean;
    result: { records: { offset: number; key: string; value: string }[] };
  };
  expect(api.ok).toBe(true);
  expect(shown).toEqual(api.result.records.map((r) => r.offset));
  expect(await browser.getByTestId('record-key').allTextContents()).toEqual(
    api.result.records.map((r) => r.key),
  );
  for (const r of api.result.records) tradeSchema.parse(JSON.parse(r.value));

  // A record opens to its whole value, pretty-printed, and its headers.
  await browser.getByTestId(`record-${committed}`).getByRole('button').click();
  await expect(browser.getByTestId('record-value-full')).toContainText('"symbol":');
  await dash.shot('12-message-browser');

  await browser.getByTestId('browse-from').selectOption('end');
  await browser.getByTestId('browse-value').fill('3');
  await browser.getByTestId('browse-read').click();
  await expect(browser.getByTestId('record-offset')).toHaveCount(3);
  // Esc closes it, and so does a click outside it.
  await page.keyboard.press('Escape');
  await expect(browser).toBeHidden();
  await dash.group(groupId).getByTestId('browse-partition-0').click();
  await expect(browser).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(browser).toBeHidden();
  await dash.deleteGroup(groupId);
});
