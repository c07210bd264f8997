import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { NO_COLOR: '1' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    reporters: [process.env.CI ? 'dot' : 'default', './test/summary-reporter.ts'],
  },
});
