import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: false },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
    maxWorkers: 2,
  },
})
