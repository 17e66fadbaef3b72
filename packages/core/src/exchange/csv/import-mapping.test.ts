import { describe, expect, test } from 'vitest';
import { describeLineError, detectMapping, readCsvRecords } from './import-mapping.ts';
import type { CsvTable } from './table.ts';
import { detectDelimiter } from './table.ts';

function table(header: string[], ...rows: string[][]): CsvTable {
  return { header, rows: rows.map((cells, index) => ({ line: index + 2, cells })) };
}

const BERLIN = { timeZone: 'Europe/Berlin' };

describe('mapping CSV columns', () => {
  test('detects the common shapes of a dose log, a results sheet and a symptom diary', () => {
    expect(detectMapping('intakes', ['Date', 'Dose (IU)', 'Notes'])).toEqual({
      date: 'Date',
      amount: 'Dose (IU)',
      note: 'Notes',
    });
    expect(detectMapping('intakes', ['Datum', 'Uhrzeit', 'Menge', 'Einheit'])).toEqual({
      date: 'Datum',
      time: 'Uhrzeit',
      amount: 'Menge',
      unit: 'Einheit',
    });
    expect(detectMapping('labResults', ['Test date', '25(OH)D', 'Unit', 'Laboratory'])).toEqual({
      date: 'Test date',
      value: '25(OH)D',
      unit: 'Unit',
      lab: 'Laboratory',
    });
    expect(
      detectMapping('symptomChecks', ['day', 'Fatigue', 'Walking', 'Overall wellness', 'Weather']),
    ).toEqual({
      date: 'day',
      fatigue: 'Fatigue',
      mobility: 'Walking',
      overallWellness: 'Overall wellness',
    });
  });

  test('the delimiter is read from the header line; semicolons for decimal-comma countries', () => {
    expect(detectDelimiter('\uFEFFDatum;Dosis;Notiz\r\n')).toBe(';');
    expect(detectDelimiter('"Date, local",Dose\n')).toBe(',');
    expect(detectDelimiter('Date\tDose\n')).toBe('\t');
  });
});

