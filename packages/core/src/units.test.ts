import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  convertBlood,
  convertIntake,
  formatQuantity,
  roundForDisplay,
  roundTo,
  toIu,
  toMicrograms,
  toNgPerMl,
  toNmolPerL,
  UCUM_CODES,
  UNIT_LABELS,
} from './units.ts';

describe('vitamin D amounts', () => {
  test('1000 IU is 25 µg and 25 µg is 1000 IU', () => {
    expect(toMicrograms({ value: 1000, unit: 'IU' })).toBe(25);
    expect(toIu({ value: 25, unit: 'ug' })).toBe(1000);
  });

  test('the adult upper limit of 4,000 IU is 100 µg', () => {
    expect(convertIntake({ value: 100, unit: 'ug' }, 'IU')).toEqual({ value: 4000, unit: 'IU' });
  });

  test('converting to the unit a value already has leaves it unchanged', () => {
    expect(convertIntake({ value: 1234.5, unit: 'IU' }, 'IU').value).toBe(1234.5);
  });

  test('IU → µg → IU returns the entered value within float tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 10_000_000, noNaN: true }), (value) => {
        const back = toIu(convertIntake({ value, unit: 'IU' }, 'ug'));
        expect(back).toBeCloseTo(value, 6);
        expect(Math.abs(back - value) / value).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('25-hydroxyvitamin D levels', () => {
  test('30 ng/mL is 74.88 nmol/L', () => {
    expect(toNmolPerL({ value: 30, unit: 'ng/mL' })).toBeCloseTo(74.88, 10);
  });

  test('75 nmol/L is about 30.05 ng/mL, consistent with 1 nmol/L = 0.4006 ng/mL', () => {
    expect(toNgPerMl({ value: 75, unit: 'nmol/L' })).toBeCloseTo(30.048, 3);
    expect(toNgPerMl({ value: 1, unit: 'nmol/L' })).toBeCloseTo(0.4006, 4);
  });

  test('ng/mL → nmol/L → ng/mL and back the other way return the entered value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), (value) => {
        const viaNmol = convertBlood(convertBlood({ value, unit: 'ng/mL' }, 'nmol/L'), 'ng/mL').value;
        const viaNg = convertBlood(convertBlood({ value, unit: 'nmol/L' }, 'ng/mL'), 'nmol/L').value;
        expect(Math.abs(viaNmol - value) / value).toBeLessThan(1e-12);
        expect(Math.abs(viaNg - value) / value).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('display', () => {
  test('IU and nmol/L show whole numbers; µg and ng/mL one decimal', () => {
    expect(roundForDisplay({ value: 7142.857, unit: 'IU' })).toBe(7143);
    expect(roundForDisplay({ value: 74.88, unit: 'nmol/L' })).toBe(75);
    expect(roundForDisplay({ value: 178.571, unit: 'ug' })).toBe(178.6);
    expect(roundForDisplay({ value: 30.048, unit: 'ng/mL' })).toBe(30);
  });

  test('rounding is half away from zero even where binary floats fall short', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1e-7, 1)).toBe(0);
  });

  test('quantities are written with display labels, never "ug"', () => {
    expect(formatQuantity({ value: 25, unit: 'ug' })).toBe('25 µg');
    expect(formatQuantity({ value: 50000, unit: 'IU' })).toBe('50,000 IU');
    expect(formatQuantity({ value: 74.88, unit: 'nmol/L' })).toBe('75 nmol/L');
    expect(formatQuantity({ value: 12.34, unit: 'ng/mL' }, 'de-DE')).toBe('12,3 ng/mL');
    expect(UNIT_LABELS.ug).toBe('µg');
  });

  test('UCUM codes are [IU] and ug for intake and ng/mL, nmol/L for blood', () => {
    expect(UCUM_CODES).toMatchObject({ IU: '[IU]', ug: 'ug', 'ng/mL': 'ng/mL', 'nmol/L': 'nmol/L' });
  });
});
