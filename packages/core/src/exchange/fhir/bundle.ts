import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  Condition,
  DocumentReference,
  Dosage,
  Quantity as FhirQuantity,
  MedicationAdministration,
  MedicationStatement,
  Meta,
  Observation,
  ObservationComponent,
  ObservationReferenceRange,
  Patient,
  Resource,
  Timing,
} from '@medplum/fhirtypes';
import type { LocalDate } from '../../records/common.ts';
import type { Flare } from '../../records/flare.ts';
import { FLARE_LABEL } from '../../records/flare-wording.ts';
import type { Intake } from '../../records/intake.ts';
import { ANALYTE_LABELS, DEFAULT_LOINC, type LabResult } from '../../records/lab-result.ts';
import type { IntakeUnit } from '../../records/profile.ts';
import type { Regimen, Schedule } from '../../records/regimen.ts';
import type { SymptomCheck } from '../../records/symptom-check.ts';
import { SYMPTOM_SCALES, type SymptomScale } from '../../records/symptom-scales.ts';
import { type Quantity, roundTo, toIu, toMicrograms, toNgPerMl, toNmolPerL } from '../../units.ts';
import { ATC, CODE_SYSTEMS, type KnownCode, LOINC, RXNORM, SNOMED } from './codes.ts';

/**
 * One person's records for a date range as a FHIR R4 Bundle of type `collection`, for a clinician's
 * record system. What goes where follows docs/medical-reference.md §5.3; codes come from codes.ts (§5.1,
 * §5.2); docs/sharing.md explains the choices.
 *
 * - Patient: the display name only, as text (nothing else is known or needed).
 * - Condition: multiple sclerosis (SNOMED CT 24700007), `verificationStatus` unconfirmed because the
 *   person entered it (§5.3).
 * - MedicationStatement per regimen that overlaps the range (RxNorm and ATC for D3 / D2, §5.2).
 * - MedicationAdministration per logged dose (taken: `completed`; skipped: `not-done`). R4's
 *   MedicationAdministration records that a medicine was taken at a time by a subject, and its performer
 *   may be the patient, so it carries a self-logged dose better than one MedicationStatement per dose,
 *   which R4 means as an account of use over time; each one points at its regimen's statement.
 * - Observation (category `laboratory`) per blood result, with LOINC, a UCUM quantity, the lab's
 *   reference range and an interpretation against it.
 * - Observation (category `survey`) per symptom check (one component per rating, 0–10) and per flare-up
 *   (a period; SNOMED CT "exacerbation of MS" with the text "suspected relapse", never a diagnosis, §4).
 * Every resource carries `meta.tag` patient-generated.
 */

/** What the builder reads: the person and their live records (any range; the builder filters). */
export interface FhirBundleInput {
  person: { id: string; displayName: string };
  range: { from: LocalDate; to: LocalDate };
  /** When the Bundle is made, an ISO date-time with offset (Bundle.timestamp). */
  generatedAt: string;
  regimens: readonly Regimen[];
  intakes: readonly Intake[];
  labResults: readonly LabResult[];
  symptomChecks: readonly SymptomCheck[];
  flares: readonly Flare[];
  /**
   * The clinician report as a PDF, to travel inside the Bundle as a DocumentReference (a SMART Health
   * Link carries one Bundle, so the report goes with it rather than as a second file).
   */
  report?: ReportAttachment;
}

/** A rendered report to attach: its title and the PDF's bytes as base64. */
export interface ReportAttachment {
  title: string;
  pdfBase64: string;
}

/** The tag every resource in the Bundle carries: the person entered it, not a clinician or a device. */
export const PATIENT_GENERATED_TAG: Coding = {
  system: CODE_SYSTEMS.sunlogTag,
  code: 'patient-generated',
  display: 'Patient-generated data, entered by the person in Sunlog',
};

/** UCUM codes and the unit shown beside them. See: docs/medical-reference.md §1. */
const UCUM: Record<string, { code: string; unit: string }> = {
  IU: { code: '[IU]', unit: 'IU' },
  ug: { code: 'ug', unit: 'µg' },
  'ng/mL': { code: 'ng/mL', unit: 'ng/mL' },
  'nmol/L': { code: 'nmol/L', unit: 'nmol/L' },
  'mg/dL': { code: 'mg/dL', unit: 'mg/dL' },
  'mmol/L': { code: 'mmol/L', unit: 'mmol/L' },
};

