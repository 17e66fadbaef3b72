import { localDateOf } from '../../calendar.ts';
import type { LocalDate } from '../../records/common.ts';
import type { BloodUnit } from '../../records/profile.ts';
import { type DomainError, err, ok, type Result } from '../../result.ts';
import { CODE_SYSTEMS, LOINC, VITAMIN_D_RESULT_LOINC_CODES } from './codes.ts';

/**
 * Reading 25-hydroxyvitamin D results out of a FHIR R4 Observation or Bundle, as patient portals and
 * phone health apps export them. An Observation is a result when it carries one of the LOINC codes in
 * VITAMIN_D_RESULT_LOINC_CODES and a quantity in a unit Sunlog can read; everything else is counted as
 * skipped, with the reason. The original code and value are kept (the LOINC code on the record, the
 * value as written in its note). See: docs/medical-reference.md §1 and §5.1.
 */

/** Why an entry of the file did not become a result. */
export type SkipReason =
  | 'not-an-observation'
  | 'other-test'
  | 'not-final'
  | 'no-value'
  | 'unknown-unit'
  | 'not-a-measured-value'
  | 'no-date';

/** A result read from the file, as the body of a lab result create (without id). */
export interface LabResultCandidate {
  collection: 'labResults';
  /** The Observation's position in the file ("entry[3]"), for messages. */
  where: string;
  /** Stable text of what the result is, from which the server derives the record's id. */
  fingerprint: string;
  filedOn: LocalDate;
  body: {
    analyte: '25-hydroxyvitamin-d-total';
    level: { value: number; unit: BloodUnit };
    referenceRange?: { low?: number; high?: number; unit: BloodUnit };
    sampleDate: LocalDate;
    labName?: string;
    loincCode: string;
    note: string;
  };
}

export interface LabResultsReading {
  results: LabResultCandidate[];
  /** How many entries were skipped, by reason. */
  skipped: Partial<Record<SkipReason, number>>;
}

/**
 * UCUM codes (and the unit strings portals put beside them) Sunlog reads for 25(OH)D, to its own units:
 * µg/L is ng/mL and pmol/mL is nmol/L, so the value is kept as it is. See: docs/medical-reference.md §1.
 */
const UCUM_BLOOD_UNITS: Readonly<Record<string, BloodUnit>> = {
  'ng/ml': 'ng/mL',
  'ug/l': 'ng/mL',
  'µg/l': 'ng/mL',
  'nmol/l': 'nmol/L',
  'pmol/ml': 'nmol/L',
};

