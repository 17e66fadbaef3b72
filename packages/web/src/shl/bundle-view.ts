import type { LocalDate } from '@sunlog/core/calendar';
import { SNOMED } from '@sunlog/core/exchange/fhir/codes';
import { classifyVitaminDAll } from '@sunlog/core/ranges';
import type { BloodUnit } from '@sunlog/core/records/profile';
import { roundTo, toNgPerMl } from '@sunlog/core/units';

/**
 * What the clinician viewer shows, read from the decrypted FHIR Bundle of a SMART Health Link. The
 * Bundle is Sunlog's own (packages/core/src/exchange/fhir/bundle.ts), but it arrives as untrusted JSON,
 * so every field is read defensively: anything missing or malformed is left out, never guessed.
 */

export interface ViewRegimen {
  medication: string;
  dosage: string;
  start: LocalDate | null;
  end: LocalDate | null;
  active: boolean;
}

export interface ViewDose {
  /** The moment as written in the Bundle (ISO with offset); `date` is its calendar day. */
  at: string;
  date: LocalDate;
  amount: string;
  taken: boolean;
}

export interface ViewLabResult {
  date: LocalDate;
  name: string;
  value: number;
  unit: string;
  /** The lab's printed range, e.g. "20–50 ng/mL", or null. */
  labRange: string | null;
  /** "Low", "Normal" or "High" against the lab's range, or null without one. */
  interpretation: string | null;
  /** For 25(OH)D: the band under each named guideline, "IOM 2011: Adequate". Empty otherwise. */
  bands: string[];
  /** The value in ng/mL when it is a 25(OH)D result (for the chart); null otherwise. */
  vitaminDNgPerMl: number | null;
}

export interface ViewFlare {
  start: LocalDate;
  end: LocalDate | null;
  durationDays: number | null;
  symptoms: string;
  severity: string;
  steroids: boolean | null;
  trigger: string;
}

export interface ViewSymptomMonth {
  scale: string;
  month: string;
  mean: number;
  low: number;
  high: number;
  days: number;
}

export interface ViewSymptomScore {
  scale: string;
  date: LocalDate;
  score: number;
}

