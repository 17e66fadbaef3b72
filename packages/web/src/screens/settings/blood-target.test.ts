import { describe, expect, test } from 'vitest';
import { checkTarget, draftOf, targetInBothUnits } from './blood-target.ts';
import { bloodTargetStrings as t } from './blood-target-strings.ts';

describe('checkTarget', () => {
  test('both ends, one end, and a decimal comma are read', () => {
    expect(checkTarget({ low: '30', high: '50', unit: 'ng/mL' })).toEqual({
      ok: true,
      target: { low: 30, high: 50, unit: 'ng/mL' },
    });
    expect(checkTarget({ low: '', high: '125', unit: 'nmol/L' })).toEqual({
      ok: true,
      target: { high: 125, unit: 'nmol/L' },
    });
    expect(checkTarget({ low: '32,5', high: '', unit: 'ng/mL' })).toEqual({
      ok: true,
      target: { low: 32.5, unit: 'ng/mL' },
    });
  });

  test('each problem is named beside its own field', () => {
    expect(checkTarget({ low: '', high: '', unit: 'ng/mL' })).toEqual({
      ok: false,
      errors: { low: t.needOne },
    });
    expect(checkTarget({ low: '50', high: '30', unit: 'ng/mL' })).toEqual({
      ok: false,
      errors: { high: t.highBelowLow },
    });
    expect(checkTarget({ low: 'abc', high: '0', unit: 'ng/mL' })).toEqual({
      ok: false,
      errors: { low: t.notANumber, high: t.notANumber },
    });
    expect(checkTarget({ low: '', high: '5000', unit: 'nmol/L' })).toEqual({
      ok: false,
      errors: { high: t.tooHigh },
    });
  });

  test('an ambiguous number is asked about, not guessed', () => {
    const checked = checkTarget({ low: '1,250', high: '', unit: 'nmol/L' });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.errors.low).toMatch(/could mean 1250 or 1.25/);
  });
});

describe('targetInBothUnits', () => {
  test('writes the target in its unit and then the other (1 ng/mL ≈ 2.5 nmol/L)', () => {
    expect(targetInBothUnits({ low: 30, high: 50, unit: 'ng/mL' }, 'en-GB')).toBe(
      '30 to 50 ng/mL (75 to 125 nmol/L)',
    );
    expect(targetInBothUnits({ low: 100, unit: 'nmol/L' }, 'en-GB')).toBe(
      '100 nmol/L or more (40.1 ng/mL or more)',
    );
    expect(targetInBothUnits({ high: 60, unit: 'ng/mL' }, 'de-DE')).toBe('up to 60 ng/mL (up to 150 nmol/L)');
  });
});

describe('draftOf', () => {
  test('a saved target fills the fields; none leaves them empty in the person’s unit', () => {
    expect(draftOf({ low: 32.5, unit: 'ng/mL' }, 'nmol/L')).toEqual({ low: '32.5', high: '', unit: 'ng/mL' });
    expect(draftOf(null, 'nmol/L')).toEqual({ low: '', high: '', unit: 'nmol/L' });
  });
});
