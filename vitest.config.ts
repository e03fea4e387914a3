import { defineConfig } from 'vitest/config';

// Unit tests: pure logic only, no Kafka. Integration tests have their own config.
export default defineConfig({
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
  test: {
    include: ['{server,protocol,lib,components}/**/*.test.{ts,tsx}'],
    exclude: ['**/*.int.test.ts', 'node_modules/**'],
    environment: 'node',
  },
});
