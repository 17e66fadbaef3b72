import { parseOptions } from '@node-rs/argon2';
import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  test('hashes use argon2id with m = 19456 KiB, t = 2, p = 1 and a random salt', async () => {
    const first = await hashPassword('sunlight over the harbour 42');
    const second = await hashPassword('sunlight over the harbour 42');
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toBe(second);
    expect(parseOptions(first)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  test('verification accepts the password, refuses another, and treats a malformed hash as no match', async () => {
    const stored = await hashPassword('sunlight over the harbour 42');
    expect(await verifyPassword(stored, 'sunlight over the harbour 42')).toBe(true);
    expect(await verifyPassword(stored, 'sunlight over the harbour 43')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