/** LOINC 25(OH)D codes whose property is moles/volume (the rest are mass/volume). §5.1. */
const MOLAR_LOINC_CODES: ReadonlySet<string> = new Set([LOINC.vitaminD3Molar.code]);

/** Words for the built-in ratings, as the app shows them. */
export const SCALE_TEXT: Record<SymptomScale, string> = {
  fatigue: 'Fatigue',
  energy: 'Energy',
  mobility: 'Mobility',
  mood: 'Mood',
  sleep: 'Sleep',
  pain: 'Pain',
  overallWellness: 'Overall wellness',
};

const meta: Meta = { tag: [PATIENT_GENERATED_TAG] };

function coding(known: KnownCode): Coding {
  return { system: known.system, code: known.code, display: known.display };
}

function quantity(value: number, unit: string): FhirQuantity {
  const ucum = UCUM[unit];
  if (ucum === undefined) throw new Error(`No UCUM code for ${unit}`);
  return { value, unit: ucum.unit, system: CODE_SYSTEMS.ucum, code: ucum.code };
}

function category(code: 'laboratory' | 'survey'): CodeableConcept[] {
  const display = code === 'laboratory' ? 'Laboratory' : 'Survey';
  return [{ coding: [{ system: CODE_SYSTEMS.observationCategory, code, display }] }];
}

/** A vitamin D amount as text in both units, "1000 IU (25 µg)". */
export function bothIntakeUnits(amount: Quantity<IntakeUnit>): string {
  const iu = roundTo(toIu(amount), 0);
  const ug = roundTo(toMicrograms(amount), 2);
  return amount.unit === 'IU' ? `${iu} IU (${ug} µg)` : `${ug} µg (${iu} IU)`;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function timingOf(schedule: Schedule): Timing {
  switch (schedule.kind) {
    case 'daily':
      return { repeat: { frequency: 1, period: 1, periodUnit: 'd' } };
    case 'every-n-days':
      return { repeat: { frequency: 1, period: schedule.everyDays, periodUnit: 'd' } };
    case 'weekly':
      return {
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd',
          dayOfWeek: [...schedule.weekdays].sort((a, b) => a - b).map((day) => WEEKDAYS[day - 1] ?? 'mon'),
        },
      };
  }
}

function scheduleText(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'daily':
      return 'every day';
    case 'every-n-days':
      return `every ${schedule.everyDays} days`;
    case 'weekly':
      return `every week on ${[...schedule.weekdays]
        .sort((a, b) => a - b)
        .map((day) => WEEKDAYS[day - 1])
        .join(', ')}`;
  }
}

function medicationOf(regimen: Pick<Regimen, 'form' | 'productName'>): CodeableConcept {
  const codes =
    regimen.form === 'D3'
      ? [RXNORM.cholecalciferol, ATC.colecalciferol]
      : [RXNORM.ergocalciferol, ATC.ergocalciferol];
  const name = regimen.form === 'D3' ? 'vitamin D3, cholecalciferol' : 'vitamin D2, ergocalciferol';
  return { coding: codes.map(coding), text: `${regimen.productName} (${name})` };
}

const ONE_OFF_MEDICATION: CodeableConcept = {
  text: 'Vitamin D (one-off dose, form not recorded)',
};

const inRange = (date: LocalDate, range: FhirBundleInput['range']) => date >= range.from && date <= range.to;

const overlaps = (start: LocalDate, end: LocalDate | undefined, range: FhirBundleInput['range']) =>
  start <= range.to && (end === undefined || end >= range.from);

function entry(resource: Resource): BundleEntry {
  return { fullUrl: `urn:uuid:${resource.id ?? ''}`, resource };
}

const ref = (id: string) => ({ reference: `urn:uuid:${id}` });

