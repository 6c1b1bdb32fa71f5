import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // generous: many tests start the command line or a browser, which a busy machine slows many times over;
    // a timeout only catches hangs (speed budgets are in bench/)
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
