import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { formatIssuePath, parseWith } from './validation.ts';

describe('validation errors', () => {
  test('paths read like property access: list indexes in brackets, fields after dots', () => {
    expect(formatIssuePath(['intakes', 3, 'amount', 'unit'])).toBe('intakes[3].amount.unit');
    expect(formatIssuePath([0, 'id'])).toBe('[0].id');
    expect(formatIssuePath([])).toBe('');
  });

  test('a failed parse returns the code asked for and a message starting with the path', () => {
    const schema = z.strictObject({ items: z.array(z.strictObject({ score: z.number().max(10) })) });
    const result = parseWith(schema, { items: [{ score: 1 }, { score: 11 }] }, 'invalid-export');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'invalid-export', path: 'items[1].score' });
      expect(result.error.message.startsWith('items[1].score: ')).toBe(true);
    }
  });

  test('a problem with the whole input has no path', () => {
    const result = parseWith(z.strictObject({}), 'text');
    expect(result.ok ? null : result.error.path).toBeUndefined();
    expect(result.ok ? null : result.error.code).toBe('invalid-record');
  });

  test('a successful parse returns the parsed value', () => {
    expect(parseWith(z.string().trim(), '  a ')).toEqual({ ok: true, value: 'a' });
  });
});
