import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildProfile } from '../test/factories.ts';
import {
  classifyVitaminD,
  classifyVitaminDAll,
  compareWithTarget,
  GUIDELINE_IDS,
  GUIDELINES,
  type GuidelineId,
  type VitaminDCategory,
} from './ranges.ts';
import { ProfileSchema } from './records/profile.ts';

function categoryId(value: number, unit: 'ng/mL' | 'nmol/L', guideline: GuidelineId): string {
  return classifyVitaminD({ value, unit }, guideline).category.id;
}

describe('classifying 25(OH)D under named guidelines', () => {
  test.each([
    ['iom-2011', 'possibly-inadequate', 'sufficient', 'no-consistent-extra-benefit'],
    ['endocrine-society-2011', 'deficiency', 'insufficiency', 'sufficiency'],
    ['mayo-clinic-laboratories', 'mild-to-moderate-deficiency', 'optimal', 'optimal'],
  ] as const)('%s puts 15, 25 and 35 ng/mL in %s, %s and %s', (guideline, at15, at25, at35) => {
    expect(categoryId(15, 'ng/mL', guideline)).toBe(at15);
    expect(categoryId(25, 'ng/mL', guideline)).toBe(at25);
    expect(categoryId(35, 'ng/mL', guideline)).toBe(at35);
  });

  test('IOM edges follow the wording: < 12, 12–< 20, ≥ 20, > 30, > 50', () => {
    expect(categoryId(11.9, 'ng/mL', 'iom-2011')).toBe('risk-of-deficiency');
    expect(categoryId(12, 'ng/mL', 'iom-2011')).toBe('possibly-inadequate');
    expect(categoryId(20, 'ng/mL', 'iom-2011')).toBe('sufficient');
    expect(categoryId(30, 'ng/mL', 'iom-2011')).toBe('sufficient');
    expect(categoryId(30.1, 'ng/mL', 'iom-2011')).toBe('no-consistent-extra-benefit');
    expect(categoryId(50, 'ng/mL', 'iom-2011')).toBe('no-consistent-extra-benefit');
    expect(categoryId(50.1, 'ng/mL', 'iom-2011')).toBe('possible-concern');
  });

  test('a nmol/L result is compared with the nmol/L edge the source prints', () => {
    // 75 nmol/L is 30.05 ng/mL; IOM's edge is "> 75 nmol/L", so 75 itself is still "sufficient".
    expect(categoryId(75, 'nmol/L', 'iom-2011')).toBe('sufficient');
    expect(categoryId(76, 'nmol/L', 'iom-2011')).toBe('no-consistent-extra-benefit');
    expect(categoryId(49, 'nmol/L', 'endocrine-society-2011')).toBe('deficiency');
    expect(categoryId(50, 'nmol/L', 'endocrine-society-2011')).toBe('insufficiency');
  });

  test('every classification names its source and a plain-language description', () => {
    for (const result of classifyVitaminDAll({ value: 25, unit: 'ng/mL' })) {
      expect(result.guideline.source.name.length).toBeGreaterThan(0);
      expect(result.guideline.source.citation.length).toBeGreaterThan(0);
      expect(result.category.label.length).toBeGreaterThan(0);
      expect(result.category.description.length).toBeGreaterThan(0);
      expect(result.category.guideline).toBe(result.guideline.id);
    }
  });

  test('the Endocrine Society 2011 figures are marked as partly verified and superseded', () => {
    expect(GUIDELINES['endocrine-society-2011'].source.verified).toBe(false);
    expect(GUIDELINES['endocrine-society-2011'].context).toMatch(/2024/);
  });

  test('every positive value falls in exactly one band of each guideline, in either unit', () => {
    const inBand = (value: number, unit: 'ng/mL' | 'nmol/L', category: VitaminDCategory) => {
      const edge = (t: { ngPerMl: number; nmolPerL: number }) => (unit === 'ng/mL' ? t.ngPerMl : t.nmolPerL);
      const aboveFrom =
        category.from === undefined ||
        (category.from.inclusive
          ? value >= edge(category.from.threshold)
          : value > edge(category.from.threshold));
      const belowTo =
        category.to === undefined ||
        (category.to.inclusive ? value <= edge(category.to.threshold) : value < edge(category.to.threshold));
      return aboveFrom && belowTo;
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.constantFrom('ng/mL' as const, 'nmol/L' as const),
        fc.constantFrom(...GUIDELINE_IDS),
        (value, unit, guideline) => {
          const matching = GUIDELINES[guideline].categories.filter((c) => inBand(value, unit, c));
          expect(matching).toHaveLength(1);
          expect(classifyVitaminD({ value, unit }, guideline).category).toBe(matching[0]);
        },
      ),
    );
  });
});

describe('personal target set with the clinician', () => {
  test('there is no target by default, so nothing is compared', () => {
    expect(compareWithTarget({ value: 25, unit: 'ng/mL' }, buildProfile().bloodTarget)).toBeNull();
    expect(compareWithTarget({ value: 25, unit: 'ng/mL' }, null)).toBeNull();
  });

  test('a result is below, within or above the target, with inclusive bounds', () => {
    const target = { low: 40, high: 60, unit: 'ng/mL' as const };
    expect(compareWithTarget({ value: 39.9, unit: 'ng/mL' }, target)).toBe('below');
    expect(compareWithTarget({ value: 40, unit: 'ng/mL' }, target)).toBe('within');
    expect(compareWithTarget({ value: 60, unit: 'ng/mL' }, target)).toBe('within');
    expect(compareWithTarget({ value: 60.1, unit: 'ng/mL' }, target)).toBe('above');
  });

  test('a result in the other unit is converted to the target unit', () => {
    const target = { low: 30, unit: 'ng/mL' as const };
    expect(compareWithTarget({ value: 74.88, unit: 'nmol/L' }, target)).toBe('within');
    expect(compareWithTarget({ value: 74, unit: 'nmol/L' }, target)).toBe('below');
    expect(compareWithTarget({ value: 500, unit: 'nmol/L' }, target)).toBe('within');
  });

  test('the profile accepts a one-sided target but not a reversed one', () => {
    expect(ProfileSchema.safeParse(buildProfile({ bloodTarget: { low: 30, unit: 'ng/mL' } })).success).toBe(
      true,
    );
    const reversed = ProfileSchema.safeParse(
      buildProfile({ bloodTarget: { low: 60, high: 40, unit: 'ng/mL' } }),
    );
    expect(reversed.error?.issues[0]?.path).toEqual(['bloodTarget', 'high']);
  });
});
