import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { GroupInfo } from '../protocol/snapshot';
import { produceRaw } from '../server/kafka/test-support/external-client';
import { startJavaConsumer } from '../server/test-support/java-test-consumer';
import { DashboardPage } from './pages/dashboard-page';

const brokers = [`127.0.0.1:${process.env.E2E_KAFKA_PORT}`];

test("a share group drawn as one: members sharing a partition, its start offset and Kafka's share lag", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const topic = `e2e-queue-${randomUUID().slice(0, 6)}`;
  const groupId = `e2e-queue-workers-${randomUUID().slice(0, 6)}`;
  const created = await page.request.post('/api/commands', {
    data: { type: 'topic:create', topic, partitions: 1 },
  });
  expect(created.status()).toBe(200);
  // Someone else's application: one member that keeps a record locked, one that accepts the rest.
  // It reads from the beginning (its own group config); the holder starts alone, so it gets P0's
  // first record before the other member takes everything.
  await produceRaw(brokers, topic, 30);
  const configs = {
    'share.auto.offset.reset': 'earliest',
    'share.record.lock.duration.ms': '60000',
  };
  const holder = await startJavaConsumer(
    brokers,
    groupId,
    topic,
    'share-hold',
    'slow-worker',
    configs,
  );
  let acceptor: Awaited<ReturnType<typeof startJavaConsumer>> | undefined;
  try {
    const group = async () => {
      const res = await page.request.get(`/api/state?groups=${encodeURIComponent(groupId)}`);
      const body = (await res.json()) as { groups: GroupInfo[] };
      return body.groups.find((g) => g.groupId === groupId);
    };
    await expect.poll(() => holder.held()?.offset ?? null, { timeout: 60_000 }).toBe(0);
    acceptor = await startJavaConsumer(brokers, groupId, topic, 'share', 'fast-worker');
    const accepting = acceptor;
    // 29, or 30 once the held record's 60 s lock ran out (a run on a loaded machine saw the
    // other member get nothing for a minute, then all 30).
    await expect.poll(() => accepting.consumed(), { timeout: 90_000 }).toBeGreaterThanOrEqual(29);

    const dash = new DashboardPage(page);
    await dash.open(`/?group=${encodeURIComponent(groupId)}`);
    const panel = dash.group(groupId);
    await expect(panel.getByTestId('share-intro')).toBeVisible();
    // Both members' lanes hold the same partition.
    await expect(panel.getByTestId('chip-0')).toHaveCount(2);
    const bar = panel.getByTestId('offset-bar-0');
    await expect(bar).toHaveAttribute('data-readers', '2');
    // The bar shows what Kafka says, and the API the same: start offset and share lag.
    await expect
      .poll(async () => {
        const o = (await group())?.offsets[0];
        return (
          o !== undefined &&
          (await bar.getAttribute('data-start-offset')) === String(o.committedOffset) &&
          (await bar.getAttribute('data-share-lag')) === String(o.lag)
        );
      })
      .toBe(true);
    const o = (await group())?.offsets[0];
    expect(o?.logEndOffset).toBe(30);
    // Kafka's share lag counts at most the held record (1; 0 once it was released and accepted:
    // one e2e run on a loaded machine saw it released within a minute, cause not found), where
    // the consumer-group model would count all 30 above the start offset.
    expect(o?.lag).toBeLessThanOrEqual(1);
    await dash.shot('15-share-group');
  } finally {
    await Promise.all([holder.stop(), acceptor?.stop()]);
  }
});

test('a lab share group created from the page: its members accept records one by one, the record window shows them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const groupId = `e2e-share-${randomUUID().slice(0, 6)}`;
  const dash = new DashboardPage(page);
  await dash.open();
  await page.getByTestId('open-create-group').click();
  const dialog = page.getByTestId('create-group-dialog');
  await dialog.getByTestId('cg-group-id').fill(groupId);
  await dialog.getByTestId('cg-client').selectOption('java');
  await dialog.getByTestId('cg-protocol').selectOption('share');
  // A share group commits nothing: the commit settings make way for the share ones.
  await expect(dialog.getByTestId('cg-max-poll')).toHaveCount(0);
  await dialog.getByTestId('cg-maxPollRecords').fill('3');
  await dialog.getByTestId('cg-submit').click();
  await expect(dialog).toHaveCount(0);
  try {
    const panel = dash.group(groupId);
    await expect(panel.getByTestId('group-state')).toHaveText('Stable', { timeout: 60_000 });
    await expect(panel.getByTestId('share-intro')).toBeVisible();
    await expect(panel.getByTestId('trigger-rebalance')).toHaveCount(0);
    // Records appear in the window as the members accept them, and each member counts its own.
    const window = panel.getByTestId('share-window');
    await expect
      .poll(() => window.locator('[data-state="accepted"]').count(), { timeout: 60_000 })
      .toBeGreaterThan(10);
    for (const id of [`${groupId}-c1`, `${groupId}-c2`])
      await expect(panel.getByTestId(`share-counts-${id}`)).toContainText(/✓ [1-9]\d* accepted/, {
        timeout: 30_000,
      });
    // The same records over the API: the window is what the members reported.
    const res = await page.request.get(`/api/state?groups=${encodeURIComponent(groupId)}`);
    const group = ((await res.json()) as { groups: GroupInfo[] }).groups.find(
      (g) => g.groupId === groupId,
    );
    expect(group?.config?.share?.maxPollRecords).toBe(3);
    expect(group?.shareWindow?.length).toBe(6);
    await dash.shot('16-lab-share-group');
  } finally {
    await dash.deleteGroup(groupId);
  }
});