/** Statuses of a result that stands: final, or changed after it was final. */
const STANDING_STATUSES = new Set(['final', 'amended', 'corrected']);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Reads the results of a parsed FHIR JSON value: one Observation, or a Bundle of any type (searchset,
 * collection, document, transaction) whose entries hold Observations. Dates with a time are read in
 * `timeZone` (the person's); a date alone is kept as written. Fails with `invalid-fhir` when the value
 * is neither an Observation nor a Bundle.
 */
export function readLabResults(input: unknown, timeZone: string): Result<LabResultsReading, DomainError> {
  if (!isObject(input) || (input.resourceType !== 'Observation' && input.resourceType !== 'Bundle')) {
    const type = isObject(input) ? text(input.resourceType) : undefined;
    return err({
      code: 'invalid-fhir',
      message:
        type === undefined
          ? 'This is not a FHIR resource: it has no "resourceType"'
          : `This is a FHIR ${type}; Sunlog reads lab results from an Observation or a Bundle of them`,
      path: 'resourceType',
    });
  }
  const reading: LabResultsReading = { results: [], skipped: {} };
  const skip = (reason: SkipReason) => {
    reading.skipped[reason] = (reading.skipped[reason] ?? 0) + 1;
  };
  const entries: [string, unknown][] =
    input.resourceType === 'Observation'
      ? [['the Observation', input]]
      : (Array.isArray(input.entry) ? input.entry : []).map((entry, index) => [
          `entry[${index}]`,
          isObject(entry) ? entry.resource : undefined,
        ]);
  for (const [where, resource] of entries) {
    const read = readObservation(resource, where, timeZone);
    if ('skip' in read) skip(read.skip);
    else reading.results.push(read);
  }
  return ok(reading);
}

function readObservation(
  resource: unknown,
  where: string,
  timeZone: string,
): LabResultCandidate | { skip: SkipReason } {
  if (!isObject(resource) || resource.resourceType !== 'Observation') return { skip: 'not-an-observation' };
  const code = vitaminDCode(resource.code);
  if (code === undefined) return { skip: 'other-test' };
  if (!STANDING_STATUSES.has(String(resource.status))) return { skip: 'not-final' };
  const quantity = resource.valueQuantity;
  if (!isObject(quantity)) return { skip: 'no-value' };
  if (quantity.comparator !== undefined) return { skip: 'not-a-measured-value' };
  const value = number(quantity.value);
  if (value === undefined || value <= 0) return { skip: 'no-value' };
  const unitText = text(quantity.code) ?? text(quantity.unit);
  const unit = unitText === undefined ? undefined : UCUM_BLOOD_UNITS[unitText.toLowerCase()];
  if (unit === undefined || unitText === undefined) return { skip: 'unknown-unit' };
  const sampleDate = sampleDateOf(resource, timeZone);
  if (sampleDate === undefined) return { skip: 'no-date' };

  const referenceRange = referenceRangeOf(resource.referenceRange, unit);
  const labName = labNameOf(resource.performer);
  const d3Only = code === LOINC.vitaminD3Mass.code || code === LOINC.vitaminD3Molar.code;
  const note = [
    `Imported from a FHIR Observation: LOINC ${code}, ${value} ${text(quantity.unit) ?? unitText}`,
    d3Only ? ' (coded by the lab as 25-hydroxyvitamin D3)' : '',
    '.',
  ].join('');
  return {
    collection: 'labResults',
    where,
    fingerprint: `fhir:lab:${sampleDate}:${code}:${value}:${unit}`,
    filedOn: sampleDate,
    body: {
      analyte: '25-hydroxyvitamin-d-total',
      level: { value, unit },
      ...(referenceRange === undefined ? {} : { referenceRange }),
      sampleDate,
      ...(labName === undefined ? {} : { labName }),
      loincCode: code,
      note,
    },
  };
}

/** The first LOINC coding of a 25(OH)D test, if the Observation's code has one. */
function vitaminDCode(concept: unknown): string | undefined {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return undefined;
  for (const coding of concept.coding) {
    if (!isObject(coding) || coding.system !== CODE_SYSTEMS.loinc) continue;
    const code = text(coding.code);
    if (code !== undefined && VITAMIN_D_RESULT_LOINC_CODES.includes(code)) return code;
  }
  return undefined;
}

/** When the blood was drawn: effectiveDateTime, else the start of effectivePeriod, else effectiveInstant. */
function sampleDateOf(observation: Json, timeZone: string): LocalDate | undefined {
  const period = isObject(observation.effectivePeriod) ? observation.effectivePeriod.start : undefined;
  const when = text(observation.effectiveDateTime) ?? text(period) ?? text(observation.effectiveInstant);
  if (when === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return when;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(when)) return undefined;
  const instant = Date.parse(when);
  return Number.isNaN(instant) ? undefined : localDateOf(instant, timeZone);
}

/** The first reference range, when its bounds are in the result's unit (or in one Sunlog reads as it). */
function referenceRangeOf(ranges: unknown, unit: BloodUnit): LabResultCandidate['body']['referenceRange'] {
  const range = Array.isArray(ranges) ? ranges[0] : undefined;
  if (!isObject(range)) return undefined;
  const bound = (quantity: unknown): number | undefined => {
    if (!isObject(quantity)) return undefined;
    const boundUnit = text(quantity.code) ?? text(quantity.unit);
    const sameUnit = boundUnit === undefined || UCUM_BLOOD_UNITS[boundUnit.toLowerCase()] === unit;
    const value = number(quantity.value);
    return sameUnit && value !== undefined && value >= 0 ? value : undefined;
  };
  const low = bound(range.low);
  const high = bound(range.high);
  if (low === undefined && high === undefined) return undefined;
  if (low !== undefined && high !== undefined && low > high) return undefined;
  return { ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }), unit };
}

/** The lab's name as the portal shows it: the first performer with a display text. */
function labNameOf(performers: unknown): string | undefined {
  if (!Array.isArray(performers)) return undefined;
  for (const performer of performers) {
    const name = isObject(performer) ? text(performer.display) : undefined;
    if (name !== undefined) return name.slice(0, 120);
  }
  return undefined;
}