/** Builds the Bundle. Pure: the same input gives the same Bundle. */
export function buildFhirBundle(input: FhirBundleInput): Bundle {
  const { person, range } = input;
  const patientRef = { ...ref(person.id), display: person.displayName };
  const patient: Patient = {
    resourceType: 'Patient',
    id: person.id,
    meta,
    name: [{ text: person.displayName }],
  };
  const condition: Condition = {
    resourceType: 'Condition',
    // A stable id derived from the person's: the same person's Bundles name the same Condition.
    id: derivedId(person.id, 'c'),
    meta,
    clinicalStatus: {
      coding: [{ system: CODE_SYSTEMS.conditionClinical, code: 'active', display: 'Active' }],
    },
    verificationStatus: {
      coding: [{ system: CODE_SYSTEMS.conditionVerification, code: 'unconfirmed', display: 'Unconfirmed' }],
    },
    category: [
      {
        coding: [
          { system: CODE_SYSTEMS.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' },
        ],
      },
    ],
    code: {
      coding: [coding(SNOMED.multipleSclerosis)],
      text: 'Multiple sclerosis (as reported by the person)',
    },
    subject: patientRef,
    asserter: patientRef,
  };

  const regimens = input.regimens
    .filter((regimen) => overlaps(regimen.startDate, regimen.endDate, range))
    .sort((a, b) => compare(a.startDate, b.startDate) || compare(a.id, b.id));
  const regimenIds = new Set(regimens.map((regimen) => regimen.id));
  const allRegimens = new Map(input.regimens.map((regimen) => [regimen.id, regimen]));

  const statements: MedicationStatement[] = regimens.map((regimen) => {
    const dosage: Dosage = {
      text: `${bothIntakeUnits(regimen.amountPerDose)} ${scheduleText(regimen.schedule)}`,
      timing: timingOf(regimen.schedule),
      route: { text: 'By mouth' },
      doseAndRate: [{ doseQuantity: quantity(regimen.amountPerDose.value, regimen.amountPerDose.unit) }],
    };
    const ended = regimen.endDate !== undefined && regimen.endDate < range.to;
    return {
      resourceType: 'MedicationStatement',
      id: regimen.id,
      meta,
      status: ended ? 'completed' : 'active',
      medicationCodeableConcept: medicationOf(regimen),
      subject: patientRef,
      effectivePeriod: {
        start: regimen.startDate,
        ...(regimen.endDate === undefined ? {} : { end: regimen.endDate }),
      },
      dateAsserted: regimen.updatedAt,
      informationSource: patientRef,
      ...(regimen.note === undefined ? {} : { note: [{ text: regimen.note }] }),
      dosage: [dosage],
    };
  });

  const administrations: MedicationAdministration[] = input.intakes
    .filter((intake) => inRange(intake.localDate, range))
    .sort((a, b) => compare(a.takenAt, b.takenAt) || compare(a.id, b.id))
    .map((intake) => {
      const regimen = intake.regimenId === undefined ? undefined : allRegimens.get(intake.regimenId);
      const taken = intake.status === 'taken';
      const notes = [
        ...(taken ? [] : [`Skipped; the dose due was ${bothIntakeUnits(intake.amount)}`]),
        ...(intake.note === undefined ? [] : [intake.note]),
      ];
      return {
        resourceType: 'MedicationAdministration',
        id: intake.id,
        meta,
        status: taken ? 'completed' : 'not-done',
        ...(taken ? {} : { statusReason: [{ text: 'Skipped by the person' }] }),
        medicationCodeableConcept: regimen === undefined ? ONE_OFF_MEDICATION : medicationOf(regimen),
        subject: patientRef,
        effectiveDateTime: intake.takenAt,
        performer: [{ actor: patientRef }],
        ...(regimen !== undefined && regimenIds.has(regimen.id)
          ? { supportingInformation: [ref(regimen.id)] }
          : {}),
        ...(notes.length === 0 ? {} : { note: notes.map((text) => ({ text })) }),
        dosage: {
          text: bothIntakeUnits(intake.amount),
          route: { text: 'By mouth' },
          dose: quantity(intake.amount.value, intake.amount.unit),
        },
      };
    });

  const labObservations: Observation[] = input.labResults
    .filter((result) => inRange(result.sampleDate, range))
    .sort((a, b) => compare(a.sampleDate, b.sampleDate) || compare(a.createdAt, b.createdAt))
    .map((result) => labObservation(result, patientRef));

  const symptomObservations: Observation[] = input.symptomChecks
    .filter((check) => inRange(check.localDate, range))
    .sort((a, b) => compare(a.localDate, b.localDate) || compare(a.createdAt, b.createdAt))
    .map((check) => symptomObservation(check, patientRef));

  const flareObservations: Observation[] = input.flares
    .filter((flare) => overlaps(flare.startDate, flare.endDate, range))
    .sort((a, b) => compare(a.startDate, b.startDate) || compare(a.id, b.id))
    .map((flare) => flareObservation(flare, patientRef));

  const resources: Resource[] = [
    patient,
    condition,
    ...statements,
    ...administrations,
    ...labObservations,
    ...symptomObservations,
    ...flareObservations,
    ...(input.report === undefined ? [] : [reportDocument(input, patientRef)]),
  ];
  return {
    resourceType: 'Bundle',
    id: derivedId(person.id, 'b'),
    meta: { ...meta, lastUpdated: input.generatedAt },
    type: 'collection',
    timestamp: input.generatedAt,
    entry: resources.map(entry),
  };
}

/**
 * The PDF report as a DocumentReference: `current`, typed by text only (base R4 binds no required code
 * for a patient-made summary), with the PDF inline as base64 so the Bundle stands alone.
 */
function reportDocument(
  input: FhirBundleInput,
  subject: { reference: string; display: string },
): DocumentReference {
  const report = input.report as ReportAttachment;
  return {
    resourceType: 'DocumentReference',
    // Stable like the Condition's: the same person's Bundles name the same report document.
    id: derivedId(input.person.id, 'd'),
    meta,
    status: 'current',
    type: { text: 'Vitamin D and MS summary made by the person in Sunlog (not checked by a clinician)' },
    subject,
    date: input.generatedAt,
    author: [subject],
    description: `Report for ${input.range.from} to ${input.range.to}`,
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          language: 'en',
          data: report.pdfBase64,
          title: report.title,
          creation: input.generatedAt,
        },
      },
    ],
  };
}

