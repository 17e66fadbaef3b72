import { CheckInCreateSchema, CheckInSchema } from '@sunlog/core/records/check-in';
import { FlareCreateSchema, FlareSchema } from '@sunlog/core/records/flare';
import { IntakeCreateSchema, IntakeSchema } from '@sunlog/core/records/intake';
import { LabResultCreateSchema, LabResultSchema } from '@sunlog/core/records/lab-result';
import { RegimenCreateSchema, RegimenSchema } from '@sunlog/core/records/regimen';
import { SymptomCheckCreateSchema, SymptomCheckSchema } from '@sunlog/core/records/symptom-check';

/**
 * The core schemas of the six record kinds, the same ones the server validates with: `schema` for a
 * stored record, `createSchema` for what a client sends. This module (and zod with it) is loaded after
 * Today's first paint (records.ts loadRecordChecks), never in the first load.
 */
export const RECORD_SCHEMAS = {
  regimens: { schema: RegimenSchema, createSchema: RegimenCreateSchema },
  intakes: { schema: IntakeSchema, createSchema: IntakeCreateSchema },
  'lab-results': { schema: LabResultSchema, createSchema: LabResultCreateSchema },
  'symptom-checks': { schema: SymptomCheckSchema, createSchema: SymptomCheckCreateSchema },
  flares: { schema: FlareSchema, createSchema: FlareCreateSchema },
  'check-ins': { schema: CheckInSchema, createSchema: CheckInCreateSchema },
} as const;
