import { defineConfig } from 'vitest/config';
import { PlannedOrder } from './server/test-support/planned-order';

/**
 * Files that need the shared broker to themselves: monitor-mode checks that the lab created no
 * topic or group there (another file's topics would count), and health times verdicts and drain
 * predictions against the clock (a busy second file skews the rates it judges). They run in a
 * project of their own, one at a time (Vitest has run that project before the other).
 */
const ALONE = ['server/http/monitor-mode.int.test.ts', 'server/lab/health.int.test.ts'];

/**
 * Every file makes its own topics and groups (random names), so two files can share the broker.
 * One at a time by default: on 2 cores two files at once took 684–748 s instead of 906 s, but
 * keep both cores 95–99 % busy, and each such run so far showed a test whose timing gave way
 * (each one since made to wait on its fact). INTEGRATION_WORKERS=2 runs two at a time.
 */
function integrationWorkers(): number {
  const raw = process.env.INTEGRATION_WORKERS ?? '1';
  if (raw !== '1' && raw !== '2')
    throw new Error(`INTEGRATION_WORKERS: 1 or 2 files at a time (got "${raw}")`);
  return Number(raw);
}

// Integration tests run against a real broker (started once by globalSetup, or KAFKA_BROKERS).
export default defineConfig({
  test: {
    globalSetup: ['server/test-support/global-broker.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    maxWorkers: integrationWorkers(),
    sequence: { sequencer: PlannedOrder },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['server/**/*.int.test.ts'],
          exclude: ALONE,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          include: ALONE,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
