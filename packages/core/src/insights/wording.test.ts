import { describe, expect, test } from 'vitest';
import type { Insight } from './insight.ts';
import { computeInsights, type Insights } from './insights.ts';
import { syntheticPerson } from './synthetic.ts';
import { causalPhrasesIn } from './wording.ts';

function allInsights(insights: Insights): Insight[] {
  return [
    ...insights.adherenceByMonth,
    insights.levelTrend,
    insights.steadyState,
    ...insights.symptomTrends,
    ...insights.beforeAfter,
    ...insights.associations,
    ...insights.season,
    insights.flareRate,
  ];
}

describe('insight wording', () => {
  test('the banned-phrase check catches causal wording', () => {
    expect(causalPhrasesIn('Vitamin D improves fatigue')).toEqual(['improves']);
    expect(causalPhrasesIn('Lower because of the dose')).toEqual(['because']);
    expect(causalPhrasesIn('The effect of intake')).toEqual(['effect of']);
    expect(causalPhrasesIn('Scores moved together')).toEqual([]);
  });

  test('no sentence or missing-data note from any insight uses causal wording', () => {
    const people = [
      syntheticPerson({ seed: 1, daysBeforeRegimen: 70, days: 400 }),
      syntheticPerson({ seed: 2, plantedEffect: { symptom: 'fatigue', points: -4, lagDays: 14 }, days: 365 }),
      syntheticPerson({ seed: 3, days: 30 }),
      syntheticPerson({ seed: 4 }),
    ];
    const texts: string[] = [];
    for (const { input } of people) {
      for (const insight of allInsights(computeInsights(input, { seed: 1 }))) {
        texts.push(insight.sentence);
        if (insight.missing) texts.push(insight.missing);
      }
    }
    const empty = computeInsights(
      { today: '2026-01-01', regimenStart: null, days: [], symptoms: [], labs: [], flares: [] },
      { seed: 1 },
    );
    for (const insight of allInsights(empty)) texts.push(insight.sentence, insight.missing ?? '');
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => causalPhrasesIn(t).length > 0)).toEqual([]);
  });

  test('every status is ok or not-enough-data, and not-enough-data always says what is missing', () => {
    const { input } = syntheticPerson({ seed: 5, days: 40 });
    for (const insight of allInsights(computeInsights(input, { seed: 1 }))) {
      if (insight.status === 'not-enough-data') {
        expect(insight.missing, insight.kind).toMatch(/\S/);
        expect(insight.estimate).toBeNull();
      } else {
        expect(insight.status).toBe('ok');
      }
    }
  });

  test('the same input gives the same insights', () => {
    const { input } = syntheticPerson({ seed: 6, plantedEffect: { symptom: 'mood', points: 2, lagDays: 7 } });
    expect(computeInsights(input, { seed: 1 })).toEqual(computeInsights(input, { seed: 1 }));
  });
});
