import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  test('objects that differ only in key order, at any depth, have the same text', () => {
    const a = { id: 'x', amount: { value: 1000, unit: 'IU' }, status: 'taken' };
    const b = { status: 'taken', amount: { unit: 'IU', value: 1000 }, id: 'x' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"amount":{"unit":"IU","value":1000},"id":"x","status":"taken"}');
  });

  test('array order, values and undefined members are treated as JSON treats them', () => {
    expect(canonicalJson({ days: [1, 2] })).not.toBe(canonicalJson({ days: [2, 1] }));
    expect(canonicalJson({ value: 1000 })).not.toBe(canonicalJson({ value: 1001 }));
    expect(canonicalJson({ note: undefined, id: 'x' })).toBe(canonicalJson({ id: 'x' }));
    expect(canonicalJson([{ b: 1, a: null }])).toBe('[{"a":null,"b":1}]');
  });
});
