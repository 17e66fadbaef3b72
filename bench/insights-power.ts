import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SymptomKey } from '@sunlog/core/insights/input';
import { SYMPTOMS } from '@sunlog/core/insights/input';
import { computeInsights } from '@sunlog/core/insights/insights';
import { type ResponseShape, simulatedJournal } from '@sunlog/core/insights/simulated-journal';
import type { BenchSection } from './report.ts';

/**
 * How often the lagged-association engine finds what is there, and how rarely it finds what is
 * not, on people from the independent generator `simulated-journal.ts` (AR(1) persistence 0.5,
 * noise sd 2, 20% missing days, flare-ups, spells of good and poor adherence). Run:
 *
 *   npx tsx bench/insights-power.ts [--null 1000] [--people 200] [--seed 500000]
 *
 * (`npm run bench` runs it with those defaults as part of the whole page.)
 */

interface Scenario {
  name: string;
  /** null: no effect. A function so "any rating at any delay" can draw per person. */
  effect:
    | null
    | ((person: number) => { symptom: SymptomKey; points: number; lagDays: number; shape: ResponseShape });
  /** Cumulative truth in the engine's unit (all doses against none), when it is defined. */
  cumulativeTruth?: (points: number) => number;
}

const SCENARIOS: Scenario[] = [
  { name: 'energy +1.5 at 7 days', effect: () => fixed('energy', 1.5, 7) },
  { name: 'mood −1 at 0 days', effect: () => fixed('mood', -1, 0) },
  { name: 'pain +2 at 21 days', effect: () => fixed('pain', 2, 21) },
  { name: 'mobility +1 at 3 days', effect: () => fixed('mobility', 1, 3) },
  {
    name: '±1.5 on any rating at any delay 0–28 days',
    effect: (person) => ({
      symptom: SYMPTOMS[person % SYMPTOMS.length] ?? 'energy',
      points: person % 2 === 0 ? 1.5 : -1.5,
      lagDays: (person * 11) % 29,
      shape: 'five-of-seven',
    }),
  },
  {
    name: 'fatigue −1.5 growing with the 14-day share, delay 0–21 days',
    effect: (person) => ({ symptom: 'fatigue', points: -1.5, lagDays: (person * 5) % 22, shape: 'share-14' }),
    cumulativeTruth: (points) => points,
  },
];

function fixed(symptom: SymptomKey, points: number, lagDays: number) {
  return { symptom, points, lagDays, shape: 'five-of-seven' as const };
}

interface Outcome {
  people: number;
  right3: number;
  right7: number;
  rightRatingSign: number;
  otherClaims: number;
  covered: number;
  withTruth: number;
  shrunkSum: number;
  rawSum: number;
  lagCovered: number;
}

function runScenario(scenario: Scenario, people: number, days: number, seed: number): Outcome {
  const outcome: Outcome = {
    people,
    right3: 0,
    right7: 0,
    rightRatingSign: 0,
    otherClaims: 0,
    covered: 0,
    withTruth: 0,
    shrunkSum: 0,
    rawSum: 0,
    lagCovered: 0,
  };
  for (let person = 0; person < people; person++) {
    const effect = scenario.effect?.(person);
    const { input } = simulatedJournal({ seed: seed + person, days, ...(effect ? { effect } : {}) });
    const insights = computeInsights(input, { seed: person });
    const claims = insights.associationTests.filter((t) => t.claimed);
    if (!effect) {
      if (claims.length > 0) outcome.otherClaims++;
      continue;
    }
    if (claims.some((t) => t.symptom !== effect.symptom)) outcome.otherClaims++;
    const own = claims.find((t) => t.symptom === effect.symptom);
    if (!own || own.direction !== Math.sign(effect.points)) continue;
    outcome.rightRatingSign++;
    if (Math.abs(own.peakLagDays - effect.lagDays) <= 3) outcome.right3++;
    if (Math.abs(own.peakLagDays - effect.lagDays) <= 7) outcome.right7++;
    if (own.peakLagInterval.low <= effect.lagDays && effect.lagDays <= own.peakLagInterval.high)
      outcome.lagCovered++;
    if (scenario.cumulativeTruth) {
      const truth = scenario.cumulativeTruth(effect.points);
      outcome.withTruth++;
      outcome.shrunkSum += own.shrunkCumulative - truth;
      outcome.rawSum += own.cumulative - truth;
      if (own.cumulativeInterval.low <= truth && truth <= own.cumulativeInterval.high) outcome.covered++;
    }
  }
  return outcome;
}

