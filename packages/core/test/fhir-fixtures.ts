import type { Bundle, Observation } from '@medplum/fhirtypes';

/**
 * Lab results written by hand in the shapes patient portals and phone health apps export them (a
 * portal's search result Bundle, one Observation file from a phone's health records, a lab's collection
 * Bundle). The tests validate each against the FHIR R4 definitions before reading it.
 */

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const LABORATORY = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'laboratory',
      display: 'Laboratory',
    },
  ],
  text: 'Laboratory',
};
const PATIENT = { reference: 'Patient/eVj3Tn0B6dQ', display: 'Ada Lovelace' };

/** A portal's answer to "my lab results": a searchset with a 25(OH)D result, two other tests and a warning. */
export const portalSearchset: Bundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  total: 3,
  link: [
    {
      relation: 'self',
      url: 'https://fhir.example-hospital.org/api/FHIR/R4/Observation?category=laboratory',
    },
  ],
  entry: [
    {
      fullUrl: 'https://fhir.example-hospital.org/api/FHIR/R4/Observation/eVitD.1',
      resource: {
        resourceType: 'Observation',
        id: 'eVitD.1',
        status: 'final',
        category: [LABORATORY],
        code: {
          coding: [
            {
              system: LOINC,
              code: '62292-8',
              display: '25-Hydroxyvitamin D3+25-Hydroxyvitamin D2 [Mass/volume] in Serum or Plasma',
            },
          ],
          text: 'VITAMIN D, 25-HYDROXY',
        },
        subject: PATIENT,
        effectiveDateTime: '2026-02-10T07:15:00Z',
        issued: '2026-02-11T14:02:00Z',
        performer: [{ display: 'Example Hospital Laboratory' }],
        valueQuantity: { value: 32, unit: 'ng/mL', system: UCUM, code: 'ng/mL' },
        referenceRange: [
          {
            low: { value: 30, unit: 'ng/mL', system: UCUM, code: 'ng/mL' },
            high: { value: 100, unit: 'ng/mL', system: UCUM, code: 'ng/mL' },
            text: '30 - 100 ng/mL',
          },
        ],
      },
      search: { mode: 'match' },
    },
    {
      fullUrl: 'https://fhir.example-hospital.org/api/FHIR/R4/Observation/eCa.1',
      resource: {
        resourceType: 'Observation',
        id: 'eCa.1',
        status: 'final',
        category: [LABORATORY],
        code: {
          coding: [{ system: LOINC, code: '17861-6', display: 'Calcium [Mass/volume] in Serum or Plasma' }],
          text: 'CALCIUM',
        },
        subject: PATIENT,
        effectiveDateTime: '2026-02-10T07:15:00Z',
        valueQuantity: { value: 9.4, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
      },
      search: { mode: 'match' },
    },
    {
      fullUrl: 'https://fhir.example-hospital.org/api/FHIR/R4/Observation/eA1c.1',
      resource: {
        resourceType: 'Observation',
        id: 'eA1c.1',
        status: 'final',
        category: [LABORATORY],
        code: {
          coding: [{ system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }],
          text: 'HEMOGLOBIN A1C',
        },
        subject: PATIENT,
        effectiveDateTime: '2026-02-10T07:15:00Z',
        valueQuantity: { value: 5.4, unit: '%', system: UCUM, code: '%' },
      },
      search: { mode: 'match' },
    },
    {
      resource: {
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'warning', code: 'informational', diagnostics: 'Some results are not yet available.' },
        ],
      },
      search: { mode: 'outcome' },
    },
  ],
};

/** One result as a phone's health records export it: D3-only code, molar unit, a date without a time. */
export const phoneHealthRecord: Observation = {
  resourceType: 'Observation',
  id: 'A1B2C3',
  status: 'final',
  category: [LABORATORY],
  code: {
    coding: [
      { system: LOINC, code: '1989-3', display: '25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma' },
    ],
    text: 'Vitamin D 25-OH',
  },
  subject: { reference: 'Patient/1' },
  effectiveDateTime: '2025-11-03',
  valueQuantity: { value: 74.9, unit: 'nmol/L', system: UCUM, code: 'nmol/L' },
  referenceRange: [{ low: { value: 75, unit: 'nmol/L', system: UCUM, code: 'nmol/L' }, text: '>75 nmol/L' }],
};

/** A lab's collection: one result in µg/L, the same result again, a preliminary one, and one below detection. */
export const labCollection: Bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:7b0d2f1e-9a0c-4c8e-a0b1-3f2e1d0c9b8a',
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: LOINC, code: '62292-8' }] },
        effectiveDateTime: '2026-05-20T09:40:00+02:00',
        valueQuantity: { value: 41, unit: 'µg/L', system: UCUM, code: 'ug/L' },
      },
    },
    {
      fullUrl: 'urn:uuid:0c9b8a7b-0d2f-4e9a-8c0b-1f2e3d4c5b6a',
      resource: {
        resourceType: 'Observation',
        status: 'amended',
        code: { coding: [{ system: LOINC, code: '62292-8' }] },
        effectiveDateTime: '2026-05-20T09:40:00+02:00',
        valueQuantity: { value: 41, unit: 'µg/L', system: UCUM, code: 'ug/L' },
      },
    },
    {
      fullUrl: 'urn:uuid:2e3d4c5b-6a7b-4d2f-9e0c-8b1a0c9d8e7f',
      resource: {
        resourceType: 'Observation',
        status: 'preliminary',
        code: { coding: [{ system: LOINC, code: '62292-8' }] },
        effectiveDateTime: '2026-06-01T09:00:00+02:00',
        valueQuantity: { value: 38, unit: 'ng/mL', system: UCUM, code: 'ng/mL' },
      },
    },
    {
      fullUrl: 'urn:uuid:5b6a7b0d-2f1e-4c8e-a0b1-9a0c3f2e1d0c',
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: LOINC, code: '14635-7' }] },
        effectiveDateTime: '2026-06-15T09:00:00+02:00',
        valueQuantity: { value: 10, comparator: '<', unit: 'nmol/L', system: UCUM, code: 'nmol/L' },
      },
    },
  ],
};
