import { canonicalJson } from '@sunlog/core/canonical-json';
import {
  CSV_IMPORT_FIELDS,
  type CsvImportKind,
  type CsvLineError,
  type CsvMapping,
  describeLineError,
  readCsvRecords,
} from '@sunlog/core/exchange/csv/import-mapping';
import { type DuplicateKind, splitDuplicates } from '@sunlog/core/exchange/duplicates';
import { parseExportText, type ReadExport } from '@sunlog/core/exchange/export-read';
import { readLabResults } from '@sunlog/core/exchange/fhir/import-lab-results';
import {
  type CsvImportPreview,
  type CsvImportRequest,
  type ExportImportPreview,
  type FileImportOutcome,
  type ImportOutcome,
  type LabResultsImportPreview,
  PREVIEW_CONFLICTS_SHOWN,
  PREVIEW_ERRORS_SHOWN,
} from '@sunlog/core/exchange/import-api';
import {
  type ConflictChoices,
  type ImportPlan,
  planImport,
  resolveConflicts,
} from '@sunlog/core/exchange/import-plan';
import { parseJsonText } from '@sunlog/core/exchange/json-text';
import { recordContent } from '@sunlog/core/records/collections';
import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts/service.ts';
import type { User } from '../accounts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import { RECORD_KINDS, type RecordKind } from '../records/kinds.ts';
import type { RecordService } from '../records/service.ts';
import type { RequestMeta } from '../request-meta.ts';
import { parseCsvTable } from './csv-file.ts';
import { derivedId } from './derived-id.ts';
import { decodeBase64File, fileText, invalidFile } from './file-content.ts';

/**
 * Imports into a person's account: a Sunlog export (any readable version), CSV, or lab results from a
 * FHIR file. Each has a preview that writes nothing, and a commit that writes everything or nothing in
 * one transaction, every record through the records service's idempotent create.
 */
export class ImportService {
  readonly #db: Kysely<Database>;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;
  readonly #records: RecordService;

  constructor(deps: {
    db: Kysely<Database>;
    audit: AuditLog;
    accounts: AccountService;
    records: RecordService;
  }) {
    this.#db = deps.db;
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
    this.#records = deps.records;
  }

  /** What importing the export `file` would add, skip and find in conflict; writes nothing. */
  async previewExport(user: User, file: string): Promise<ExportImportPreview> {
    const read = readExportFile(file);
    const plan = await this.#db.transaction().execute((trx) => this.#plan(trx, user, read));
    const inFileDeleted = read.document.history?.deleted.length ?? 0;
    return {
      fileVersion: read.fileVersion,
      exportedAt: read.document.exportedAt,
      counts: plan.counts,
      dateRange: plan.dateRange,
      conflicts: plan.conflicts.slice(0, PREVIEW_CONFLICTS_SHOWN),
      conflictCount: plan.conflicts.length,
      deleted: { inFile: inFileDeleted, add: plan.addDeleted.length },
      revisions: plan.revisions.length,
      activityIgnored: read.document.activity?.length ?? 0,
    };
  }

