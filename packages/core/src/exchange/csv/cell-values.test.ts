import { describe, expect, test } from 'vitest';
import {
  isFormula,
  readBloodLevel,
  readDate,
  readIntakeAmount,
  readNumber,
  readTime,
  unescapeFormulaText,
} from './cell-values.ts';
import { neutralizeFormula } from './write.ts';

const value = <T>(read: { ok: true; value: T } | { ok: false; message: string }) =>
  read.ok ? read.value : read.message;

describe('reading spreadsheet cells', () => {
  test('numbers with either decimal mark and thousands groups', () => {
    expect(
      ['2000', '2,000', '2 000', '32.5', '32,5', '1.234,5', '1,234.5', "1'000"].map((t) =>
        value(readNumber(t)),
      ),
    ).toEqual([2000, 2000, 2000, 32.5, 32.5, 1234.5, 1234.5, 1000]);
    expect(value(readNumber('12abc'))).toBe('"12abc" is not a number');
    // Where the file writes decimals with a comma (saved with semicolons), "2.000" is two thousand.
    expect([
      value(readNumber('2.000', ',')),
      value(readNumber('2.000')),
      value(readNumber('12.5', ',')),
    ]).toEqual([2000, 2, 12.5]);
  });

  test('amounts with the units people write, milligrams in micrograms; negative amounts refused', () => {
    expect(
      ['2000 IU', '2,000 I.U.', '1000 IE', '50 mcg', '50µg', '12,5 μg', '1.25 mg'].map((t) =>
        value(readIntakeAmount(t)),
      ),
    ).toEqual([
      { value: 2000, unit: 'IU' },
      { value: 2000, unit: 'IU' },
      { value: 1000, unit: 'IU' },
      { value: 50, unit: 'ug' },
      { value: 50, unit: 'ug' },
      { value: 12.5, unit: 'ug' },
      { value: 1250, unit: 'ug' },
    ]);
    expect(value(readIntakeAmount('2000', 'IU'))).toEqual({ value: 2000, unit: 'IU' });
    expect(value(readIntakeAmount('2000'))).toMatch(/has no unit/);
    expect(value(readIntakeAmount('-2000 IU'))).toBe('-2000 is not above 0');
    expect(value(readIntakeAmount('2 tablets'))).toMatch(/"tablets" is not a vitamin D unit/);
  });

  test('25(OH)D results: µg/L is ng/mL, pmol/mL is nmol/L; calcium units are not 25(OH)D units', () => {
    expect(['32 ng/mL', '80 nmol/l', '32 µg/L', '80 pmol/mL'].map((t) => value(readBloodLevel(t)))).toEqual([
      { value: 32, unit: 'ng/mL' },
      { value: 80, unit: 'nmol/L' },
      { value: 32, unit: 'ng/mL' },
      { value: 80, unit: 'nmol/L' },
    ]);
    expect(value(readBloodLevel('2.4 mmol/L'))).toMatch(/not a unit for 25-hydroxyvitamin D/);
  });

  test('dates: ISO with or without a time, dotted day-first, slashed by the order given or settled by a part above 12', () => {
    expect(value(readDate('2026-03-02'))).toEqual({ date: '2026-03-02' });
    expect(value(readDate('2026-03-02 8:30'))).toEqual({ date: '2026-03-02', time: '08:30' });
    expect(value(readDate('2026-03-02T08:30:00+01:00'))).toEqual({ date: '2026-03-02', time: '08:30' });
    expect(value(readDate('2.3.2026'))).toEqual({ date: '2026-03-02' });
    expect(value(readDate('25/03/2026'))).toEqual({ date: '2026-03-25' });
    expect(value(readDate('03/25/2026'))).toEqual({ date: '2026-03-25' });
    expect(value(readDate('02/03/2026', 'day-first'))).toEqual({ date: '2026-03-02' });
    expect(value(readDate('02/03/2026', 'month-first'))).toEqual({ date: '2026-02-03' });
    expect(readDate('02/03/2026')).toMatchObject({ ok: false, ambiguous: true });
  });

  test('dates that do not exist are named as such', () => {
    for (const text of ['2026-02-30', '31.04.2026', '2026-13-01']) {
      expect(value(readDate(text))).toBe(`${text} is not a date that exists`);
    }
    expect(value(readDate('yesterday'))).toMatch(/is not a date: write it as YYYY-MM-DD/);
  });

  test('times on a 24-hour or 12-hour clock', () => {
    expect(['8:30', '08:30:15', '8:30 pm', '12:05 a.m.'].map((t) => value(readTime(t)))).toEqual([
      '08:30',
      '08:30',
      '20:30',
      '00:05',
    ]);
    expect(value(readTime('25:00'))).toMatch(/is not a time/);
  });

  test('formulas are recognised; text the export escaped comes back as it was', () => {
    expect(['=A2*2', ' =1+1', '+SUM(B1:B3)', '@HYPERLINK("x")', '-cmd|calc'].map(isFormula)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(['-2000 IU', '- felt tired', 'plain'].map(isFormula)).toEqual([false, false, false]);
    for (const text of ['-tired', '=not a formula', '+1', '@home']) {
      expect(unescapeFormulaText(neutralizeFormula(text))).toBe(text);
    }
  });
});
