import { describe, expect, test } from 'vitest';
import { formatExactUncertainty, formatUncertainty, readableSentence } from './format.ts';
import { missingLine } from './InsightDetails.tsx';
import { insightsStrings as t } from './strings.ts';

const ci = { kind: 'ci', level: 0.95, low: 3.1, high: 4.2, method: 't interval' } as const;
const one = (value: number) => value.toFixed(1);

describe('Insights in plain words', () => {
  test('an interval reads “likely between”; the exact wording is kept for the tap-away detail', () => {
    expect(formatUncertainty(ci, one)).toBe('Likely between 3.1 and 4.2');
    expect(formatExactUncertainty(ci, one)).toBe('95% confidence interval: 3.1 to 4.2 (t interval).');
    expect(formatExactUncertainty({ kind: 'range', low: 1, high: 2, source: 'Ekwaru 2014' }, one)).toBeNull();
  });

  test('engine sentences lose “95% CI” and ISO months, in the person’s locale', () => {
    expect(readableSentence('In 2026-11 your average was 5.2 out of 10 (95% CI 4.8 to 5.6).', 'en-GB')).toBe(
      'In November 2026 your average was 5.2 out of 10 (likely between 4.8 and 5.6).',
    );
    expect(readableSentence('In 2026-11', 'fr-FR')).toBe('In novembre 2026');
  });

  test('“still needed” lines name the month', () => {
    expect(missingLine('needs 3 more fatigue checks in 2026-11', 'en-GB')).toBe(
      'Still needed: 3 more fatigue checks in November 2026.',
    );
  });

  test('counts agree with their nouns', () => {
    expect(t.adherenceSummary(1, '80%', '80%')).toBe(
      'In the one month so far, your share of doses taken was 80%.',
    );
    expect(t.adherenceSummary(3, '90%', '70%')).toContain('Across 3 months');
    expect(t.lastMonthsNote(1)).toBe('Showing the last 1 month.');
    expect(t.checked('fatigue', 1)).toContain('up to 1 day of records');
  });
});
