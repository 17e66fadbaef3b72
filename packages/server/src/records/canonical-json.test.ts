import { describe, expect, test } from 'vitest';
import { bodyHash } from './canonical-json.ts';

describe('body hash', () => {
  test('bodies that differ only in key order have the same hash; another value another hash', () => {
    const a = { id: 'x', amount: { value: 1000, unit: 'IU' }, status: 'taken' };
    const b = { status: 'taken', amount: { unit: 'IU', value: 1000 }, id: 'x' };
    expect(bodyHash(a)).toBe(bodyHash(b));
    expect(bodyHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(bodyHash({ value: 1000 })).not.toBe(bodyHash({ value: 1001 }));
  });
});
