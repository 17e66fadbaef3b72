import {
  type ConflictChoicesSchema,
  type CsvImportKindSchema,
  CsvImportPreviewSchema,
  ExportImportPreviewSchema,
  FileImportOutcomeSchema,
  ImportOutcomeSchema,
  LabResultsImportPreviewSchema,
} from '@sunlog/core/exchange/import-api';
import type { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/**
 * The client for the person's own data: downloads (JSON export, CSV per kind), imports (always a
 * preview that writes nothing, then an all-or-nothing commit) and deleting the account.
 * Shapes come from @sunlog/core/exchange/import-api, the same schemas the server validates with.
 */

export type CsvImportKind = z.infer<typeof CsvImportKindSchema>;
export type ConflictChoices = z.infer<typeof ConflictChoicesSchema>;
export type ExportImportPreview = z.infer<typeof ExportImportPreviewSchema>;
export type CsvImportPreview = z.infer<typeof CsvImportPreviewSchema>;
export type LabResultsImportPreview = z.infer<typeof LabResultsImportPreviewSchema>;

/** The address of the JSON export, with the parts the person ticked. A plain link downloads it. */
export function exportUrl(options: { history: boolean; activity: boolean }): string {
  const params = new URLSearchParams();
  if (options.history) params.set('history', 'true');
  if (options.activity) params.set('activity', 'true');
  const query = params.toString();
  return `/api/v1/export${query === '' ? '' : `?${query}`}`;
}

/** The record kinds with a CSV download, in the order Settings lists them. */
export const CSV_EXPORT_KINDS = [
  'intakes',
  'lab-results',
  'symptom-checks',
  'regimens',
  'flares',
  'check-ins',
] as const;
export type CsvExportKind = (typeof CSV_EXPORT_KINDS)[number];

export function csvExportUrl(kind: CsvExportKind): string {
  return `/api/v1/export/csv/${kind}`;
}

/**
 * A file's bytes as a data: URL, which the import routes accept as they are: the server reads exactly
 * what is on disk, so it (not the browser) decides about encodings and names the line of a problem.
 */
export function readFileForUpload(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function previewExportImport(file: string): Promise<ExportImportPreview> {
  return requestJson('POST', '/import/preview', ExportImportPreviewSchema, { file });
}

export function commitExportImport(file: string, conflicts: ConflictChoices) {
  return requestJson('POST', '/import', ImportOutcomeSchema, { file, conflicts });
}

export interface CsvImportInput {
  kind: CsvImportKind;
  file: string;
  mapping?: Record<string, string> | undefined;
  dateOrder?: 'day-first' | 'month-first' | undefined;
}

function csvBody(input: CsvImportInput) {
  return {
    kind: input.kind,
    file: input.file,
    ...(input.mapping === undefined ? {} : { mapping: input.mapping }),
    ...(input.dateOrder === undefined ? {} : { dateOrder: input.dateOrder }),
  };
}

export function previewCsvImport(input: CsvImportInput): Promise<CsvImportPreview> {
  return requestJson('POST', '/import/csv/preview', CsvImportPreviewSchema, csvBody(input));
}

export function commitCsvImport(input: CsvImportInput) {
  return requestJson('POST', '/import/csv', FileImportOutcomeSchema, csvBody(input));
}

export function previewLabResultsImport(file: string): Promise<LabResultsImportPreview> {
  return requestJson('POST', '/import/lab-results/preview', LabResultsImportPreviewSchema, { file });
}

export function commitLabResultsImport(file: string) {
  return requestJson('POST', '/import/lab-results', FileImportOutcomeSchema, { file });
}

/** Deletes the signed-in person's account and everything in it; the server clears the session cookie. */
export function deleteAccount(input: { password: string; confirmation: string }): Promise<void> {
  return requestEmpty('DELETE', '/me', input);
}
