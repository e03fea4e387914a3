import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

/** Serious and critical WCAG 2 A/AA violations on what is on screen, as `rule: target` lines. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

test.describe('accessibility with axe-core and the keyboard', () => {
  test('the board, its rebalance card, the create dialog and the message browser: no serious or critical violation', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const dash = new DashboardPage(page);
    await dash.open();
    const { groupId, consumerIds } = await dash.createGroup('e2e-axe', 2);
    await page.goto(`/?group=${encodeURIComponent(groupId)}`);
    await expect(page.locator('html')).toHaveAttribute('data-live', 'true');
    const victim = consumerIds[1] ?? '';
    await dash.lane(groupId, victim).getByTestId(`crash-${victim}`).click();
    await expect(dash.group(groupId).getByTestId('rebalance-card')).toBeVisible({
      timeout: 30_000,
    });
    const board = await violations(page);
    console.log(`axe, board: ${board.length} serious/critical`);
    expect(board).toEqual([]);

    await page.getByTestId('open-create-group').click();
    await expect(page.getByTestId('create-group-dialog')).toBeVisible();
    expect(await violations(page, '[data-testid="create-group-dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');

    await dash.group(groupId).getByTestId('browse-partition-0').click();
    await expect(page.getByTestId('message-browser')).toBeVisible();
    expect(await violations(page, '[data-testid="message-browser"]')).toEqual([]);
    await page.getByTestId('message-browser-close').click();
    await dash.deleteGroup(groupId);
  });

  test('keyboard only: Tab to a consumer’s Crash, Enter, and the rebalance card’s replay', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const dash = new DashboardPage(page);
    await dash.open();
    const { groupId, consumerIds } = await dash.createGroup('e2e-keys', 2);
    await page.goto(`/?group=${encodeURIComponent(groupId)}`);
    await expect(page.locator('html')).toHaveAttribute('data-live', 'true');
    const victim = consumerIds[0] ?? '';
    const presses = await tabTo(page, `crash-${victim}`);
    console.log(`keyboard: ${presses} Tab presses to crash-${victim}`);
    await page.keyboard.press('Enter');
    // The kill took effect (partitions wait), then the rebalance ended and its card is back.
    const now = dash.group(groupId).getByTestId('rebalance-now');
    await expect(now).toBeVisible();
    await expect(now).toBeHidden({ timeout: 30_000 });
    const card = dash.group(groupId).getByTestId('rebalance-card');
    await expect(card).toBeVisible();
    await tabTo(page, 'replay-next');
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('replay-frame')).toHaveAttribute('data-kind', 'start');
    await dash.deleteGroup(groupId);
  });
});

/** Presses Tab until the focused element has this test id; how many presses it took. */
async function tabTo(page: Page, testId: string, max = 300): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return i;
  }
  throw new Error(`${testId} not reached with ${max} Tab presses`);
}
