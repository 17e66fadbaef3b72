import { isLocalDate } from '../../calendar.ts';
import type { LocalDate } from '../../records/common.ts';
import type { BloodUnit, IntakeUnit } from '../../records/profile.ts';

/**
 * Reading the cells people type in spreadsheets: numbers with either decimal mark, amounts with their
 * unit ("2000 IU", "50 mcg", "1.25 mg"), results ("32 ng/mL", "80 nmol/L"), dates in the common written
 * forms, and times. Each reader answers a value or a sentence saying what is wrong with the cell.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const good = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });

/** How dates written with slashes are ordered: 02/03/2026 is 2 March (day first) or February 3 (month first). */
export type DateOrder = 'day-first' | 'month-first';

/** The decimal mark of the file's locale: a point, or a comma (files saved with semicolons). */
export type DecimalMark = '.' | ',';

/**
 * A number as typed: "2000", "2,000", "2 000", "32.5", "32,5", "1.234,5". With both marks the last one
 * is the decimal mark; with only commas, groups of exactly three digits are thousands ("2,000") and
 * anything else a decimal comma ("32,5"). Where the file writes decimals with a comma, a point between
 * groups of three digits is a thousands mark ("2.000" is two thousand).
 */
export function readNumber(text: string, decimalMark: DecimalMark = '.'): Read<number> {
  const compact = text.trim().replace(/[\s\u00A0\u202F']/g, '');
  if (!/^[+-]?(\d[\d.,]*)$/.test(compact)) return bad(`"${text.trim()}" is not a number`);
  const lastComma = compact.lastIndexOf(',');
  const lastPoint = compact.lastIndexOf('.');
  let normal = compact;
  if (lastComma >= 0 && lastPoint >= 0) {
    const decimal = lastComma > lastPoint ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normal = compact.replaceAll(group, '').replace(decimal, '.');
  } else if (lastComma >= 0) {
    normal = /^[+-]?\d{1,3}(,\d{3})+$/.test(compact)
      ? compact.replaceAll(',', '')
      : compact.replace(',', '.');
  } else if (decimalMark === ',' && /^[+-]?\d{1,3}(\.\d{3})+$/.test(compact)) {
    normal = compact.replaceAll('.', '');
  }
  const value = Number(normal);
  return Number.isFinite(value) && !/\..*\./.test(normal)
    ? good(value)
    : bad(`"${text.trim()}" is not a number`);
}

/** A positive number, or what is wrong with it ("−400" is not above 0). */
function readPositive(text: string, decimalMark: DecimalMark): Read<number> {
  const number = readNumber(text, decimalMark);
  if (!number.ok) return number;
  return number.value > 0 ? number : bad(`${text.trim()} is not above 0`);
}

/** Vitamin D amount units as people write them, to Sunlog's units; milligrams count as 1000 µg. */
const INTAKE_UNITS: Readonly<Record<string, { unit: IntakeUnit; factor: number }>> = {
  iu: { unit: 'IU', factor: 1 },
  'i.u.': { unit: 'IU', factor: 1 },
  ie: { unit: 'IU', factor: 1 },
  ui: { unit: 'IU', factor: 1 },
  ug: { unit: 'ug', factor: 1 },
  µg: { unit: 'ug', factor: 1 },
  μg: { unit: 'ug', factor: 1 },
  mcg: { unit: 'ug', factor: 1 },
  microgram: { unit: 'ug', factor: 1 },
  micrograms: { unit: 'ug', factor: 1 },
  mg: { unit: 'ug', factor: 1000 },
};

/** 25(OH)D units as written, to Sunlog's; µg/L equals ng/mL and pmol/mL equals nmol/L. See: docs/medical-reference.md §1. */
const BLOOD_UNITS: Readonly<Record<string, BloodUnit>> = {
  'ng/ml': 'ng/mL',
  'ug/l': 'ng/mL',
  'µg/l': 'ng/mL',
  'μg/l': 'ng/mL',
  'mcg/l': 'ng/mL',
  'nmol/l': 'nmol/L',
  'pmol/ml': 'nmol/L',
};

const unitKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '');

export function readIntakeUnit(text: string): Read<IntakeUnit> {
  const known = INTAKE_UNITS[unitKey(text)];
  if (known === undefined || known.factor !== 1)
    return bad(`"${text.trim()}" is not a vitamin D unit: use IU or µg (mcg)`);
  return good(known.unit);
}

export function readBloodUnit(text: string): Read<BloodUnit> {
  const known = BLOOD_UNITS[unitKey(text)];
  return known === undefined
    ? bad(`"${text.trim()}" is not a unit for 25-hydroxyvitamin D: use ng/mL or nmol/L`)
    : good(known);
}

/** Splits "2000 IU" into its number and unit text; the unit may be missing. */
function splitQuantity(text: string): { number: string; unit: string } {
  const match = /^\s*([+-]?[\d\s.,'\u00A0\u202F]*\d)\s*(.*?)\s*$/.exec(text);
  return match === null ? { number: text, unit: '' } : { number: match[1] ?? '', unit: match[2] ?? '' };
}

/** An amount of vitamin D: "2000 IU", "2,000 IU", "50 mcg", "1.25 mg" (→ 1250 µg), or a bare number with `unit`. */
export function readIntakeAmount(
  text: string,
  unit?: IntakeUnit,
  decimalMark: DecimalMark = '.',
): Read<{ value: number; unit: IntakeUnit }> {
  const parts = splitQuantity(text);
  const value = readPositive(parts.number, decimalMark);
  if (!value.ok) return value;
  if (parts.unit === '') {
    return unit === undefined
      ? bad(`"${text.trim()}" has no unit: write it as 2000 IU or 50 µg, or map a unit column`)
      : good({ value: value.value, unit });
  }
  const known = INTAKE_UNITS[unitKey(parts.unit)];
  if (known === undefined) return bad(`"${parts.unit}" is not a vitamin D unit: use IU or µg (mcg)`);
  return good({ value: value.value * known.factor, unit: known.unit });
}

/** A 25(OH)D result: "32 ng/mL", "80 nmol/L", "32 µg/L" (→ ng/mL), or a bare number with `unit`. */
export function readBloodLevel(
  text: string,
  unit?: BloodUnit,
  decimalMark: DecimalMark = '.',
): Read<{ value: number; unit: BloodUnit }> {
  const parts = splitQuantity(text);
  const value = readPositive(parts.number, decimalMark);
  if (!value.ok) return value;
  if (parts.unit === '') {
    return unit === undefined
      ? bad(`"${text.trim()}" has no unit: write it as 32 ng/mL or 80 nmol/L, or map a unit column`)
      : good({ value: value.value, unit });
  }
  const known = readBloodUnit(parts.unit);
  return known.ok ? good({ value: value.value, unit: known.value }) : known;
}

const pad = (n: string) => n.padStart(2, '0');

function checkedDate(text: string, year: string, month: string, day: string): Read<LocalDate> {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isLocalDate(date) ? good(date) : bad(`${text.trim()} is not a date that exists`);
}

/** The date part of a date cell, and a time if the cell has one ("2026-03-02 08:30", "2026-03-02T08:30:00"). */
export interface DateCell {
  date: LocalDate;
  time?: string;
}

/**
 * A date as spreadsheets write it: 2026-03-02 (with an optional time), 2026/03/02, 02.03.2026 (day
 * first, as in German), and 02/03/2026, which needs `order` unless a part above 12 settles it.
 */
export function readDate(
  text: string,
  order?: DateOrder,
): Read<DateCell> | { ok: false; ambiguous: true; message: string } {
  const trimmed = text.trim();
  const iso =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      trimmed,
    );
  if (iso !== null) {
    const date = checkedDate(trimmed, iso[1] ?? '', iso[2] ?? '', iso[3] ?? '');
    if (!date.ok) return date;
    if (iso[4] === undefined) return good({ date: date.value });
    const time = readTime(iso[4]);
    return time.ok ? good({ date: date.value, time: time.value }) : time;
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (dotted !== null) {
    const date = checkedDate(trimmed, dotted[3] ?? '', dotted[2] ?? '', dotted[1] ?? '');
    return date.ok ? good({ date: date.value }) : date;
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (slashed !== null) {
    const [first, second, year] = [slashed[1] ?? '', slashed[2] ?? '', slashed[3] ?? ''];
    const resolved =
      order ?? (Number(first) > 12 ? 'day-first' : Number(second) > 12 ? 'month-first' : undefined);
    if (resolved === undefined) {
      return {
        ok: false,
        ambiguous: true,
        message: `${trimmed} can be read as day/month or month/day: choose the date order`,
      };
    }
    const date =
      resolved === 'day-first'
        ? checkedDate(trimmed, year, second, first)
        : checkedDate(trimmed, year, first, second);
    return date.ok ? good({ date: date.value }) : date;
  }
  return bad(`"${trimmed}" is not a date: write it as YYYY-MM-DD`);
}

/** A time of day: "08:30", "8:30", "08:30:15", "8:30 pm". */
export function readTime(text: string): Read<string> {
  const match = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?\s*$/i.exec(text);
  if (match === null) return bad(`"${text.trim()}" is not a time: write it as HH:MM`);
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const meridiem = match[3]?.toLowerCase().replaceAll('.', '');
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return bad(`"${text.trim()}" is not a time`);
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return bad(`"${text.trim()}" is not a time`);
  return good(`${pad(String(hours))}:${pad(String(minutes))}`);
}

/** A spreadsheet formula left in a cell ("=A2*2", "+SUM(B1:B3)"): refused rather than stored as text. */
export function isFormula(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith('=') || /^[+\-@]\s*[A-Za-z_][\w.]*\s*\(/.test(trimmed);
}

/** Undoes the apostrophe a CSV export puts before text that would look like a formula ("'-tired" → "-tired"). */
export function unescapeFormulaText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
