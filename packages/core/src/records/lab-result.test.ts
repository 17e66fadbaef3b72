import { describe, expect, test } from 'vitest';
import { buildVitaminDResult } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { LabResultCreateSchema, LabResultSchema } from './lab-result.ts';
import { canonicalLocale, isLocale, LocaleSchema } from './profile.ts';
import { canonicalTimeZone } from './time-zone.ts';

describe('lab result', () => {
  test('a 25(OH)D result in a calcium unit is rejected with a message naming both', () => {
    const error = firstProblem(LabResultSchema, {
      ...buildVitaminDResult(),
      level: { value: 9.4, unit: 'mg/dL' },
    });
    expect(error.path).toBe('level.unit');
    expect(error.message).toBe(
      'level.unit: "mg/dL" is not a unit for 25-hydroxyvitamin D: use ng/mL or nmol/L (mg/dL is a calcium unit)',
    );
  });

  test('a calcium result in a vitamin D unit is rejected', () => {
    const calcium = {
      ...buildVitaminDResult(),
      analyte: 'calcium',
      level: { value: 30, unit: 'ng/mL' },
      referenceRange: undefined,
      loincCode: '17861-6',
    };
    const { referenceRange: _r, ...input } = calcium;
    const error = firstProblem(LabResultSchema, input);
    expect(error.message).toMatch(/"ng\/mL" is not a unit for calcium: use mg\/dL or mmol\/L/);
  });

  test('a reference range must fit the analyte and have low ≤ high', () => {
    expect(
      firstProblem(LabResultSchema, {
        ...buildVitaminDResult(),
        referenceRange: { low: 2.2, unit: 'mmol/L' },
      }).path,
    ).toBe('referenceRange.unit');
    expect(
      firstProblem(LabResultSchema, {
        ...buildVitaminDResult(),
        referenceRange: { low: 100, high: 30, unit: 'ng/mL' },
      }).path,
    ).toBe('referenceRange.high');
    expect(
      LabResultSchema.safeParse({ ...buildVitaminDResult(), referenceRange: { high: 100, unit: 'nmol/L' } })
        .success,
    ).toBe(true);
  });

  test('calcitriol is not accepted as an analyte', () => {
    expect(firstProblem(LabResultSchema, { ...buildVitaminDResult(), analyte: 'calcitriol' }).path).toBe(
      'analyte',
    );
  });

  test('a LOINC code must look like one', () => {
    expect(firstProblem(LabResultSchema, buildVitaminDResult({ loincCode: '62292' })).path).toBe('loincCode');
    const { createdAt: _c, updatedAt: _u, ...input } = buildVitaminDResult({ loincCode: '14635-7' });
    expect(LabResultCreateSchema.safeParse(input).success).toBe(true);
  });

  test('a 25(OH)D level is bounded by its unit, and the message names the range', () => {
    const huge = firstProblem(
      LabResultSchema,
      buildVitaminDResult({ level: { value: 9_999_999, unit: 'ng/mL' } }),
    );
    expect(huge.path).toBe('level.value');
    expect(huge.message).toContain('Use a number from 0.1 to 1,000 ng/mL');
    expect(
      firstProblem(LabResultSchema, buildVitaminDResult({ level: { value: 2_501, unit: 'nmol/L' } })).message,
    ).toContain('Use a number from 0.25 to 2,500 nmol/L');
    expect(
      LabResultSchema.safeParse(buildVitaminDResult({ level: { value: 2_400, unit: 'nmol/L' } })).success,
    ).toBe(true);
    expect(
      LabResultSchema.safeParse(buildVitaminDResult({ level: { value: 160, unit: 'ng/mL' } })).success,
    ).toBe(true);
  });
});

describe('profile locale', () => {
  test('a locale must be a language tag Intl knows; it is stored as Intl writes it', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de-CH')).toBe(true);
    expect(isLocale('en-us')).toBe(true);
    expect(canonicalLocale('en-us')).toBe('en-US');
    expect(isLocale('not a locale')).toBe(false);
    expect(isLocale('x')).toBe(false);
    expect(LocaleSchema.safeParse('%%%').success).toBe(false);
  });

  test('a time zone is stored as Intl names it', () => {
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    // Aliases keep the modern name the person chose (Node's ICU knows the older one as canonical).
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
  });
});