  /**
   * Imports the export `file`: everything or nothing, in one transaction. Answers `import-conflict`
   * (and writes nothing) while any conflict has no choice in `choices`.
   */
  async importExport(
    user: User,
    file: string,
    choices: ConflictChoices,
    meta: RequestMeta,
  ): Promise<ImportOutcome> {
    const read = readExportFile(file);
    return this.#db.transaction().execute(async (trx) => {
      const plan = await this.#plan(trx, user, read);
      const resolved = resolveConflicts(plan, choices);
      if (!resolved.ok) throw new SunlogError('import-conflict', resolved.error.message);
      const actions = resolved.value;
      for (const { collection, body } of actions.add) {
        await this.#records.createIn(trx, RECORD_KINDS[collection] as RecordKind, user.id, body);
      }
      for (const { collection, body, restore } of actions.replace) {
        const kind = RECORD_KINDS[collection] as RecordKind;
        if (restore) await this.#records.restoreIn(trx, kind, user.id, body.id, meta);
        await this.#records.replaceIn(trx, kind, user.id, body);
      }
      for (const { collection, body, deletedAt } of actions.addDeleted) {
        const kind = RECORD_KINDS[collection] as RecordKind;
        await this.#records.createIn(trx, kind, user.id, body);
        await this.#records.markDeletedIn(trx, kind, user.id, body.id, deletedAt);
      }
      let revisionsAdded = 0;
      for (const revision of actions.revisions) {
        const kind = RECORD_KINDS[revision.collection] as RecordKind;
        if (await this.#records.addRevisionIn(trx, kind, user.id, revision)) revisionsAdded += 1;
      }
      if (actions.profile !== null) await this.#accounts.updateProfileIn(trx, user, actions.profile, meta);
      const outcome: ImportOutcome = {
        added: actions.add.length,
        replaced: actions.replace.length,
        unchanged: plan.counts.reduce((sum, count) => sum + count.unchanged, 0),
        kept: actions.kept,
        deletedAdded: actions.addDeleted.length,
        revisionsAdded,
        profileUpdated: actions.profile !== null,
      };
      await this.#audit.record(trx, {
        action: 'import',
        outcome: 'success',
        userId: user.id,
        requestId: meta.requestId,
        // Counts only: no health values in the audit trail.
        detail: { source: 'sunlog-export', fileVersion: read.fileVersion, ...outcome },
      });
      return outcome;
    });
  }

  /** What importing the CSV `request.file` would add; with every line's problem, if any. Writes nothing. */
  async previewCsv(user: User, request: CsvImportRequest): Promise<CsvImportPreview> {
    const reading = await this.#readCsv(user, request);
    const sorted = await this.#db
      .transaction()
      .execute((trx) => this.#sort(trx, user, request.kind, reading.candidates));
    return {
      kind: request.kind,
      delimiter: reading.delimiter,
      header: reading.header,
      mapping: definedEntries(reading.mapping),
      unmapped: reading.unmapped,
      lines: reading.lines,
      add: sorted.fresh.length,
      duplicates: sorted.duplicates,
      alreadyImported: sorted.alreadyImported,
      dateRange: dateRangeOf(reading.candidates),
      errors: [...reading.errors, ...sorted.errors].slice(0, PREVIEW_ERRORS_SHOWN),
      errorCount: reading.errors.length + sorted.errors.length,
    };
  }

  /** Imports the CSV `request.file`, all or nothing: nothing is written while any line is in error. */
  async importCsv(user: User, request: CsvImportRequest, meta: RequestMeta): Promise<FileImportOutcome> {
    const reading = await this.#readCsv(user, request);
    return this.#db.transaction().execute(async (trx) => {
      const sorted = await this.#sort(trx, user, request.kind, reading.candidates);
      const errors = [...reading.errors, ...sorted.errors];
      if (errors.length > 0) throw linesInError(errors);
      return this.#write(trx, user, request.kind, sorted, { source: 'csv', kind: request.kind }, meta);
    });
  }

  /** What importing the FHIR lab results in `file` would add and skip. Writes nothing. */
  async previewLabResults(user: User, file: string): Promise<LabResultsImportPreview> {
    const reading = await this.#readLabResults(user, file);
    const sorted = await this.#db
      .transaction()
      .execute((trx) => this.#sort(trx, user, 'labResults', reading.results));
    if (sorted.errors.length > 0) throw linesInError(sorted.errors);
    return {
      found: reading.results.length,
      add: sorted.fresh.length,
      duplicates: sorted.duplicates,
      alreadyImported: sorted.alreadyImported,
      skipped: definedEntries(reading.skipped),
      dateRange: dateRangeOf(reading.results),
    };
  }

  /** Imports the 25(OH)D results of a FHIR Observation or Bundle, never one already logged. */
  async importLabResults(user: User, file: string, meta: RequestMeta): Promise<FileImportOutcome> {
    const reading = await this.#readLabResults(user, file);
    return this.#db.transaction().execute(async (trx) => {
      const sorted = await this.#sort(trx, user, 'labResults', reading.results);
      if (sorted.errors.length > 0) throw linesInError(sorted.errors);
      return this.#write(trx, user, 'labResults', sorted, { source: 'fhir' }, meta);
    });
  }

  async #readCsv(user: User, request: CsvImportRequest) {
    const { table, delimiter } = parseCsvTable(fileText(decodeBase64File(request.file)));
    const { profile } = await this.#accounts.getAccount(user);
    const mapping = request.mapping === undefined ? undefined : knownFields(request.kind, request.mapping);
    const options = {
      timeZone: profile.timeZone,
      dateOrder: request.dateOrder,
      decimalMark: delimiter === ';' ? (',' as const) : ('.' as const),
    };
    const reading = readCsvRecords(request.kind, table, options, mapping);
    return { ...reading, delimiter, header: table.header, lines: table.rows.length };
  }

  async #readLabResults(user: User, file: string) {
    const json = parseJsonText(fileText(decodeBase64File(file)));
    if (!json.ok) throw invalidFile(json.error.message);
    const { profile } = await this.#accounts.getAccount(user);
    const reading = readLabResults(json.value, profile.timeZone);
    if (!reading.ok) throw invalidFile(reading.error.message, reading.error.path);
    return reading.value;
  }

  /**
   * Gives each candidate its id (its own, or one derived from its fingerprint) and sorts them against
   * the account: imported before (same id, same content), the same id with other content (an error
   * naming where), already logged under another id (a duplicate), or new.
   */
  async #sort(
    trx: Kysely<Database>,
    user: User,
    kind: DuplicateKind,
    candidates: readonly FileCandidate[],
  ): Promise<Sorted> {
    const every = await this.#records.readEveryIn(trx, user.id);
    const byId = new Map(every[kind].map((entry) => [entry.record.id, entry]));
    const errors: CsvLineError[] = [];
    let alreadyImported = 0;
    const unseen: (FileCandidate & { body: Record<string, unknown> & { id: string } })[] = [];
    for (const candidate of candidates) {
      const id = candidate.id ?? derivedId(candidate.fingerprint);
      const body = { id, ...candidate.body };
      const mine = byId.get(id);
      if (mine === undefined) unseen.push({ ...candidate, body });
      else if (canonicalJson(recordContent(mine.record)) === canonicalJson(body)) alreadyImported += 1;
      else {
        errors.push({
          line: candidate.line ?? null,
          column: null,
          message: `${candidate.where ?? 'This line'} has the id of a record with other content${mine.deletedAt === null ? '' : ' (deleted)'}: remove its id to import it as a new record`,
        });
      }
    }
    const live = every[kind]
      .filter((entry) => entry.deletedAt === null)
      .map((entry) => ({ collection: kind, body: recordContent(entry.record) as Record<string, unknown> }));
    const split = splitDuplicates(
      unseen.map((candidate) => ({ ...candidate, collection: kind })),
      live,
      {
        withinFile: kind === 'labResults',
      },
    );
    return { fresh: split.fresh, duplicates: split.duplicates.length, alreadyImported, errors };
  }

  async #write(
    trx: Kysely<Database>,
    user: User,
    kind: DuplicateKind,
    sorted: Sorted,
    source: { source: 'csv' | 'fhir'; kind?: string },
    meta: RequestMeta,
  ): Promise<FileImportOutcome> {
    const recordKind = RECORD_KINDS[kind] as RecordKind;
    for (const candidate of sorted.fresh)
      await this.#records.createIn(trx, recordKind, user.id, candidate.body);
    const outcome = {
      add: sorted.fresh.length,
      duplicates: sorted.duplicates,
      alreadyImported: sorted.alreadyImported,
    };
    await this.#audit.record(trx, {
      action: 'import',
      outcome: 'success',
      userId: user.id,
      requestId: meta.requestId,
      detail: { ...source, ...outcome },
    });
    return outcome;
  }

  async #plan(trx: Kysely<Database>, user: User, read: ReadExport): Promise<ImportPlan> {
    const profile = await this.#accounts.getProfileIn(trx, user.id);
    const records = await this.#records.readEveryIn(trx, user.id);
    return planImport(read.document, { profile, records });
  }
}

