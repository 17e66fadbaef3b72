import { toOffsetDateTime, zonedInstant } from '../../calendar.ts';
import { canonicalJson } from '../../canonical-json.ts';
import type { LocalDate } from '../../records/common.ts';
import { IdSchema, OffsetDateTimeSchema } from '../../records/common.ts';
import { IntakeCreateSchema } from '../../records/intake.ts';
import { LabResultCreateSchema } from '../../records/lab-result.ts';
import type { BloodUnit, IntakeUnit } from '../../records/profile.ts';
import { SymptomCheckCreateSchema } from '../../records/symptom-check.ts';
import { SYMPTOM_SCALES, type SymptomScale } from '../../records/symptom-scales.ts';
import { firstIssueError } from '../../validation.ts';
import {
  type DateOrder,
  type DecimalMark,
  isFormula,
  type Read,
  readBloodLevel,
  readBloodUnit,
  readDate,
  readIntakeAmount,
  readIntakeUnit,
  readNumber,
  readTime,
  unescapeFormulaText,
} from './cell-values.ts';
import { SCALE_HEADERS } from './export-columns.ts';
import type { CsvRow, CsvTable } from './table.ts';

/**
 * Turning the rows of a CSV file into records: which column holds what (detected from the header, or
 * chosen by the person), and each line read into a record or into an error naming the line and column.
 * Nothing is written while any line is in error; that rule is the caller's, this module only reports.
 */

/** The kinds a CSV can bring in. */
export const CSV_IMPORT_KINDS = ['intakes', 'labResults', 'symptomChecks'] as const;
export type CsvImportKind = (typeof CSV_IMPORT_KINDS)[number];

/** The fields a column can be mapped to, per kind; `id` lets Sunlog's own CSV come back without doubling. */
export const CSV_IMPORT_FIELDS = {
  intakes: ['id', 'date', 'time', 'amount', 'unit', 'status', 'note'],
  labResults: ['id', 'date', 'value', 'unit', 'lab', 'note'],
  symptomChecks: ['id', 'date', ...SYMPTOM_SCALES, 'note'],
} as const satisfies Record<CsvImportKind, readonly string[]>;
export type CsvField<K extends CsvImportKind = CsvImportKind> = (typeof CSV_IMPORT_FIELDS)[K][number];

/** Which column (by its header text) holds each field; a field left out is not imported. */
export type CsvMapping = Partial<Record<string, string>>;

/** Words a header may contain for each field (lower case, without punctuation), most specific first. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ['id'],
  date: ['date', 'day', 'datum', 'taken on', 'sample date', 'test date', 'collected', 'drawn', 'when'],
  time: ['time', 'taken at', 'uhrzeit', 'hour'],
  amount: ['amount', 'dose', 'dosage', 'quantity', 'vitamin d', 'vit d', 'iu', 'mcg', 'dosis', 'menge'],
  value: ['25 oh d', '25ohd', 'result', 'value', 'level', 'vitamin d', 'vit d', 'wert', 'ergebnis'],
  unit: ['unit', 'units', 'einheit'],
  status: ['status', 'taken', 'skipped'],
  lab: ['lab', 'laboratory', 'labor'],
  note: ['note', 'notes', 'comment', 'comments', 'remark', 'notiz'],
  fatigue: ['fatigue', 'tiredness', 'tired'],
  energy: ['energy'],
  mobility: ['mobility', 'walking', 'walk'],
  mood: ['mood'],
  sleep: ['sleep'],
  pain: ['pain'],
  overallWellness: ['overall wellness', 'overall', 'wellness', 'wellbeing', 'well being'],
};

function words(header: string): string {
  return ` ${header
    .toLowerCase()
    .replace(/[_()[\]/.,:-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/**
 * The mapping read from the header: each field takes the first column whose words contain one of its
 * synonyms, each column serving one field. "Dose (IU)" maps to amount and also tells the unit.
 */
export function detectMapping(kind: CsvImportKind, header: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<string>();
  for (const field of CSV_IMPORT_FIELDS[kind]) {
    const synonyms = SYNONYMS[field] ?? [];
    const column = header.find(
      (name) => !used.has(name) && synonyms.some((synonym) => words(name).includes(` ${synonym} `)),
    );
    if (column !== undefined) {
      mapping[field] = column;
      used.add(column);
    }
  }
  // A column named only by a unit ("IU", "mcg") is the amount, not the unit column.
  if (mapping.unit !== undefined && mapping.amount === undefined && kind === 'intakes') {
    mapping.amount = mapping.unit;
    delete mapping.unit;
  }
  return mapping;
}

/** A unit written in a header, e.g. "Dose (IU)" or "25(OH)D ng/mL", used when the cells carry none. */
function unitInHeader<U>(header: string | undefined, read: (text: string) => Read<U>): U | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(/[\s()[\],]+/)) {
    const unit = read(part);
    if (unit.ok) return unit.value;
  }
  return undefined;
}

/** A line that could not be read: its line number in the file, the column (by header), and why. */
export interface CsvLineError {
  line: number | null;
  column: string | null;
  message: string;
}

