import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web-e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server and browser; running them one at a time keeps timings honest.
    fileParallelism: false,
  },
});
