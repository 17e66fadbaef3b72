import { describe, expect, test } from 'vitest';
import { RegisterInputSchema } from './account.ts';

describe('RegisterInputSchema', () => {
  test('normalises the email and accepts a long passphrase without composition rules', () => {
    const parsed = RegisterInputSchema.parse({
      email: ' Ada@Example.ORG ',
      password: 'correct horse battery',
    });
    expect(parsed.email).toBe('ada@example.org');
  });

  test('rejects a password shorter than ten characters, naming the field', () => {
    const result = RegisterInputSchema.safeParse({ email: 'a@b.co', password: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['password']);
  });

  test('rejects an unknown time zone', () => {
    const result = RegisterInputSchema.safeParse({
      email: 'a@b.co',
      password: 'long enough pw',
      timeZone: 'Mars/Base',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['timeZone']);
  });
});