/** A record read from a line: its create body without an id, and how to give it one. */
export interface CsvCandidate {
  line: number;
  collection: CsvImportKind;
  /** The record's id when the file names one (Sunlog's own CSV); otherwise the server derives one from `fingerprint`. */
  id: string | null;
  /** The same line content always gives the same fingerprint, so importing a file twice adds nothing. */
  fingerprint: string;
  filedOn: LocalDate;
  body: Record<string, unknown>;
}

export interface CsvReading {
  candidates: CsvCandidate[];
  errors: CsvLineError[];
  /** The mapping used (the one given, or the one detected). */
  mapping: CsvMapping;
  /** Columns no field reads: shown so the person sees what is left out. */
  unmapped: string[];
}

export interface CsvReadOptions {
  /** The person's time zone: a dose's time is read as local time there. */
  timeZone: string;
  /** How to read dates like 02/03/2026 when no line settles it. */
  dateOrder?: DateOrder | undefined;
  /** The file's decimal mark: a comma where the file is saved with semicolons. */
  decimalMark?: DecimalMark | undefined;
}

/** Fields each kind cannot do without. */
const REQUIRED: Readonly<Record<CsvImportKind, readonly string[]>> = {
  intakes: ['date', 'amount'],
  labResults: ['date', 'value'],
  symptomChecks: ['date'],
};

/** Without a time column, a dose is logged at noon local time: a time that exists on every date. */
export const DEFAULT_DOSE_TIME = '12:00';

/** Reads every line of `table` as a record of `kind`, with `mapping` (detected when not given). */
export function readCsvRecords(
  kind: CsvImportKind,
  table: CsvTable,
  options: CsvReadOptions,
  given?: CsvMapping,
): CsvReading {
  const mapping = given ?? detectMapping(kind, table.header);
  const errors: CsvLineError[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== undefined && !table.header.includes(column)) {
      errors.push({ line: null, column, message: `There is no column "${column}" for ${field}` });
    }
  }
  for (const field of REQUIRED[kind]) {
    if (mapping[field] === undefined) {
      errors.push({
        line: null,
        column: null,
        message: `No column holds the ${field}: choose one (the columns are ${table.header.map((name) => `"${name}"`).join(', ')})`,
      });
    }
  }
  if (kind === 'symptomChecks' && !SYMPTOM_SCALES.some((scale) => mapping[scale] !== undefined)) {
    errors.push({
      line: null,
      column: null,
      message: `No column holds a rating (${SYMPTOM_SCALES.map((s) => SCALE_HEADERS[s]).join(', ')}): choose at least one`,
    });
  }
  const mapped = new Set(Object.values(mapping));
  const unmapped = table.header.filter((name) => !mapped.has(name));
  if (errors.length > 0) return { candidates: [], errors, mapping, unmapped };

  const dateOrder = options.dateOrder ?? settledDateOrder(table, mapping.date);
  const seen = new Map<string, number>();
  const candidates: CsvCandidate[] = [];
  for (const row of table.rows) {
    const line = readLine(kind, row, table.header, mapping, { ...options, dateOrder });
    if ('errors' in line) {
      errors.push(...line.errors);
      continue;
    }
    const content = canonicalJson(line.body);
    const occurrence = seen.get(content) ?? 0;
    seen.set(content, occurrence + 1);
    candidates.push({
      line: row.line,
      collection: kind,
      id: line.id,
      fingerprint: `csv:${kind}:${content}:${occurrence}`,
      filedOn: line.filedOn,
      body: line.body,
    });
  }
  return { candidates, errors, mapping, unmapped };
}

/** The date order the file settles by itself: a first part above 12 means day first, a second one month first. */
function settledDateOrder(table: CsvTable, column: string | undefined): DateOrder | undefined {
  const index = column === undefined ? -1 : table.header.indexOf(column);
  for (const row of table.rows) {
    const match = /^\s*(\d{1,2})\/(\d{1,2})\/\d{4}\s*$/.exec(row.cells[index] ?? '');
    if (match === null) continue;
    if (Number(match[1]) > 12) return 'day-first';
    if (Number(match[2]) > 12) return 'month-first';
  }
  return undefined;
}

type LineRead =
  | { id: string | null; filedOn: LocalDate; body: Record<string, unknown> }
  | { errors: CsvLineError[] };

