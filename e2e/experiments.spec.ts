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
