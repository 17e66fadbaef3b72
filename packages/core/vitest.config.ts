import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Property tests over every time zone and the truth tests over simulated people take seconds; on a
    // busy machine (CI runs the projects side by side) that outlasts the 5 s default.
    testTimeout: 30_000,
  },
});
