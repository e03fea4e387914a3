import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

// Its nine Java consumers would otherwise share the two cores with every later test.
test.afterEach(async ({ page }) => {
  await new DashboardPage(page).deleteGroups(/^exp-/);
});

test('eager vs cooperative vs KIP-848 runs from the page and shows each protocol’s pauses', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dash = new DashboardPage(page);
  await dash.open();
  const experiment = page.getByTestId('judged-three-protocols');
  await experiment.getByTestId('run-three-protocols').click();
  const card = experiment.getByTestId('result-three-protocols');
  await dash.expectPassed(card, 200_000);
  for (const style of ['eager', 'cooperative', 'kip848']) {
    await expect(card.getByTestId(`measure-${style}.pausedPartitions`)).toContainText('✓');
    await expect(card.getByTestId(`measure-${style}.survivorPauseMs`)).toContainText(/\d+ ms/);
  }
  await expect(card.getByTestId('measure-eager.pausedPartitions')).toContainText('6');
  await expect(card.getByTestId('measure-kip848.pausedPartitions')).toContainText('2');
  await dash.shot('11-three-protocols');
});

test('a judged experiment from the page: same key, same partition, with its numbers and a pass', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open();
  const experiment = page.getByTestId('judged-same-key');
  await experiment.getByTestId('run-same-key').click();
  const card = experiment.getByTestId('result-same-key');
  await dash.expectPassed(card, 60_000);
  await expect(card.getByTestId('measure-key.partitions')).toContainText('1');
  await expect(card.getByTestId('measure-key.partitions')).toContainText('✓');
  // 100 records in one partition, +0 in the others.
  const spread = (await card.getByTestId('measure-key.records').textContent()) ?? '';
  const added = [...spread.matchAll(/\+(\d+)/g)].map((m) => Number(m[1]));
  expect(added.filter((n) => n > 0)).toHaveLength(1);
  expect(Math.max(...added)).toBeGreaterThanOrEqual(100);
  // The producer is back as it was.
  const keySelect = page.getByTestId('producer-panel').getByRole('combobox').first();
  await expect(keySelect).toHaveValue('symbol');
  await dash.shot('8b-same-key');
});
