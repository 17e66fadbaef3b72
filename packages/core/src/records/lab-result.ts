import { z } from 'zod';
import { LOINC } from '../exchange/fhir/codes.ts';
import {
  checkInRange,
  EnteredValueSchema,
  IdSchema,
  LabelSchema,
  LocalDateSchema,
  NoteSchema,
  RecordTimestampsShape,
  type ValueRange,
} from './common.ts';
import { BloodUnitSchema } from './profile.ts';

/**
 * What a lab result measured. Only total serum 25-hydroxyvitamin D (D2 + D3) and calcium; calcitriol
 * (1,25-dihydroxyvitamin D) is a different test and is not accepted as 25(OH)D. See: docs/medical-reference.md §1.
 */
export const AnalyteSchema = z.enum(['25-hydroxyvitamin-d-total', 'calcium']);
export type Analyte = z.infer<typeof AnalyteSchema>;

export const ANALYTE_LABELS: Record<Analyte, string> = {
  '25-hydroxyvitamin-d-total': '25-hydroxyvitamin D (total)',
  calcium: 'Calcium',
};

/** Units a person may enter a calcium result in. Sunlog does not convert them (no factor in the reference). */
export const CalciumUnitSchema = z.enum(['mg/dL', 'mmol/L']);
export type CalciumUnit = z.infer<typeof CalciumUnitSchema>;

/** LOINC codes Sunlog uses when a person did not record the lab's own code. See: docs/medical-reference.md §5.1. */
export const DEFAULT_LOINC: Record<Analyte, string> = {
  '25-hydroxyvitamin-d-total': LOINC.vitaminDTotalMass.code,
  calcium: LOINC.calciumMass.code,
};

/** A LOINC code as printed, e.g. "62292-8": digits, a hyphen and a check digit. */
export const LoincCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}-\d$/, { error: 'Use a LOINC code such as 62292-8' });

const vitaminDUnitSchema = z.enum(BloodUnitSchema.options, {
  error: (issue) =>
    `${describeInput(issue.input)} is not a unit for 25-hydroxyvitamin D: use ng/mL or nmol/L` +
    (isCalciumUnit(issue.input) ? ` (${issue.input} is a calcium unit)` : ''),
});

const calciumUnitSchema = z.enum(CalciumUnitSchema.options, {
  error: (issue) =>
    `${describeInput(issue.input)} is not a unit for calcium: use mg/dL or mmol/L` +
    (isVitaminDUnit(issue.input) ? ` (${issue.input} is a vitamin D unit)` : ''),
});

function describeInput(input: unknown): string {
  return typeof input === 'string' ? `"${input}"` : 'This';
}

function isCalciumUnit(input: unknown): boolean {
  return CalciumUnitSchema.safeParse(input).success;
}

function isVitaminDUnit(input: unknown): boolean {
  return BloodUnitSchema.safeParse(input).success;
}

/** A reference range as printed on the lab report; one bound may be missing ("< 100", "> 30"). */
function referenceRangeSchema<U extends z.ZodType<string>>(unit: U) {
  return z
    .strictObject({
      low: z.number().nonnegative().max(100_000).optional(),
      high: z.number().nonnegative().max(100_000).optional(),
      unit,
    })
    .refine((range) => range.low !== undefined || range.high !== undefined, {
      error: 'Give at least a low or a high value',
    })
    .refine((range) => range.low === undefined || range.high === undefined || range.low <= range.high, {
      error: 'The low value cannot be above the high value',
      path: ['high'],
    });
}

/**
 * What a 25(OH)D result may be: up to 1,000 ng/mL (2,500 nmol/L at 1 ng/mL = 2.496 nmol/L, §1), far
 * above the levels docs/medical-reference.md §2.1 names (most toxic cases above 150 ng/mL, 375 nmol/L),
 * so a real result always passes and only a typing slip is refused.
 */
export const VITAMIN_D_LEVEL_RANGES: Readonly<Record<z.infer<typeof BloodUnitSchema>, ValueRange>> = {
  'ng/mL': { min: 0.1, max: 1_000 },
  'nmol/L': { min: 0.25, max: 2_500 },
};

/** What a calcium result may be: a typing-slip bound in either unit, not a medical range. */
export const CALCIUM_LEVEL_RANGES: Readonly<Record<CalciumUnit, ValueRange>> = {
  'mg/dL': { min: 0.1, max: 100 },
  'mmol/L': { min: 0.025, max: 25 },
};

function levelSchema<U extends string>(unit: z.ZodType<U>, ranges: Readonly<Record<U, ValueRange>>) {
  return z
    .strictObject({ value: EnteredValueSchema, unit })
    .superRefine((level, ctx) => checkInRange(level.value, ranges[level.unit], level.unit, ctx, ['value']));
}

const vitaminDFields = {
  analyte: z.literal('25-hydroxyvitamin-d-total'),
  /** The result as entered, in the unit on the report. */
  level: levelSchema(vitaminDUnitSchema, VITAMIN_D_LEVEL_RANGES),
  referenceRange: referenceRangeSchema(vitaminDUnitSchema).optional(),
};

const calciumFields = {
  analyte: z.literal('calcium'),
  level: levelSchema(calciumUnitSchema, CALCIUM_LEVEL_RANGES),
  referenceRange: referenceRangeSchema(calciumUnitSchema).optional(),
};

const sharedFields = {
  /** The local date the blood was drawn. */
  sampleDate: LocalDateSchema,
  labName: LabelSchema.optional(),
  /** The LOINC code printed on the report, if the person recorded it; otherwise see DEFAULT_LOINC. */
  loincCode: LoincCodeSchema.optional(),
  note: NoteSchema.optional(),
};

/** One blood test result, with the unit and reference range printed on the report. */
export const LabResultSchema = z.discriminatedUnion('analyte', [
  z.strictObject({ id: IdSchema, ...vitaminDFields, ...sharedFields, ...RecordTimestampsShape }),
  z.strictObject({ id: IdSchema, ...calciumFields, ...sharedFields, ...RecordTimestampsShape }),
]);
export type LabResult = z.infer<typeof LabResultSchema>;
export type VitaminDLabResult = Extract<LabResult, { analyte: '25-hydroxyvitamin-d-total' }>;

/** A new or replaced lab result as a client sends it: the client's id, no server timestamps. */
export const LabResultCreateSchema = z.discriminatedUnion('analyte', [
  z.strictObject({ id: IdSchema, ...vitaminDFields, ...sharedFields }),
  z.strictObject({ id: IdSchema, ...calciumFields, ...sharedFields }),
]);
export type LabResultCreate = z.infer<typeof LabResultCreateSchema>;
