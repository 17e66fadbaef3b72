import { computeInsights } from '@sunlog/core/insights/insights';
import { syntheticPerson } from '@sunlog/core/insights/synthetic';
import { type BenchSection, ms, percentile } from './report.ts';

/** Times `work` `runs` times after one warm-up; returns milliseconds per run. */
function time(runs: number, work: () => void): number[] {
  work();
  const sample: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    sample.push(performance.now() - started);
  }
  return sample;
}

/** Insights for one person with ten years of daily records, and for 1,000 people with a year each. */
export function benchInsights(): BenchSection {
  const decade = syntheticPerson({ seed: 1, days: 3650 }).input;
  const decadeRuns = time(5, () => computeInsights(decade, { seed: 1 }));

  const people = Array.from(
    { length: 1000 },
    (_, index) => syntheticPerson({ seed: 10_000 + index, days: 365 }).input,
  );
  const cohortStarted = performance.now();
  for (const input of people) computeInsights(input, { seed: 1 });
  const cohortMs = performance.now() - cohortStarted;

  return {
    title: 'Insights engine',
    method:
      'Synthetic people from `packages/core/src/insights/synthetic.ts` (daily doses, seven daily ratings, blood results), ' +
      'all insights computed by `computeInsights` in one Node process, single-threaded, after a warm-up run. ' +
      'Source: `bench/insights.ts`.',
    goals: [
      {
        figure: 'insights, one person with 10 years of daily data (median)',
        measured: `${ms(percentile(decadeRuns, 50))} ms`,
        goal: '< 20 ms',
        met: percentile(decadeRuns, 50) < 20,
      },
      {
        figure: 'insights, 1,000 people × 1 year, one process',
        measured: `${ms(cohortMs)} ms`,
        goal: '< 3,000 ms',
        met: cohortMs < 3000,
      },
    ],
    header: ['workload', 'median', 'p95', 'per person'],
    rows: [
      [
        'one person, 10 years of daily data (3,650 days)',
        `${ms(percentile(decadeRuns, 50))} ms`,
        `${ms(percentile(decadeRuns, 95))} ms`,
        '—',
      ],
      [
        '1,000 people, 1 year each (sequential)',
        `${ms(cohortMs)} ms in all`,
        '—',
        `${ms(cohortMs / 1000)} ms`,
      ],
    ],
  };
}