function readLine(
  kind: CsvImportKind,
  row: CsvRow,
  header: readonly string[],
  mapping: CsvMapping,
  options: CsvReadOptions,
): LineRead {
  const errors: CsvLineError[] = [];
  const fail = (column: string | undefined, message: string) => {
    errors.push({ line: row.line, column: column ?? null, message });
  };
  /** The cell of a field: trimmed text, or undefined when unmapped or empty; formulas are refused. */
  const cell = (field: string): string | undefined => {
    const column = mapping[field];
    if (column === undefined) return undefined;
    const text = (row.cells[header.indexOf(column)] ?? '').trim();
    if (text === '') return undefined;
    if (isFormula(text)) {
      fail(column, `"${text}" is a spreadsheet formula: save the values, not the formulas`);
      return undefined;
    }
    return unescapeFormulaText(text);
  };
  const take = <T>(field: string, read: Read<T>): T | undefined => {
    if (read.ok) return read.value;
    fail(mapping[field], read.message);
    return undefined;
  };

  const idText = cell('id');
  const id = idText !== undefined && IdSchema.safeParse(idText).success ? idText : null;
  const dateText = cell('date');
  let date: { date: LocalDate; time?: string } | undefined;
  if (dateText === undefined) {
    if (errors.length === 0) fail(mapping.date, 'The date is missing');
  } else {
    const read = readDate(dateText, options.dateOrder);
    date = read.ok ? read.value : undefined;
    if (!read.ok) fail(mapping.date, read.message);
  }
  const note = cell('note');

  let body: Record<string, unknown> | undefined;
  if (kind === 'intakes') {
    const unitText = cell('unit');
    const unit: IntakeUnit | undefined =
      unitText === undefined
        ? unitInHeader(mapping.amount, readIntakeUnit)
        : take('unit', readIntakeUnit(unitText));
    const amountText = cell('amount');
    const amount =
      amountText === undefined
        ? undefined
        : take('amount', readIntakeAmount(amountText, unit, options.decimalMark));
    if (amountText === undefined && errors.length === 0) fail(mapping.amount, 'The amount is missing');
    const statusText = cell('status')?.toLowerCase();
    const status =
      statusText === undefined || /^(taken|yes|y|1|true|x|✓)$/.test(statusText)
        ? 'taken'
        : /^(skipped|no|n|0|false|missed)$/.test(statusText)
          ? 'skipped'
          : undefined;
    if (status === undefined) fail(mapping.status, `"${statusText}" is not a status: use taken or skipped`);
    const timeText = cell('time');
    // Sunlog's own CSV carries the moment with its offset ("2026-03-02T08:31:00+01:00"): kept as it is.
    const exact =
      timeText !== undefined && OffsetDateTimeSchema.safeParse(timeText).success ? timeText : undefined;
    const time =
      exact !== undefined || timeText === undefined
        ? (date?.time ?? DEFAULT_DOSE_TIME)
        : take('time', readTime(timeText));
    if (date !== undefined && amount !== undefined && status !== undefined && time !== undefined) {
      const takenAt =
        exact ?? toOffsetDateTime(zonedInstant(date.date, time, options.timeZone), options.timeZone);
      body = { takenAt, localDate: date.date, amount, status, ...(note === undefined ? {} : { note }) };
    }
  } else if (kind === 'labResults') {
    const unitText = cell('unit');
    const unit: BloodUnit | undefined =
      unitText === undefined
        ? unitInHeader(mapping.value, readBloodUnit)
        : take('unit', readBloodUnit(unitText));
    const valueText = cell('value');
    const level =
      valueText === undefined
        ? undefined
        : take('value', readBloodLevel(valueText, unit, options.decimalMark));
    if (valueText === undefined && errors.length === 0) fail(mapping.value, 'The result is missing');
    const lab = cell('lab');
    if (date !== undefined && level !== undefined) {
      body = {
        analyte: '25-hydroxyvitamin-d-total',
        level,
        sampleDate: date.date,
        ...(lab === undefined ? {} : { labName: lab }),
        ...(note === undefined ? {} : { note }),
      };
    }
  } else {
    const scores: Partial<Record<SymptomScale, number>> = {};
    for (const scale of SYMPTOM_SCALES) {
      const text = cell(scale);
      if (text === undefined) continue;
      const score = take(scale, readNumber(text, options.decimalMark));
      if (score === undefined) continue;
      if (!Number.isInteger(score) || score < 0 || score > 10)
        fail(mapping[scale], `${text} is not a whole number from 0 to 10`);
      else scores[scale] = score;
    }
    if (date !== undefined)
      body = { localDate: date.date, scores, custom: [], ...(note === undefined ? {} : { note }) };
  }
  if (errors.length > 0 || body === undefined || date === undefined) return { errors };

  // The record must be one the app would accept; the first problem is named like a cell's.
  const schema =
    kind === 'intakes'
      ? IntakeCreateSchema
      : kind === 'labResults'
        ? LabResultCreateSchema
        : SymptomCheckCreateSchema;
  const checked = schema.safeParse({ id: id ?? '00000000-0000-4000-8000-000000000000', ...body });
  if (!checked.success) {
    const problem = firstIssueError(checked.error, 'invalid-csv');
    return { errors: [{ line: row.line, column: null, message: problem.message }] };
  }
  return { id, filedOn: date.date, body };
}

/** An error as one line of text: `Line 4, column "Dose": "-2000 IU" is not above 0`. */
export function describeLineError(error: CsvLineError): string {
  const where = [
    error.line === null ? null : `Line ${error.line}`,
    error.column === null ? null : `column "${error.column}"`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return where === '' ? error.message : `${where}: ${error.message}`;
}
