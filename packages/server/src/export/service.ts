import { localDateOf, toOffsetDateTime } from '@sunlog/core/calendar';
import { buildExport, type ExportV1 } from '@sunlog/core/exchange/export-v1';
import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts/service.ts';
import type { User } from '../accounts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import type { RecordService } from '../records/service.ts';
import type { RequestMeta } from '../request-meta.ts';

/** An export document and the person's local date it was made on (for the file name). */
export interface MadeExport {
  document: ExportV1;
  localDate: string;
}

/** Everything a person recorded, as one export-v1 document (packages/core/src/exchange/export-v1.ts). */
export class ExportService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;
  readonly #records: RecordService;

  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    audit: AuditLog;
    accounts: AccountService;
    records: RecordService;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
    this.#records = deps.records;
  }

  /** The person's profile and live records (deleted ones left out), dated in their time zone; audited. */
  async exportFor(user: User, meta: RequestMeta): Promise<MadeExport> {
    const { profile } = await this.#accounts.getAccount(user);
    const records = await this.#records.readAll(user.id);
    const now = this.#clock();
    const document = buildExport({ profile, ...records }, toOffsetDateTime(now, profile.timeZone));
    await this.#audit.record(this.#db, {
      action: 'export',
      outcome: 'success',
      userId: user.id,
      requestId: meta.requestId,
      detail: { format: document.format, version: document.version },
    });
    return { document, localDate: localDateOf(now, profile.timeZone) };
  }
}