export interface BundleView {
  patientName: string;
  /** The first and last dates the Bundle covers: from its report's period, else its entries. */
  range: { from: LocalDate; to: LocalDate } | null;
  regimens: ViewRegimen[];
  doses: ViewDose[];
  labResults: ViewLabResult[];
  flares: ViewFlare[];
  symptomScores: ViewSymptomScore[];
  symptomMonths: ViewSymptomMonth[];
  /** The questions the person wrote in check-ins, when the Bundle carries them. */
  questions: { date: LocalDate; text: string }[];
  /** The PDF report travelling inside the Bundle (DocumentReference), base64, or null. */
  pdf: { title: string; base64: string } | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const dayOf = (value: unknown): LocalDate | null => {
  const written = text(value);
  return written !== undefined && /^\d{4}-\d{2}-\d{2}/.test(written) ? written.slice(0, 10) : null;
};

function codings(concept: unknown): { system?: string; code?: string; display?: string }[] {
  return isObject(concept) ? array(concept.coding).filter(isObject) : [];
}

function hasCode(concept: unknown, known: { system: string; code: string }): boolean {
  return codings(concept).some((coding) => coding.system === known.system && coding.code === known.code);
}

function categoryOf(resource: Json): string | undefined {
  for (const concept of array(resource.category)) {
    const code = codings(concept)[0]?.code;
    if (code !== undefined) return code;
  }
  return undefined;
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** 25(OH)D units the guideline bands know; other units get no band. */
function bloodUnitOf(unit: string): BloodUnit | null {
  return unit === 'ng/mL' || unit === 'nmol/L' ? unit : null;
}

function labResult(resource: Json): ViewLabResult | null {
  const date = dayOf(resource.effectiveDateTime);
  const quantity = isObject(resource.valueQuantity) ? resource.valueQuantity : undefined;
  const value = quantity?.value;
  if (date === null || typeof value !== 'number') return null;
  const unit = text(quantity?.unit) ?? '';
  const name = (isObject(resource.code) && text(resource.code.text)) || 'Blood result';
  const range = isObject(array(resource.referenceRange)[0])
    ? (array(resource.referenceRange)[0] as Json)
    : undefined;
  const edge = (side: unknown) => (isObject(side) && typeof side.value === 'number' ? side.value : undefined);
  const low = edge(range?.low);
  const high = edge(range?.high);
  const labRange =
    low === undefined && high === undefined
      ? null
      : low !== undefined && high !== undefined
        ? `${formatNumber(low)}–${formatNumber(high)} ${unit}`
        : low !== undefined
          ? `from ${formatNumber(low)} ${unit}`
          : `up to ${formatNumber(high ?? 0)} ${unit}`;
  const interpretationConcept = array(resource.interpretation)[0];
  const interpretation =
    (isObject(interpretationConcept) && codings(interpretationConcept)[0]?.display) || null;
  const isVitaminD = /25-hydroxy|25\(OH\)D/i.test(name);
  const bloodUnit = isVitaminD ? bloodUnitOf(unit) : null;
  const bands =
    bloodUnit === null
      ? []
      : classifyVitaminDAll({ value, unit: bloodUnit }).map(
          ({ guideline, category }) => `${guideline.name}: ${category.label}`,
        );
  const vitaminDNgPerMl = bloodUnit === null ? null : roundTo(toNgPerMl({ value, unit: bloodUnit }), 2);
  return { date, name, value, unit, labRange, interpretation, bands, vitaminDNgPerMl };
}

function flare(resource: Json): ViewFlare | null {
  const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod : {};
  const start = dayOf(period.start);
  if (start === null) return null;
  const end = dayOf(period.end);
  const component = (name: string) =>
    array(resource.component).find(
      (item) => isObject(item) && isObject(item.code) && text(item.code.text) === name,
    ) as Json | undefined;
  const steroids = component('Treated with steroids')?.valueBoolean;
  return {
    start,
    end,
    durationDays: end === null ? null : daysBetween(start, end),
    symptoms: text(resource.valueString) ?? '',
    severity: text(component('Severity as rated by the person')?.valueString) ?? '',
    steroids: typeof steroids === 'boolean' ? steroids : null,
    trigger: text(component('Suspected trigger')?.valueString) ?? '',
  };
}

/** "Fatigue, 0–10 self-rating …" → "Fatigue". */
function scaleName(label: string): string {
  return label.split(',')[0]?.trim() || label;
}

function symptomScores(resource: Json): ViewSymptomScore[] {
  const date = dayOf(resource.effectiveDateTime);
  if (date === null) return [];
  return array(resource.component).flatMap((item) => {
    if (!isObject(item) || typeof item.valueInteger !== 'number' || !isObject(item.code)) return [];
    const label = text(item.code.text);
    return label === undefined ? [] : [{ scale: scaleName(label), date, score: item.valueInteger }];
  });
}

/** Mean, lowest and highest score per scale and month, in date order. */
export function symptomMonthsOf(scores: readonly ViewSymptomScore[]): ViewSymptomMonth[] {
  const groups = new Map<string, ViewSymptomScore[]>();
  for (const score of scores) {
    const key = `${score.scale}\u0000${score.date.slice(0, 7)}`;
    groups.set(key, [...(groups.get(key) ?? []), score]);
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const [scale = '', month = ''] = key.split('\u0000');
      const values = group.map((score) => score.score);
      const mean = Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
      return { scale, month, mean, low: Math.min(...values), high: Math.max(...values), days: values.length };
    })
    .sort((a, b) => a.scale.localeCompare(b.scale) || a.month.localeCompare(b.month));
}

function pdfOf(resource: Json): BundleView['pdf'] {
  for (const content of array(resource.content)) {
    const attachment = isObject(content) && isObject(content.attachment) ? content.attachment : undefined;
    const data = text(attachment?.data);
    if (attachment?.contentType === 'application/pdf' && data !== undefined) {
      return { title: text(attachment.title) ?? 'Sunlog report', base64: data };
    }
  }
  return null;
}

/** The report's period: `context.period`, else Sunlog's description "Report for FROM to TO". */
function periodOf(resource: Json): BundleView['range'] {
  const context = isObject(resource.context) ? resource.context : {};
  const period = isObject(context.period) ? context.period : {};
  const from = dayOf(period.start);
  const to = dayOf(period.end);
  if (from !== null && to !== null) return { from, to };
  const described = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(text(resource.description) ?? '');
  return described?.[1] !== undefined && described[2] !== undefined
    ? { from: described[1], to: described[2] }
    : null;
}

/** Reads the Bundle into what the viewer shows; throws when it is not a FHIR Bundle at all. */
export function readBundle(bundle: unknown): BundleView {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle')
    throw new Error('The file is not a FHIR Bundle.');
  const resources = array(bundle.entry).flatMap((entry) =>
    isObject(entry) && isObject(entry.resource) ? [entry.resource] : [],
  );
  const view: BundleView = {
    patientName: '',
    range: null,
    regimens: [],
    doses: [],
    labResults: [],
    flares: [],
    symptomScores: [],
    symptomMonths: [],
    questions: [],
    pdf: null,
  };
  for (const resource of resources) {
    switch (resource.resourceType) {
      case 'Patient': {
        const name = array(resource.name)[0];
        view.patientName = (isObject(name) && text(name.text)) || view.patientName;
        break;
      }
      case 'MedicationStatement': {
        const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod : {};
        const dosage = array(resource.dosage)[0];
        view.regimens.push({
          medication:
            (isObject(resource.medicationCodeableConcept) && text(resource.medicationCodeableConcept.text)) ||
            'Vitamin D',
          dosage: (isObject(dosage) && text(dosage.text)) || '',
          start: dayOf(period.start),
          end: dayOf(period.end),
          active: resource.status === 'active',
        });
        break;
      }
      case 'MedicationAdministration': {
        const at = text(resource.effectiveDateTime);
        const date = dayOf(at);
        if (at === undefined || date === null) break;
        const dosage = isObject(resource.dosage) ? resource.dosage : {};
        view.doses.push({
          at,
          date,
          amount: text(dosage.text) ?? '',
          taken: resource.status === 'completed',
        });
        break;
      }
      case 'Observation': {
        if (categoryOf(resource) === 'laboratory') {
          const result = labResult(resource);
          if (result !== null) view.labResults.push(result);
        } else if (hasCode(resource.code, SNOMED.msExacerbation)) {
          const found = flare(resource);
          if (found !== null) view.flares.push(found);
        } else if (array(resource.component).length > 0) {
          view.symptomScores.push(...symptomScores(resource));
        } else if (/question/i.test((isObject(resource.code) && text(resource.code.text)) || '')) {
          const date = dayOf(resource.effectiveDateTime);
          const asked = text(resource.valueString);
          if (date !== null && asked !== undefined) view.questions.push({ date, text: asked });
        }
        break;
      }
      case 'DocumentReference': {
        view.pdf = view.pdf ?? pdfOf(resource);
        view.range = view.range ?? periodOf(resource);
        break;
      }
      default:
        break;
    }
  }
  view.symptomMonths = symptomMonthsOf(view.symptomScores);
  view.range = view.range ?? spanOf(view);
  return view;
}

/** The earliest and latest dated entry, when the Bundle says nothing about its period. */
function spanOf(view: BundleView): BundleView['range'] {
  const dates = [
    ...view.doses.map((dose) => dose.date),
    ...view.labResults.map((result) => result.date),
    ...view.flares.map((item) => item.start),
    ...view.symptomScores.map((score) => score.date),
  ].sort();
  const from = dates[0];
  const to = dates[dates.length - 1];
  return from === undefined || to === undefined ? null : { from, to };
}
