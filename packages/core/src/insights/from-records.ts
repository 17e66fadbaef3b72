import { adherence } from '../adherence.ts';
import { addDays, type LocalDate, laterDate } from '../calendar.ts';
import type { Flare } from '../records/flare.ts';
import type { Intake } from '../records/intake.ts';
import type { LabResult } from '../records/lab-result.ts';
import { oldestResultFirst } from '../records/lab-result-order.ts';
import type { Profile } from '../records/profile.ts';
import type { Regimen } from '../records/regimen.ts';
import type { SymptomCheck } from '../records/symptom-check.ts';
import { SYMPTOM_SCALES } from '../records/symptom-scales.ts';
import { toIu, toNgPerMl } from '../units.ts';
import type {
  FlareSpan,
  Hemisphere,
  InsightsInput,
  IntakeDay,
  LabPoint,
  SymptomDay,
  SymptomKey,
} from './input.ts';

/**
 * Flattens one person's stored records into the plain day rows the insights engine reads
 * (input.ts). Every date is the local date the record was filed under, so the result is the same in
 * any reader's time zone. Nothing dated after `today` is read.
 */

/** The fields of a lab result the adapter reads, keeping each analyte with its own units. */
export type LabResultFields = {
  [A in LabResult['analyte']]: Pick<Extract<LabResult, { analyte: A }>, 'analyte' | 'level' | 'sampleDate'> &
    Partial<Pick<LabResult, 'id' | 'createdAt'>>;
}[LabResult['analyte']];

/** The records the adapter reads; server timestamps and notes are not needed. */
export interface InsightsRecords {
  profile: Pick<Profile, 'timeZone'> & Partial<Pick<Profile, 'bloodUnit'>>;
  regimens: readonly Pick<Regimen, 'id' | 'schedule' | 'startDate' | 'endDate'>[];
  intakes: readonly Pick<Intake, 'regimenId' | 'localDate' | 'status' | 'amount'>[];
  labResults: readonly LabResultFields[];
  symptomChecks: readonly Pick<SymptomCheck, 'localDate' | 'scores'>[];
  flares: readonly Pick<Flare, 'startDate' | 'endDate'>[];
}

/**
 * Builds `InsightsInput` from a person's records.
 *
 * - Scheduled days come from each regimen's schedule (core `adherence`, from its start date to
 *   `today`). Today counts as scheduled only once something is logged for it: until then the day
 *   is not over, so it is neither taken nor missed.
 * - A day with several regimens due counts as taken only when every dose due that day was taken.
 * - `doseIu` sums every taken intake of the day in IU (1 µg = 40 IU), linked to a regimen or not;
 *   a day with only skipped doses has 0 IU, a day with no intake record has null.
 * - Blood results are total 25(OH)D converted to ng/mL (nmol/L ÷ 2.496); calcium is not used.
 * - Several symptom checks on one local date are averaged per rating.
 */
export function insightsInputFromRecords(
  records: InsightsRecords,
  options: { today: LocalDate },
): InsightsInput {
  const { today } = options;
  return {
    today,
    regimenStart: supplementationStart(records.regimens, today),
    hemisphere: hemisphereOfTimeZone(records.profile.timeZone),
    ...(records.profile.bloodUnit ? { bloodUnit: records.profile.bloodUnit } : {}),
    days: intakeDays(records.regimens, records.intakes, today),
    symptoms: symptomDays(records.symptomChecks, today),
    labs: vitaminDLabPoints(records.labResults, today),
    flares: flareSpans(records.flares, today),
  };
}

interface DayRow {
  scheduled: boolean;
  /** Still true while every due dose seen for the day was taken. */
  allTaken: boolean;
  doseIu: number | null;
}

function intakeDays(
  regimens: InsightsRecords['regimens'],
  intakes: InsightsRecords['intakes'],
  today: LocalDate,
): IntakeDay[] {
  const rows = new Map<LocalDate, DayRow>();
  const rowFor = (date: LocalDate): DayRow => {
    let row = rows.get(date);
    if (row === undefined) {
      row = { scheduled: false, allTaken: true, doseIu: null };
      rows.set(date, row);
    }
    return row;
  };

  for (const regimen of regimens) {
    if (regimen.startDate > today) continue;
    const result = adherence(regimen, intakes, { start: regimen.startDate, end: today, today });
    for (const day of result.days) {
      if (day.status === 'pending') continue;
      const row = rowFor(day.date);
      row.scheduled = true;
      if (day.status !== 'taken') row.allTaken = false;
    }
  }

  for (const intake of intakes) {
    if (intake.localDate > today) continue;
    const row = rowFor(intake.localDate);
    const iu = intake.status === 'taken' ? toIu(intake.amount) : 0;
    row.doseIu = (row.doseIu ?? 0) + iu;
  }

  return [...rows]
    .sort(([a], [b]) => compareText(a, b))
    .map(([date, row]) => ({
      date,
      doseIu: row.doseIu,
      scheduled: row.scheduled,
      taken: row.scheduled && row.allTaken,
    }));
}

