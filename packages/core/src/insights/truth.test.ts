import { describe, expect, test } from 'vitest';
import type { SymptomKey } from './input.ts';
import { computeInsights } from './insights.ts';
import type { RatingTest } from './lagged-association.ts';
import { type ResponseShape, simulatedJournal } from './simulated-journal.ts';

/**
 * Honesty checks against simulated people whose truth is known (the product's quality bar "Honest"),
 * made by `simulated-journal.ts`, a generator written apart from the estimator: AR(1) ratings
 * (persistence 0.5, noise sd 2, rounded and clamped to 0–10), 20% of days without a check-in,
 * flare-ups, spells of good and poor adherence, and effects that follow *its* rules (at least 5 of
 * the previous 7 doses taken, or the 14-day share), not the estimator's graded 7-day share.
 *
 * These runs are small so `npm test` stays fast; every threshold is the measured rate's lower
 * (or upper) binomial bound, so a correct engine fails a check with well under 5% chance. The full
 * tables on 1,000+ people are written by `npx tsx bench/insights-power.ts` (docs/benchmarks.md).
 * Seeds here (40 000+) were never used to tune the method.
 */

/** Simulations of up to 120 people (≈ 20 s of CPU in all); allow for a loaded machine. */
const TIMEOUT_MS = 120_000;

interface Planted {
  symptom: SymptomKey;
  points: number;
  lagDays: number;
  shape: ResponseShape;
}

function claimsFor(seed: number, days: number, effect?: Planted): RatingTest[] {
  const { input } = simulatedJournal({ seed, days, ...(effect ? { effect } : {}) });
  return computeInsights(input, { seed }).associationTests.filter((t) => t.claimed);
}

/** Smallest k with P(Binomial(n, p) > k) < 2.5%: the count a rate of at most p stays within. */
function binomialUpper(n: number, p: number): number {
  let cumulative = 0;
  let term = (1 - p) ** n;
  for (let k = 0; k <= n; k++) {
    cumulative += term;
    if (1 - cumulative < 0.025) return k;
    term *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return n;
}

/** Largest k with P(Binomial(n, p) < k) < 2.5%: the count a rate of at least p reaches. */
function binomialLower(n: number, p: number): number {
  let cumulative = 0;
  let term = (1 - p) ** n;
  for (let k = 0; k <= n; k++) {
    if (cumulative + term >= 0.025) return k;
    cumulative += term;
    term *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return n;
}

describe('lagged associations on independently simulated people', () => {
  test(
    'people with no true pattern rarely get any claim (goal ≤ 4.5% per person)',
    () => {
      const people = 120;
      let withClaim = 0;
      for (let i = 0; i < people; i++) if (claimsFor(40_000 + i, 180).length > 0) withClaim++;
      console.info(`no true pattern, 180 days: ${withClaim}/${people} people with any claim`);
      // 180 days is where the AR(1) test's tail is least exact (docs/benchmarks.md).
      expect(withClaim).toBeLessThanOrEqual(binomialUpper(people, 0.045));
    },
    TIMEOUT_MS,
  );

  test(
    'an energy rise at 7 days after taking ≥ 5 of 7 doses is found with the right sign and lag for a share of people',
    () => {
      const people = 60;
      const effect: Planted = { symptom: 'energy', points: 1.5, lagDays: 7, shape: 'five-of-seven' };
      let found = 0;
      let wrong = 0;
      let lagCovered = 0;
      for (let i = 0; i < people; i++) {
        const claims = claimsFor(41_000 + i, 365, effect);
        const own = claims.find((t) => t.symptom === 'energy');
        if (claims.some((t) => t.symptom !== 'energy' || t.direction < 0)) wrong++;
        if (own && own.direction > 0 && Math.abs(own.peakLagDays - 7) <= 3) {
          found++;
          if (own.peakLagInterval.low <= 7 && 7 <= own.peakLagInterval.high) lagCovered++;
        }
      }
      console.info(
        `energy +1.5 at 7 days, 365 days: found ${found}/${people} (lag ± 3 d), ` +
          `lag interval covers 7 for ${lagCovered}/${found}, wrong claims for ${wrong}/${people}`,
      );
      // Measured on 200 bench people: 29% (95% CI 23–36%); the goal of 80% is not reached
      // (docs/benchmarks.md). The floor is the binomial lower bound for the CI's low end.
      expect(found).toBeGreaterThanOrEqual(binomialLower(people, 0.23));
      expect(wrong).toBeLessThanOrEqual(binomialUpper(people, 0.045));
      expect(lagCovered).toBeGreaterThanOrEqual(Math.floor(0.75 * found));
    },
    TIMEOUT_MS,
  );

  test(
    'the reported cumulative association covers the truth when the rating grows with the 14-day share',
    () => {
      const people = 40;
      let found = 0;
      let covered = 0;
      for (let i = 0; i < people; i++) {
        const effect: Planted = {
          symptom: 'fatigue',
          points: -2.5,
          lagDays: (i * 5) % 15,
          shape: 'share-14',
        };
        const own = claimsFor(42_000 + i, 365, effect).find((t) => t.symptom === 'fatigue');
        if (!own) continue;
        found++;
        if (own.cumulativeInterval.low <= -2.5 && -2.5 <= own.cumulativeInterval.high) covered++;
        // Shrinking never moves the reported estimate away from zero.
        expect(Math.abs(own.shrunkCumulative)).toBeLessThanOrEqual(Math.abs(own.cumulative));
      }
      console.info(
        `fatigue −2.5 with the 14-day share: found ${found}/${people}, interval covers ${covered}`,
      );
      expect(found).toBeGreaterThan(0);
      expect(covered).toBeGreaterThanOrEqual(Math.floor(0.8 * found));
    },
    TIMEOUT_MS,
  );
});
