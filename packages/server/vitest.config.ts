import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Integration tests migrate a fresh database per test and hash passwords with argon2id;
    // on PostgreSQL that is slower than the 5 s default allows on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
