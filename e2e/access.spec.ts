import { expect, test } from '@playwright/test';
import { spawnServer, waitForReady } from '../server/test-support/server-process';

// A second server on the e2e broker, as a team would run it: bound beyond loopback (so it needs a
// token), pointed at a cluster with KAFKA_BROKERS (so it only monitors).
test('beyond loopback: the printed URL opens the page, which then monitors the cluster', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const server = await spawnServer({
    HOST: '0.0.0.0',
    KAFKA_BROKERS: `127.0.0.1:${process.env.E2E_KAFKA_PORT}`,
    LAB_SCENARIO: '',
  });
  try {
    await waitForReady(server);
    const printed = /ready in [\d.]+ s: (http:\/\/\S+)/.exec(server.output())?.[1] ?? '';
    expect(new URL(printed).searchParams.get('token')).toBeTruthy();
    const port = new URL(server.url).port;
    const withoutToken = await page.request.get(`http://127.0.0.1:${port}/api/state`);
    expect(withoutToken.status()).toBe(401);
    await page.goto(printed);
    // The token went into an HttpOnly cookie; the address bar no longer shows it.
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    await expect(page.getByTestId('connection-badge')).toHaveText('connected', { timeout: 30_000 });
    await expect(page.getByTestId('mode-banner')).toContainText('Monitoring');
    await expect(page.getByTestId('open-create-group')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/12-monitor-mode.png', fullPage: true });
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    server.cleanup();
  }
});
