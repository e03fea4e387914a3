import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

const GROUP = 'crypto-consumer-group';
const SESSION_TIMEOUT_MS = 6000;

// One server and broker for the whole file; each test makes the group it needs.
test.describe.configure({ mode: 'serial' });

test.describe('the lab dashboard on a real broker', () => {
  let dash: DashboardPage;

  test.beforeEach(async ({ page }) => {
    dash = new DashboardPage(page);
    await dash.open();
  });

  test('shows the real cluster id and broker', async () => {
    const health = await dash.health();
    expect(health.kafka.clusterId).toBeTruthy();
    await expect(dash.page.getByTestId('cluster-id')).toHaveText(health.kafka.clusterId ?? '');
    const broker = health.kafka.brokers[0];
    await expect(dash.page.getByTestId('brokers')).toHaveText(`1@127.0.0.1:${broker?.port}`);
  });

  test('default scenario: 3 consumers with 2 of 6 partitions each, lag chart filling', async () => {
    for (const id of ['c1', 'c2', 'c3']) await expect(dash.chips(GROUP, id)).toHaveCount(2);
    await expect(dash.group(GROUP).getByTestId('group-state')).toHaveText('Stable');
    await expect
      .poll(
        async () =>
          Number(await dash.page.getByTestId('lag-chart-points').getAttribute('data-points')),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(3);
    await dash.shot('1-default-scenario');
  });

  test('add consumer: a fourth lane appears and partitions spread to it', async () => {
    const { groupId, consumerIds } = await dash.createGroup('e2e-add', 3);
    await dash.group(groupId).getByTestId('add-consumer').click();
    const fourth = `${groupId}-c4`;
    await expect(dash.lane(groupId, fourth)).toBeVisible();
    await expect
      .poll(() => dash.chips(groupId, fourth).count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    const counts = await Promise.all(
      [...consumerIds, fourth].map((id) => dash.chips(groupId, id).count()),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    await dash.shot('2-four-consumers');
    await dash.deleteGroup(groupId);
  });

  test('trigger rebalance: the generation goes up', async () => {
    const { groupId } = await dash.createGroup('e2e-trigger', 2);
    await expect.poll(() => dash.generation(groupId)).toBeGreaterThan(0);
    const before = await dash.generation(groupId);
    await dash.group(groupId).getByTestId('trigger-rebalance').click();
    await expect.poll(() => dash.generation(groupId), { timeout: 15_000 }).toBeGreaterThan(before);
    await dash.shot('3-after-triggered-rebalance');
    await dash.deleteGroup(groupId);
  });

  test('pause: the paused consumer keeps its partitions while their lag grows', async () => {
    const { groupId, consumerIds } = await dash.createGroup('e2e-pause', 3);
    const id = consumerIds[0] ?? '';
    const owned = await dash.chipIds(groupId, id);
    expect(owned.length).toBeGreaterThan(0);
    await dash.lane(groupId, id).getByTestId(`pause-${id}`).click();
    await expect(dash.lane(groupId, id).getByTestId(`status-${id}`)).toHaveText('paused');
    await expect.poll(() => dash.laneLag(groupId, id), { timeout: 20_000 }).toBeGreaterThan(10);
    await expect
      .poll(
        async () =>
          Number(await dash.page.getByTestId('lag-chart-points').getAttribute('data-latest-total')),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(10);
    expect(await dash.chipIds(groupId, id)).toEqual(owned);
    await dash.shot('4-paused-consumer-lag');
    await dash.lane(groupId, id).getByTestId(`resume-${id}`).click();
    await expect.poll(() => dash.laneLag(groupId, id), { timeout: 20_000 }).toBeLessThan(10);
    await dash.deleteGroup(groupId);
  });

  test('crash: a countdown, then the partitions move to the survivors', async () => {
    const { groupId, consumerIds } = await dash.createGroup('e2e-crash', 3);
    const [first, victimId, third] = consumerIds as [string, string, string];
    const victim = await dash.chipIds(groupId, victimId);
    await dash.lane(groupId, victimId).getByTestId(`crash-${victimId}`).click();
    await expect(dash.lane(groupId, victimId).getByTestId('eviction-countdown')).toBeVisible();
    await expect(dash.lane(groupId, victimId)).toHaveAttribute('data-ghost', 'true');
    expect(await dash.chipIds(groupId, victimId)).toEqual(victim);
    await dash.shot('5-crashed-countdown');
    await expect(dash.lane(groupId, victimId)).toHaveCount(0, {
      timeout: SESSION_TIMEOUT_MS + 10_000,
    });
    await expect
      .poll(async () => {
        const counts = await Promise.all(
          [first, third].map((id) => dash.chips(groupId, id).count()),
        );
        return counts.reduce((a, b) => a + b, 0);
      })
      .toBe(6);
    const completed = dash.page.getByTestId('event-rebalance-completed').first();
    await expect(completed).toContainText(/Rebalance completed in [\d.]+ (ms|s)/);
    await expect(dash.page.getByTestId('event-member-evicted').first()).toContainText(
      'session timeout',
    );
    await dash.shot('6-after-eviction');
    await dash.deleteGroup(groupId);
  });

  test('replay from the page: preview while consumers run, then stop → reset → restart, and undo', async () => {
    const { groupId, consumerIds } = await dash.createGroup('e2e-reset', 1);
    const bar = dash.group(groupId).getByTestId('offset-bar-0');
    await expect
      .poll(async () => Number(await bar.getAttribute('data-committed')), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await dash.group(groupId).getByTestId('open-reset-offsets').click();
    const dialog = dash.page.getByTestId('reset-offsets-dialog');
    await expect(dialog).toContainText('Apply stops the 1 running consumer(s)');
    // A preview is allowed while the consumer runs: it is how a replay is planned.
    await dialog.getByTestId('reset-preview').click();
    await expect(dialog.getByTestId('reset-plan')).toBeVisible();
    await expect(dialog.getByTestId('reset-apply')).toHaveText('Stop, reset, restart');
    await dash.shot('7-replay-dialog');
    await dialog.getByTestId('reset-apply').click();
    await expect(dialog).toHaveCount(0, { timeout: 30_000 });
    // The same consumer runs again, in a new process, after an offsets-reset entry.
    await expect(dash.page.getByTestId('timeline')).toContainText(
      `Offsets of ${groupId} reset to earliest`,
    );
    await expect(
      dash.lane(groupId, consumerIds[0] as string).getByTestId(`status-${consumerIds[0]}`),
    ).toHaveText('running', { timeout: 30_000 });
    await expect(dash.group(groupId).getByTestId('undo-reset')).toBeVisible();
    await dash.group(groupId).getByTestId('undo-reset').click();
    await expect(dash.page.getByTestId('timeline')).toContainText(
      `Offsets of ${groupId} put back as they were before the last reset`,
      { timeout: 30_000 },
    );
    await dash.deleteGroup(groupId);
  });

  test('create group: a second group on the same topic gets its own lanes and offsets', async () => {
    await dash.page.getByTestId('open-create-group').click();
    const dialog = dash.page.getByTestId('create-group-dialog');
    await dialog.getByTestId('cg-group-id').fill('e2e-range-group');
    await dialog.getByTestId('cg-submit').click();
    await expect(dialog).toHaveCount(0);
    const panel = dash.group('e2e-range-group');
    await expect(panel.getByTestId('group-state')).toHaveText('Stable', { timeout: 20_000 });
    await expect
      .poll(async () => {
        const counts = await Promise.all(
          ['e2e-range-group-c1', 'e2e-range-group-c2'].map((id) =>
            dash.chips('e2e-range-group', id).count(),
          ),
        );
        return counts.join(',');
      })
      .toBe('3,3');
    await expect(panel.getByText('range', { exact: true })).toBeVisible();
    await dash.shot('8-second-group');
    const deleted = await dash.page.request.post('/api/commands', {
      data: { type: 'group:delete', groupId: 'e2e-range-group' },
    });
    expect(deleted.ok()).toBe(true);
  });
});
