import { type DomainError, err, ok, type Result } from '../result.ts';
import { parseWith } from '../validation.ts';
import { EXPORT_FORMAT, EXPORT_VERSION_1, ExportV1Schema } from './export-v1.ts';
import { EXPORT_VERSION_2, type ExportV2, ExportV2Schema } from './export-v2.ts';
import { parseJsonText } from './json-text.ts';

/** The version Sunlog writes today. */
export const CURRENT_EXPORT_VERSION = EXPORT_VERSION_2;

/** The versions Sunlog reads. */
export const READABLE_EXPORT_VERSIONS: readonly number[] = [EXPORT_VERSION_1, EXPORT_VERSION_2];

/** An export as read: the document in today's shape, and the version the file was written in. */
export interface ReadExport {
  fileVersion: number;
  document: ExportV2;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a parsed JSON value as a Sunlog export of any readable version; a version 1 document comes
 * back in the version 2 shape (it simply has no account, history or activity). Fails with
 * `not-a-sunlog-export`, then `unsupported-export-version`, then `invalid-export` whose message starts
 * with the path of the first problem, e.g. "intakes[3].amount.unit: …".
 */
export function parseExport(input: unknown): Result<ReadExport, DomainError> {
  if (!isObject(input) || input.format !== EXPORT_FORMAT) {
    return err({
      code: 'not-a-sunlog-export',
      message: 'This is not a Sunlog export: it has no "format": "sunlog-export"',
    });
  }
  if (input.version === EXPORT_VERSION_1) {
    const parsed = parseWith(ExportV1Schema, input, 'invalid-export');
    if (!parsed.ok) return parsed;
    return ok({ fileVersion: EXPORT_VERSION_1, document: { ...parsed.value, version: EXPORT_VERSION_2 } });
  }
  if (input.version === EXPORT_VERSION_2) {
    const parsed = parseWith(ExportV2Schema, input, 'invalid-export');
    if (!parsed.ok) return parsed;
    return ok({ fileVersion: EXPORT_VERSION_2, document: parsed.value });
  }
  return err({
    code: 'unsupported-export-version',
    message: `This Sunlog export has version ${JSON.stringify(input.version) ?? 'none'}; this version of Sunlog reads versions ${READABLE_EXPORT_VERSIONS.join(' and ')}`,
    path: 'version',
  });
}

/** Reads export text (a .json file's content); fails with `invalid-json`, naming the line, when it is not JSON. */
export function parseExportText(text: string): Result<ReadExport, DomainError> {
  const value = parseJsonText(text);
  return value.ok ? parseExport(value.value) : value;
}

/** An export as JSON text: pretty-printed with 2 spaces and a trailing newline, as a person saves it. */
export function serializeExport(document: { format: typeof EXPORT_FORMAT; version: number }): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
