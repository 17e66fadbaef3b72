import { describe, expect, test } from 'vitest';
import { unusualBloodLevel, unusualDose, unusualPlan } from './plausibility.ts';

describe('numbers a form asks about before saving', () => {
  test('a blood level above 150 ng/mL (375 nmol/L) is asked about, in both units', () => {
    expect(unusualBloodLevel({ value: 150, unit: 'ng/mL' })).toBeNull();
    expect(unusualBloodLevel({ value: 32, unit: 'ng/mL' })).toBeNull();
    expect(unusualBloodLevel({ value: 9999, unit: 'ng/mL' })?.amounts).toBe('9,999 ng/mL (24,958 nmol/L)');
    expect(unusualBloodLevel({ value: 500, unit: 'nmol/L' })?.amounts).toBe('500 nmol/L (200.3 ng/mL)');
    expect(unusualBloodLevel({ value: 374, unit: 'nmol/L' })).toBeNull();
  });

  test('a plan above 4,000 IU a day is asked about, with IU and µg', () => {
    expect(
      unusualPlan({ amountPerDose: { value: 4000, unit: 'IU' }, schedule: { kind: 'daily' } }),
    ).toBeNull();
    expect(
      unusualPlan({ amountPerDose: { value: 100, unit: 'ug' }, schedule: { kind: 'daily' } }),
    ).toBeNull();
    const big = unusualPlan({ amountPerDose: { value: 2_000_000, unit: 'IU' }, schedule: { kind: 'daily' } });
    expect(big?.amounts).toBe('2,000,000 IU (50,000 µg)');
    // 2000 typed with µg selected is 80,000 IU.
    expect(
      unusualPlan({ amountPerDose: { value: 2000, unit: 'ug' }, schedule: { kind: 'daily' } })?.amounts,
    ).toBe('2,000 µg (80,000 IU)');
    // 20,000 IU once a week is under 4,000 IU a day.
    expect(
      unusualPlan({
        amountPerDose: { value: 20_000, unit: 'IU' },
        schedule: { kind: 'weekly', weekdays: [1] },
      }),
    ).toBeNull();
  });

  test('one dose above 4,000 IU is asked about unless it is the plan’s own amount', () => {
    expect(unusualDose({ value: 1000, unit: 'IU' })).toBeNull();
    expect(unusualDose({ value: 50_000, unit: 'IU' })?.amounts).toBe('50,000 IU (1,250 µg)');
    expect(unusualDose({ value: 50_000, unit: 'IU' }, { value: 1250, unit: 'ug' })).toBeNull();
  });
});
