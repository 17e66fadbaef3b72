import { describe, expect, test } from 'vitest';
import { countOf, nounFor } from './plural.ts';

describe('counted nouns', () => {
  test('one takes the singular; zero, many and fractions the plural', () => {
    expect(countOf(1, ['month', 'months'])).toBe('1 month');
    expect(countOf(0, ['month', 'months'])).toBe('0 months');
    expect(countOf(12, ['month', 'months'])).toBe('12 months');
    expect(nounFor(1.5, ['point', 'points'])).toBe('points');
    expect(nounFor(1, ['point', 'points'])).toBe('point');
  });

  test('the count is written in the locale', () => {
    expect(countOf(1200, ['day', 'days'], 'en-GB')).toBe('1,200 days');
    expect(countOf(1200, ['day', 'days'], 'de-DE')).toBe('1.200 days');
  });
});
