import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Each integration test file clones a migrated PGlite; two cores, so keep forks modest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './src/testing/summary-reporter.ts'],
    globalSetup: ['./src/testing/global-setup.ts'],
  },
});
