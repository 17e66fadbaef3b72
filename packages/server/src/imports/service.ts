import { parseExportText, type ReadExport } from '@sunlog/core/exchange/export-read';
import {
  type ExportImportPreview,
  type ImportOutcome,
  PREVIEW_CONFLICTS_SHOWN,
} from '@sunlog/core/exchange/import-api';
import {
  type ConflictChoices,
  type ImportPlan,
  planImport,
  resolveConflicts,
} from '@sunlog/core/exchange/import-plan';
import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts/service.ts';
import type { User } from '../accounts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import { RECORD_KINDS, type RecordKind } from '../records/kinds.ts';
import type { RecordService } from '../records/service.ts';
import type { RequestMeta } from '../request-meta.ts';
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

  async #plan(trx: Kysely<Database>, user: User, read: ReadExport): Promise<ImportPlan> {
    const profile = await this.#accounts.getProfileIn(trx, user.id);
    const records = await this.#records.readEveryIn(trx, user.id);
    return planImport(read.document, { profile, records });
  }
}

/** The export in `file` (base64), or `invalid-file` naming the line or the field of the first problem. */
function readExportFile(file: string): ReadExport {
  const parsed = parseExportText(fileText(decodeBase64File(file)));
  if (!parsed.ok) throw invalidFile(parsed.error.message, parsed.error.path);
  return parsed.value;
}