/** A record read from a file: a CSV line (`line`) or a FHIR entry (`where`), its id if it has one, its content. */
interface FileCandidate {
  line?: number;
  where?: string;
  id?: string | null;
  fingerprint: string;
  filedOn: string;
  body: Record<string, unknown>;
}

interface Sorted {
  fresh: (FileCandidate & { body: Record<string, unknown> & { id: string } })[];
  duplicates: number;
  alreadyImported: number;
  errors: CsvLineError[];
}

/** The earliest and latest filed date of the candidates; null when there are none. */
function dateRangeOf(candidates: readonly { filedOn: string }[]): { from: string; to: string } | null {
  const dates = candidates.map((candidate) => candidate.filedOn).sort();
  const [from, to] = [dates[0], dates.at(-1)];
  return from === undefined || to === undefined ? null : { from, to };
}

/** A record with its undefined members dropped (what JSON would send). */
function definedEntries<V>(record: Partial<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, V] => entry[1] !== undefined),
  );
}

/** The person's mapping, with only the fields this kind has (an unknown field is named, not ignored). */
function knownFields(kind: CsvImportKind, mapping: Record<string, string>): CsvMapping {
  const fields: readonly string[] = CSV_IMPORT_FIELDS[kind];
  const unknown = Object.keys(mapping).filter((field) => !fields.includes(field));
  if (unknown.length > 0) {
    throw new SunlogError(
      'invalid-input',
      `The mapping names fields this kind does not have: ${unknown.join(', ')} (it has ${fields.join(', ')}).`,
      {
        fields: unknown.map((field) => ({ path: `mapping.${field}`, message: 'Not a field of this kind.' })),
      },
    );
  }
  return mapping;
}

/** Nothing is imported while a line is in error: the refusal names the first ones. */
function linesInError(errors: readonly CsvLineError[]): SunlogError {
  const shown = errors.slice(0, 3).map(describeLineError).join('; ');
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  return new SunlogError(
    'invalid-file',
    `Nothing was imported: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in the file. ${shown}${more}`,
    {
      fields: errors.slice(0, 20).map((error) => ({
        path: error.line === null ? 'file' : `file.line${error.line}`,
        message: describeLineError(error),
      })),
    },
  );
}

/** The export in `file` (base64), or `invalid-file` naming the line or the field of the first problem. */
function readExportFile(file: string): ReadExport {
  const parsed = parseExportText(fileText(decodeBase64File(file)));
  if (!parsed.ok) throw invalidFile(parsed.error.message, parsed.error.path);
  return parsed.value;
}
