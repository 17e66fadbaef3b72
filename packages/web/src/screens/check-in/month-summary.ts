import { adherence } from '@sunlog/core/adherence';
import { type LocalDate, type LocalMonth, monthRange } from '@sunlog/core/calendar';
import { SYMPTOMS, type SymptomKey } from '@sunlog/core/insights/input';
import type { SymptomMonthInsight } from '@sunlog/core/insights/symptom-trends';
import type { VitaminDLabResult } from '@sunlog/core/records/lab-result';
import { oldestResultFirst } from '@sunlog/core/records/lab-result-order';
import type { PersonRecords } from '../insights/person-records.ts';
import { compareSymptom, flaresInMonth, regimensInMonth, type SymptomVerdict } from './check-in-month.ts';

/** What the records say about one month, worked out rather than typed: the review step shows it. */
export interface MonthSummary {
  intake: {
    productName: string;
    /** Scheduled days that are over, and how many of them were marked taken. */
    taken: number;
    scheduled: number;
    proportion: number | null;
  }[];
  /** Days with at least one rating this month. */
  daysRated: number;
  /** Each rating with an average this month, and how it compares with the three months before. */
  symptoms: { symptom: SymptomKey; estimate: number; verdict: SymptomVerdict }[];
  /** The 25(OH)D results drawn during the month, oldest first. */
  bloodResults: VitaminDLabResult[];
  flareCount: number;
}

export function summariseMonth(
  records: PersonRecords,
  symptomTrends: readonly SymptomMonthInsight[],
  month: LocalMonth,
  today: LocalDate,
): MonthSummary {
  const { start, end } = monthRange(month);
  const inMonth = (date: LocalDate) => date >= start && date <= end;
  const intake = regimensInMonth(records.regimens, month).map((regimen) => {
    const result = adherence(regimen, records.intakes, { start, end, today });
    return {
      productName: regimen.productName,
      taken: result.taken,
      scheduled: result.scheduled,
      proportion: result.proportionOfDaysCovered,
    };
  });
  const symptoms = SYMPTOMS.map((symptom) => compareSymptom(symptomTrends, symptom, month)).flatMap(
    (comparison) =>
      comparison.current?.status === 'ok' && comparison.current.estimate !== null
        ? [
            {
              symptom: comparison.symptom,
              estimate: comparison.current.estimate,
              verdict: comparison.verdict,
            },
          ]
        : [],
  );
  const bloodResults = records.labResults
    .filter(
      (result): result is VitaminDLabResult =>
        result.analyte === '25-hydroxyvitamin-d-total' && inMonth(result.sampleDate),
    )
    .sort(oldestResultFirst);
  return {
    intake,
    daysRated: new Set(
      records.symptomChecks.filter((check) => inMonth(check.localDate)).map((c) => c.localDate),
    ).size,
    symptoms,
    bloodResults,
    flareCount: flaresInMonth(records.flares, month, today).length,
  };
}