/** The 25(OH)D or calcium Observation for one blood result. */
function labObservation(result: LabResult, subject: { reference: string; display: string }): Observation {
  const loinc = result.loincCode ?? DEFAULT_LOINC[result.analyte];
  let value: FhirQuantity;
  let range: ObservationReferenceRange | undefined;
  let code: CodeableConcept;
  let note: string | undefined;
  let low: number | undefined;
  let high: number | undefined;
  let compared: number;
  if (result.analyte === '25-hydroxyvitamin-d-total') {
    // The code's property decides the unit: a mass/volume LOINC code carries ng/mL, a moles/volume one
    // nmol/L (§5.1: export in ng/mL unless the lab's own code says otherwise). A converted value keeps the
    // value as entered in a note; conversion uses 2.496 (§1).
    const unit = MOLAR_LOINC_CODES.has(loinc) ? 'nmol/L' : 'ng/mL';
    const convert = (amount: number) =>
      unit === result.level.unit
        ? amount
        : roundTo(
            unit === 'ng/mL'
              ? toNgPerMl({ value: amount, unit: result.level.unit })
              : toNmolPerL({ value: amount, unit: result.level.unit }),
            2,
          );
    compared = convert(result.level.value);
    value = quantity(compared, unit);
    if (unit !== result.level.unit)
      note = `As reported by the lab: ${result.level.value} ${result.level.unit}`;
    if (result.referenceRange !== undefined) {
      low = result.referenceRange.low === undefined ? undefined : convert(result.referenceRange.low);
      high = result.referenceRange.high === undefined ? undefined : convert(result.referenceRange.high);
      range = {
        ...(low === undefined ? {} : { low: quantity(low, unit) }),
        ...(high === undefined ? {} : { high: quantity(high, unit) }),
        text: 'Reference range printed by the lab',
      };
    }
    const known = Object.values(LOINC).find((candidate) => candidate.code === loinc);
    code = {
      coding: [known === undefined ? { system: CODE_SYSTEMS.loinc, code: loinc } : coding(known)],
      text: ANALYTE_LABELS[result.analyte],
    };
  } else {
    // Calcium: no unit factor in the reference, so the value stays as entered. LOINC 17861-6 is
    // mass/volume, so a result in mmol/L carries it only when the person recorded that code (§5.1).
    compared = result.level.value;
    value = quantity(result.level.value, result.level.unit);
    if (result.referenceRange !== undefined) {
      low = result.referenceRange.low;
      high = result.referenceRange.high;
      range = {
        ...(low === undefined ? {} : { low: quantity(low, result.level.unit) }),
        ...(high === undefined ? {} : { high: quantity(high, result.level.unit) }),
        text: 'Reference range printed by the lab',
      };
    }
    const recorded = result.loincCode !== undefined;
    const useLoinc = recorded || result.level.unit === 'mg/dL';
    code = {
      ...(useLoinc
        ? {
            coding: [
              loinc === LOINC.calciumMass.code
                ? coding(LOINC.calciumMass)
                : { system: CODE_SYSTEMS.loinc, code: loinc },
            ],
          }
        : {}),
      text: ANALYTE_LABELS[result.analyte],
    };
  }
  const interpretation = interpretationOf(compared, low, high);
  const notes = [
    ...(note === undefined ? [] : [note]),
    ...(result.labName === undefined ? [] : [`Laboratory: ${result.labName}`]),
    ...(result.note === undefined ? [] : [result.note]),
  ];
  return {
    resourceType: 'Observation',
    id: result.id,
    meta,
    status: 'final',
    category: category('laboratory'),
    code,
    subject,
    effectiveDateTime: result.sampleDate,
    performer: [subject],
    valueQuantity: value,
    ...(interpretation === undefined ? {} : { interpretation: [interpretation] }),
    ...(range === undefined ? {} : { referenceRange: [range] }),
    ...(notes.length === 0 ? {} : { note: notes.map((text) => ({ text })) }),
  };
}