function symptomDays(checks: InsightsRecords['symptomChecks'], today: LocalDate): SymptomDay[] {
  const sums = new Map<LocalDate, Partial<Record<SymptomKey, { total: number; count: number }>>>();
  for (const check of checks) {
    if (check.localDate > today) continue;
    const day = sums.get(check.localDate) ?? {};
    for (const scale of SYMPTOM_SCALES) {
      const score = check.scores[scale];
      if (score === undefined) continue;
      const sum = day[scale] ?? { total: 0, count: 0 };
      sum.total += score;
      sum.count += 1;
      day[scale] = sum;
    }
    sums.set(check.localDate, day);
  }
  return [...sums]
    .sort(([a], [b]) => compareText(a, b))
    .map(([date, day]) => {
      const scores: Partial<Record<SymptomKey, number>> = {};
      for (const scale of SYMPTOM_SCALES) {
        const sum = day[scale];
        if (sum !== undefined) scores[scale] = sum.total / sum.count;
      }
      return { date, scores };
    });
}

function vitaminDLabPoints(results: InsightsRecords['labResults'], today: LocalDate): LabPoint[] {
  const points: LabPoint[] = [];
  // Oldest first in the one order of results, so on a day with two results the one entered last is the
  // last point (the sort below is stable).
  for (const result of [...results].sort(oldestResultFirst)) {
    if (result.analyte !== '25-hydroxyvitamin-d-total' || result.sampleDate > today) continue;
    points.push({ date: result.sampleDate, ngPerMl: toNgPerMl(result.level) });
  }
  return points.sort((a, b) => compareText(a.date, b.date));
}

function flareSpans(flares: InsightsRecords['flares'], today: LocalDate): FlareSpan[] {
  return flares
    .filter((flare) => flare.startDate <= today)
    .map((flare) => ({ start: flare.startDate, end: flare.endDate ?? null }))
    .sort((a, b) => compareText(a.start, b.start));
}

/**
 * When the most recent unbroken stretch of supplementation began: regimens that overlap or follow
 * each other without a gap (one product replaced by another the next day) count as one stretch,
 * so switching products does not move "the regimen start". Null when no regimen has started.
 */
export function supplementationStart(
  regimens: readonly Pick<Regimen, 'startDate' | 'endDate'>[],
  today: LocalDate,
): LocalDate | null {
  const started = regimens
    .filter((regimen) => regimen.startDate <= today)
    .sort((a, b) => compareText(a.startDate, b.startDate));
  let stretchStart: LocalDate | null = null;
  // The last local date the current stretch covers; null while it is open-ended.
  let stretchEnd: LocalDate | null = null;
  for (const regimen of started) {
    const continues =
      stretchStart !== null && (stretchEnd === null || regimen.startDate <= addDays(stretchEnd, 1));
    if (!continues) {
      stretchStart = regimen.startDate;
      stretchEnd = regimen.endDate ?? null;
    } else if (stretchEnd !== null) {
      stretchEnd = regimen.endDate === undefined ? null : laterDate(stretchEnd, regimen.endDate);
    }
  }
  return stretchStart;
}

/**
 * IANA zones whose places lie clearly south of the equator, where meteorological winter is
 * June–August. Geography, not medicine: a zone not listed (most of the world's population lives
 * north of the equator) reads as northern, and near the equator seasons barely differ.
 */
const SOUTHERN_ZONE_PREFIXES = ['Australia/', 'Antarctica/', 'America/Argentina/'] as const;
const SOUTHERN_ZONES = new Set([
  'Africa/Blantyre',
  'Africa/Gaborone',
  'Africa/Harare',
  'Africa/Johannesburg',
  'Africa/Lubumbashi',
  'Africa/Luanda',
  'Africa/Lusaka',
  'Africa/Maputo',
  'Africa/Maseru',
  'Africa/Mbabane',
  'Africa/Windhoek',
  'America/Asuncion',
  'America/Buenos_Aires',
  'America/La_Paz',
  'America/Lima',
  'America/Montevideo',
  'America/Punta_Arenas',
  'America/Santiago',
  'America/Sao_Paulo',
  'Atlantic/Stanley',
  'Indian/Antananarivo',
  'Indian/Mauritius',
  'Indian/Reunion',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Easter',
  'Pacific/Fiji',
  'Pacific/Noumea',
  'Pacific/Tongatapu',
]);

/** The hemisphere a time zone's places lie in, for naming seasons; 'northern' unless clearly southern. */
export function hemisphereOfTimeZone(timeZone: string): Hemisphere {
  const southern =
    SOUTHERN_ZONES.has(timeZone) || SOUTHERN_ZONE_PREFIXES.some((prefix) => timeZone.startsWith(prefix));
  return southern ? 'southern' : 'northern';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
