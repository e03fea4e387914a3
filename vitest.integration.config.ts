import { defineConfig } from 'vitest/config';
import { PlannedOrder } from './server/test-support/planned-order';

/**
 * Files that need the shared broker to themselves: monitor-mode checks that the lab created no
 * topic or group there (another file's topics would count), and health times verdicts and drain
 * predictions against the clock (a busy second file skews the rates it judges). They run after
 * the others, one at a time.
 */
const ALONE = ['server/http/monitor-mode.int.test.ts', 'server/lab/health.int.test.ts'];

// Integration tests run against a real broker (started once by globalSetup, or KAFKA_BROKERS).
// Every file makes its own topics and groups (random names), so two files can share the broker;
// two at once keep both cores busy (a third only made every file slower).
export default defineConfig({
  test: {
    globalSetup: ['server/test-support/global-broker.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
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
