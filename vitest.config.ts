import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // End-to-end and durability tests start servers and child processes; two workers fit a 2-core machine.
    maxWorkers: 2,
    environment: 'node',
  },
});