/** Low, normal or high against the lab's own range; none without a range. */
export function interpretationOf(value: number, low?: number, high?: number): CodeableConcept | undefined {
  if (low === undefined && high === undefined) return undefined;
  const [code, display] =
    low !== undefined && value < low
      ? ['L', 'Low']
      : high !== undefined && value > high
        ? ['H', 'High']
        : ['N', 'Normal'];
  return {
    coding: [{ system: CODE_SYSTEMS.observationInterpretation, code, display }],
    text: `${display} against the lab's reference range`,
  };
}

function scaleCode(scale: SymptomScale): CodeableConcept {
  const text = `${SCALE_TEXT[scale]}, 0–10 self-rating (not a validated instrument)`;
  // Fatigue is the one rating with a SNOMED CT finding (§5.2 [P]); the others are text.
  return scale === 'fatigue' ? { coding: [coding(SNOMED.fatigue)], text } : { text };
}

function symptomObservation(
  check: SymptomCheck,
  subject: { reference: string; display: string },
): Observation {
  const components: ObservationComponent[] = [
    ...SYMPTOM_SCALES.flatMap((scale) => {
      const score = check.scores[scale];
      return score === undefined ? [] : [{ code: scaleCode(scale), valueInteger: score }];
    }),
    ...check.custom.map((item) => ({
      code: { text: `${item.name}, 0–10 self-rating named by the person` },
      valueInteger: item.score,
    })),
  ];
  return {
    resourceType: 'Observation',
    id: check.id,
    meta,
    status: 'final',
    category: category('survey'),
    code: { text: 'Daily symptom ratings (Sunlog, 0–10, not a validated instrument)' },
    subject,
    effectiveDateTime: check.localDate,
    performer: [subject],
    ...(check.note === undefined ? {} : { note: [{ text: check.note }] }),
    component: components,
  };
}

const TRIGGER_TEXT: Record<Flare['suspectedTrigger'], string> = {
  'fever-or-infection': 'fever or infection',
  heat: 'heat',
  stress: 'stress',
  'none-known': 'none known',
};

function flareObservation(flare: Flare, subject: { reference: string; display: string }): Observation {
  return {
    resourceType: 'Observation',
    id: flare.id,
    meta,
    status: flare.endDate === undefined ? 'preliminary' : 'final',
    category: category('survey'),
    // "Exacerbation of MS" (§5.2 [P]) with the text saying what it is: the person's suspected relapse (§4).
    code: { coding: [coding(SNOMED.msExacerbation)], text: FLARE_LABEL.replace('you', 'the person') },
    subject,
    effectivePeriod: {
      start: flare.startDate,
      ...(flare.endDate === undefined ? {} : { end: flare.endDate }),
    },
    performer: [subject],
    valueString: flare.symptoms.join('; '),
    ...(flare.note === undefined ? {} : { note: [{ text: flare.note }] }),
    component: [
      { code: { text: 'Severity as rated by the person' }, valueString: flare.severity },
      { code: { text: 'Treated with steroids' }, valueBoolean: flare.steroidTreatment },
      { code: { text: 'Suspected trigger' }, valueString: TRIGGER_TEXT[flare.suspectedTrigger] },
    ],
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A UUID-shaped id derived from another by changing its first hex digit group's last character to a tag,
 * so derived resources have ids that are stable and distinct from any record's within one Bundle. When
 * that character already is the tag, the derived id would be the person's own (the Patient's), so `e`
 * stands in: it is no tag, and only the one tag equal to the character needs it, so all stay distinct.
 */
function derivedId(id: string, tag: 'b' | 'c' | 'd'): string {
  const character = id.charAt(7) === tag ? 'e' : tag;
  return `${id.slice(0, 7)}${character}${id.slice(8)}`;
}
