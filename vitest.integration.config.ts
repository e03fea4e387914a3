import { defineConfig } from 'vitest/config';

// Integration tests run against a real broker (started once by globalSetup, or KAFKA_BROKERS).
export default defineConfig({
  test: {
    include: ['server/**/*.int.test.ts'],
    globalSetup: ['server/test-support/global-broker.ts'],
    environment: 'node',
    // One file at a time: the files share one broker and two cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
