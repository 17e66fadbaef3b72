import { defineProject } from 'vitest/config';

/** Unit tests of the web app's pure code (no browser): `npx vitest run --project web-unit`. */
export default defineProject({
  test: {
    name: 'web-unit',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
