import { expect, test } from '@playwright/test';
import { LANGUAGE_COOKIE } from '../lib/i18n/preferred-language';

const HYDRATION = /hydrat|did not match|server rendered html|text content does not match/i;

test.describe('the first paint comes from the server', () => {
  for (const language of ['en', 'id'] as const)
    test(`the HTML holds the lab, and hydrating it warns about nothing (${language})`, async ({
      page,
      context,
    }) => {
      const url = new URL('/', test.info().project.use.baseURL ?? 'http://127.0.0.1');
      await context.addCookies([{ name: LANGUAGE_COOKIE, value: language, url: url.origin }]);
      // Before any script: the server's HTML already names the group and its consumers.
      const html = await (await page.request.get('/?group=crypto-consumer-group')).text();
      expect(html).toContain('data-testid="group-crypto-consumer-group"');
      expect(html).toContain('data-testid="lane-');
      const messages: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') messages.push(m.text());
      });
      page.on('pageerror', (e) => messages.push(e.message));
      await page.goto('/?group=crypto-consumer-group');
      await expect(page.locator('html')).toHaveAttribute('data-live', 'true');
      await expect(page.getByTestId('group-crypto-consumer-group')).toBeVisible();
      // Rendered on after hydration: the lazily loaded chart has drawn live points.
      await expect
        .poll(async () =>
          Number(await page.getByTestId('lag-chart-points').getAttribute('data-points')),
        )
        .toBeGreaterThanOrEqual(2);
      expect(messages.filter((m) => HYDRATION.test(m))).toEqual([]);
    });
});