const percent = (count: number, of: number) => (of === 0 ? '—' : `${((count / of) * 100).toFixed(1)} %`);

/** Wilson 95% interval for a proportion, in percent. */
function wilson(count: number, of: number): string {
  if (of === 0) return '—';
  const z = 1.96;
  const p = count / of;
  const centre = (p + (z * z) / (2 * of)) / (1 + (z * z) / of);
  const half = (z * Math.sqrt((p * (1 - p)) / of + (z * z) / (4 * of * of))) / (1 + (z * z) / of);
  return `${((centre - half) * 100).toFixed(1)}–${((centre + half) * 100).toFixed(1)} %`;
}

/** The power and error table as a benchmark section. */
export function benchInsightsPower(
  options: { nullPeople?: number; people?: number; seed?: number; log?: (line: string) => void } = {},
): BenchSection {
  const nullPeople = options.nullPeople ?? 1000;
  const people = options.people ?? 200;
  const seed = options.seed ?? 500_000;
  const log = options.log ?? (() => {});
  const rows: string[][] = [];
  for (const days of [180, 365]) {
    const nulls = runScenario({ name: 'no effect', effect: null }, nullPeople, days, seed);
    const row = [
      `no effect, ${days} d`,
      String(nullPeople),
      `${percent(nulls.otherClaims, nullPeople)} with any claim (95% CI ${wilson(nulls.otherClaims, nullPeople)})`,
      '—',
      '—',
      '—',
    ];
    log(row.join(' · '));
    rows.push(row);
  }
  for (const scenario of SCENARIOS) {
    for (const days of [180, 365]) {
      const o = runScenario(scenario, people, days, seed + 100_000);
      const row = [
        `${scenario.name}, ${days} d`,
        String(people),
        `${percent(o.right3, people)} lag ±3 d · ${percent(o.right7, people)} lag ±7 d · ${percent(o.rightRatingSign, people)} rating and sign`,
        `${percent(o.otherClaims, people)}`,
        `${percent(o.lagCovered, o.rightRatingSign)}`,
        o.withTruth === 0
          ? '—'
          : `${percent(o.covered, o.withTruth)}; mean error ${(o.rawSum / o.withTruth).toFixed(2)} raw, ${(o.shrunkSum / o.withTruth).toFixed(2)} shrunk`,
      ];
      log(row.join(' · '));
      rows.push(row);
    }
  }
  return {
    title: 'Insights: patterns found and false patterns',
    method:
      'People from the independent generator `packages/core/src/insights/simulated-journal.ts` (AR(1) persistence 0.5, ' +
      'noise sd 2, 20% of days without a check-in, flare-ups, spells of good and poor adherence; effects follow taking ' +
      'at least 5 of the 7 doses ending on the delay, except where the 14-day share is named), analysed by ' +
      '`computeInsights`. A person is found when the planted rating is claimed with the right sign and the peak lag within ' +
      `the stated days of the truth. Seeds from ${seed}. Source and command: \`npx tsx bench/insights-power.ts ` +
      `--null ${nullPeople} --people ${people}\`.`,
    header: [
      'scenario, days tracked',
      'people',
      'found (right rating, sign and lag)',
      'people with a claim on another rating',
      'lag interval covers the truth (of found)',
      'cumulative interval covers the truth (of found)',
    ],
    rows,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      null: { type: 'string', default: '1000' },
      people: { type: 'string', default: '200' },
      seed: { type: 'string', default: '500000' },
    },
  });
  const section = benchInsightsPower({
    nullPeople: Number(values.null),
    people: Number(values.people),
    seed: Number(values.seed),
    log: (line) => console.log(line),
  });
  console.log(`\n## ${section.title}\n\n${section.method}\n`);
  console.log(`| ${section.header.join(' | ')} |\n| ${section.header.map(() => '---').join(' | ')} |`);
  for (const row of section.rows) console.log(`| ${row.join(' | ')} |`);
}
