import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, systemChromium } from './e2e/browser';

/** Synchronous free-port lookup: the config is evaluated before anything async can run. */
function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

// Set once in the runner; workers inherit the environment, so every process agrees on the ports.
process.env.E2E_PORT ??= freePort();
process.env.E2E_KAFKA_PORT ??= freePort();
process.env.E2E_CONTROLLER_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'offset-lab-e2e-'));

/** Playwright's own Chromium when installed; otherwise the system one (Debian's /usr/bin/chromium). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No Playwright browser registry entry: fall through to the system browser.
  }
  return systemChromium();
}

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // One spec at a time: two Chromiums beside the lab on 2 cores made each test 2-5 times slower
  // (the whole stage slower, not faster). The lab runs one experiment at a time besides.
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'board',
      testMatch: /(lab|first-paint|rebalance|a11y|access|messages|share)\.spec\.ts/,
    },
    { name: 'experiments', testMatch: /(experiments|lessons|language)\.spec\.ts/ },
    // Stops the broker: runs after the others, against the same server.
    { name: 'outage', testMatch: /outage\.spec\.ts/, dependencies: ['board', 'experiments'] },
    // Starts a LAB_BROKERS=3 server of its own: last, so it never shares the cores with the others.
    { name: 'cluster', testMatch: /cluster\.spec\.ts/, dependencies: ['outage'] },
  ],
  webServer: {
    command: 'node server/start.mjs',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      PORT: process.env.E2E_PORT,
      KAFKA_PORT: process.env.E2E_KAFKA_PORT,
      KAFKA_CONTROLLER_PORT: process.env.E2E_CONTROLLER_PORT,
      KAFKA_DATA_DIR: process.env.E2E_DATA_DIR,
      LAB_SCENARIO: 'default',
    },
  },
});
