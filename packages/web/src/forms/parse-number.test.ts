import { describe, expect, test } from 'vitest';
import { numberProblem, parseNumber, parseNumberOrUndefined } from './parse-number.ts';

describe('parseNumber: one reader for every number field', () => {
  test.each([
    ['32', 32],
    ['32.5', 32.5],
    ['32,5', 32.5],
    [' 32,5 ', 32.5],
    ['0,025', 0.025],
    ['0.025', 0.025],
    ['1.234', 1.234],
    ['1234,567', 1234.567],
    ['1,5', 1.5],
    ['12,50', 12.5],
    ['1000', 1000],
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['12 345,5', 12345.5],
    ['1,234,567', 1234567],
    ['2,000,000', 2000000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  test.each(['1,234', '5,000', '1,000', '500,000'])('%j is ambiguous: thousands or decimal', (text) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(false);
    expect(parsed).toMatchObject({ problem: 'ambiguous' });
  });

  test.each(['1.234,5', '1,234.5', '1.234.567,8'])('%j mixes a comma and a point: ambiguous', (text) => {
    expect(parseNumber(text)).toMatchObject({ ok: false, problem: 'ambiguous', readings: null });
  });

  test.each(['', '   '])('%j is empty', (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, problem: 'empty' });
  });

  test.each([
    'abc',
    '12a',
    '-5',
    '1e3',
    '1..2',
    '1,,2',
    ',5',
    '5,',
    '1.2.3',
    '12 34',
    'Infinity',
    '1 000 00',
  ])('%j is not a number', (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, problem: 'not-a-number' });
  });

  test('the message asks for plain writing and names both readings; a number has no message', () => {
    expect(numberProblem('1,234', 'Enter a number.')).toBe(
      '"1,234" could mean 1234 or 1.234. Please write it plainly: no separator for thousands, and a point for decimals (for example 1234 or 32.5).',
    );
    expect(numberProblem('1.234,5', 'Enter a number.')).toMatch(/^"1\.234,5" mixes a comma and a point/);
    expect(numberProblem('abc', 'Enter a number.')).toBe('Enter a number.');
    expect(numberProblem('32,5', 'Enter a number.')).toBeUndefined();
    expect(parseNumberOrUndefined('1,234')).toBeUndefined();
    expect(parseNumberOrUndefined('32,5')).toBe(32.5);
  });
});
