import { describe, expect, test } from 'vitest';
import { buildRegimen } from '../test/factories.ts';
import {
  ADULT_UPPER_LIMIT_IU_PER_DAY,
  bloodLevelCautions,
  intakeCautions,
  regimenCautions,
  SEEK_ADVICE_IU_PER_DAY,
} from './cautions.ts';

describe('intake cautions', () => {
  test('4,000 IU a day brings no caution; 4,001 IU brings a notice citing IOM 2011', () => {
    expect(intakeCautions(4000)).toEqual([]);
    const [caution, ...rest] = intakeCautions(4001);
    expect(rest).toEqual([]);
    expect(caution?.code).toBe('intake-above-upper-limit');
    expect(caution?.severity).toBe('notice');
    expect(caution?.source.name).toMatch(/IOM 2011/);
    expect(caution?.message).toMatch(/4,001 IU/);
  });

  test('above the advice level the caution is a warning from an unverified source', () => {
    expect(intakeCautions(SEEK_ADVICE_IU_PER_DAY)[0]?.code).toBe('intake-above-upper-limit');
    const [caution] = intakeCautions(SEEK_ADVICE_IU_PER_DAY + 1);
    expect(caution?.code).toBe('intake-above-advice-level');
    expect(caution?.severity).toBe('warning');
    expect(caution?.source.verified).toBe(false);
  });

  test('100 µg a day is exactly the upper limit and brings no caution', () => {
    const regimens = [buildRegimen({ amountPerDose: { value: 100, unit: 'ug' } })];
    expect(regimenCautions(regimens, '2026-02-01')).toEqual([]);
    expect(ADULT_UPPER_LIMIT_IU_PER_DAY).toBe(4000);
  });

  test('50,000 IU weekly (about 7,143 IU a day) is above the upper limit', () => {
    const regimens = [
      buildRegimen({
        amountPerDose: { value: 50000, unit: 'IU' },
        schedule: { kind: 'weekly', weekdays: [1] },
      }),
    ];
    const [caution] = regimenCautions(regimens, '2026-02-01');
    expect(caution?.code).toBe('intake-above-upper-limit');
    expect(caution?.message).toMatch(/7,143 IU/);
  });

  test('two products that are each within the limit are cautioned together', () => {
    const regimens = [
      buildRegimen({ amountPerDose: { value: 3000, unit: 'IU' } }),
      buildRegimen({ amountPerDose: { value: 2000, unit: 'IU' } }),
    ];
    expect(regimenCautions(regimens, '2026-02-01')[0]?.code).toBe('intake-above-upper-limit');
  });

  test('no caution ever recommends a dose', () => {
    for (const caution of [...intakeCautions(5000), ...intakeCautions(20000)]) {
      expect(caution.message).not.toMatch(/\b(take|reduce|lower|increase) (your|the) dose\b/i);
    }
  });
});

describe('blood-level cautions', () => {
  test('up to 100 ng/mL brings no caution', () => {
    expect(bloodLevelCautions({ value: 100, unit: 'ng/mL' })).toEqual([]);
    expect(bloodLevelCautions({ value: 249.6, unit: 'nmol/L' })).toEqual([]);
  });

  test('above 100 ng/mL: mention it to the doctor', () => {
    const [caution] = bloodLevelCautions({ value: 100.5, unit: 'ng/mL' });
    expect(caution?.code).toBe('blood-level-above-guidelines');
    expect(caution?.severity).toBe('warning');
    expect(caution?.message).toMatch(/mention it to your doctor/i);
    expect(bloodLevelCautions({ value: 250, unit: 'nmol/L' })[0]?.code).toBe('blood-level-above-guidelines');
  });

  test('above 150 ng/mL: contact the doctor promptly', () => {
    expect(bloodLevelCautions({ value: 150, unit: 'ng/mL' })[0]?.code).toBe('blood-level-above-guidelines');
    const [caution] = bloodLevelCautions({ value: 151, unit: 'ng/mL' });
    expect(caution?.code).toBe('blood-level-very-high');
    expect(caution?.severity).toBe('urgent');
    expect(caution?.message).toMatch(/contact your doctor promptly/i);
    expect(bloodLevelCautions({ value: 380, unit: 'nmol/L' })[0]?.code).toBe('blood-level-very-high');
  });
});