describe('reading CSV lines into records', () => {
  test('doses: "2000 IU" and "50 mcg" cells, a unit from the header, noon in the person’s zone without a time', () => {
    const reading = readCsvRecords(
      'intakes',
      table(['Date', 'Dose'], ['2026-03-02', '2000 IU'], ['2026-07-02', '50 mcg']),
      BERLIN,
    );
    expect(reading.errors).toEqual([]);
    expect(reading.candidates.map((c) => c.body)).toEqual([
      {
        takenAt: '2026-03-02T12:00:00+01:00',
        localDate: '2026-03-02',
        amount: { value: 2000, unit: 'IU' },
        status: 'taken',
      },
      {
        takenAt: '2026-07-02T12:00:00+02:00',
        localDate: '2026-07-02',
        amount: { value: 50, unit: 'ug' },
        status: 'taken',
      },
    ]);
    const fromHeader = readCsvRecords(
      'intakes',
      table(['Date', 'Time', 'Vitamin D (IU)'], ['02.03.2026', '8:05', '4000']),
      BERLIN,
    );
    expect(fromHeader.candidates[0]?.body).toMatchObject({
      takenAt: '2026-03-02T08:05:00+01:00',
      amount: { value: 4000, unit: 'IU' },
    });
  });

  test('results: "32 ng/mL" cells and a separate unit column', () => {
    const reading = readCsvRecords(
      'labResults',
      table(['date', 'result', 'unit'], ['2026-02-10', '32 ng/mL', ''], ['2026-05-10', '80', 'nmol/L']),
      BERLIN,
    );
    expect(reading.candidates.map((c) => c.body.level)).toEqual([
      { value: 32, unit: 'ng/mL' },
      { value: 80, unit: 'nmol/L' },
    ]);
  });

  test('every bad line is named with its line and column; a good line among them is still read', () => {
    const reading = readCsvRecords(
      'intakes',
      table(
        ['Date', 'Amount'],
        ['2026-02-30', '1000 IU'],
        ['2026-03-01', '-1000 IU'],
        ['2026-03-02', '=B2*2'],
        ['2026-03-03', '1000 IU'],
        ['', '1000 IU'],
      ),
      BERLIN,
    );
    expect(reading.errors.map(describeLineError)).toEqual([
      'Line 2, column "Date": 2026-02-30 is not a date that exists',
      'Line 3, column "Amount": -1000 is not above 0',
      'Line 4, column "Amount": "=B2*2" is a spreadsheet formula: save the values, not the formulas',
      'Line 6, column "Date": The date is missing',
    ]);
    expect(reading.candidates.map((c) => c.line)).toEqual([5]);
  });

  test('dates like 02/03/2026 need an order unless a line settles it', () => {
    const ambiguous = table(['Date', 'Dose'], ['02/03/2026', '1000 IU']);
    expect(readCsvRecords('intakes', ambiguous, BERLIN).errors[0]?.message).toMatch(/choose the date order/);
    expect(
      readCsvRecords('intakes', ambiguous, { ...BERLIN, dateOrder: 'month-first' }).candidates[0]?.filedOn,
    ).toBe('2026-02-03');
    const settled = table(['Date', 'Dose'], ['02/03/2026', '1000 IU'], ['25/03/2026', '1000 IU']);
    expect(readCsvRecords('intakes', settled, BERLIN).candidates.map((c) => c.filedOn)).toEqual([
      '2026-03-02',
      '2026-03-25',
    ]);
  });

  test('symptom ratings must be whole numbers 0–10; a missing required column is named with the columns there are', () => {
    const checks = readCsvRecords(
      'symptomChecks',
      table(['date', 'fatigue', 'mood'], ['2026-03-02', '6', '11'], ['2026-03-03', '4', '']),
      BERLIN,
    );
    expect(checks.errors.map(describeLineError)).toEqual([
      'Line 2, column "mood": 11 is not a whole number from 0 to 10',
    ]);
    expect(checks.candidates[0]?.body).toEqual({
      localDate: '2026-03-03',
      scores: { fatigue: 4 },
      custom: [],
    });
    const noAmount = readCsvRecords('intakes', table(['Date', 'Weather'], ['2026-03-02', 'sunny']), BERLIN);
    expect(noAmount.errors.map(describeLineError)).toEqual([
      'No column holds the amount: choose one (the columns are "Date", "Weather")',
    ]);
    expect(noAmount.unmapped).toEqual(['Weather']);
  });

  test('the same line content always gives the same fingerprint; a repeated line gets its own', () => {
    const rows = table(['Date', 'Dose'], ['2026-03-02', '1000 IU'], ['2026-03-02', '1000 IU']);
    const first = readCsvRecords('intakes', rows, BERLIN).candidates.map((c) => c.fingerprint);
    const again = readCsvRecords('intakes', rows, BERLIN).candidates.map((c) => c.fingerprint);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  test('a mapping given by the person wins over the detected one, and a column it names must exist', () => {
    const rows = table(['When', 'IU', 'mcg'], ['2026-03-02', '1000', '25']);
    // The detected mapping takes the first unit-named column; the person chose the other, whose header names its unit.
    expect(readCsvRecords('intakes', rows, BERLIN).candidates[0]?.body.amount).toEqual({
      value: 1000,
      unit: 'IU',
    });
    const chosen = readCsvRecords('intakes', rows, BERLIN, { date: 'When', amount: 'mcg' });
    expect(chosen.candidates[0]?.body.amount).toEqual({ value: 25, unit: 'ug' });
    expect(readCsvRecords('intakes', rows, BERLIN, { date: 'When', amount: 'Dose' }).errors[0]?.message).toBe(
      'There is no column "Dose" for amount',
    );
  });
});
