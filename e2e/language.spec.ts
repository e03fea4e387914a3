import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

test('in Bahasa Indonesia: the switch is remembered, and an experiment and its result card read in Indonesian', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dash = new DashboardPage(page);
  await dash.open();
  await page.getByTestId('language-switch').selectOption('id');
  await expect(page.getByTestId('connection-badge')).toHaveText('terhubung');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  // Remembered in this browser.
  await page.reload();
  await expect(page.getByTestId('language-switch')).toHaveValue('id');
  await expect(page.getByTestId('connection-badge')).toHaveText('terhubung');
  // The server's HTML reads "terhubung" already: wait for the page to be live before clicking.
  await expect(page.locator('html')).toHaveAttribute('data-live', 'true');

  const experiment = page.getByTestId('judged-same-key');
  await expect(experiment).toContainText('Key sama, partition sama');
  await expect(experiment).toContainText('Harapan: Kafka menaruh semuanya di satu partition');
  await experiment.getByTestId('run-same-key').click();
  const card = experiment.getByTestId('result-same-key');
  await dash.expectPassed(card, 60_000);
  await expect(card).toContainText('lulus');
  await expect(card.getByTestId('measure-key.partitions')).toContainText(
    'partition yang menerimanya',
  );
  await expect(card.getByTestId('measure-key.partitions')).toContainText('✓ harapan 1');
  // The timeline words the server's events in Indonesian too (commit aggregates unfolded).
  await page.getByTestId('timeline').getByRole('checkbox').check();
  await expect(page.getByTestId('timeline')).toContainText(
    /offset commit dalam \d+ detik terakhir/,
    {
      timeout: 20_000,
    },
  );
  await dash.shot('13-bahasa-indonesia');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('connection-badge')).toHaveText('connected');
});
