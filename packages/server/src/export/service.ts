import { localDateOf, toOffsetDateTime } from '@sunlog/core/calendar';
import { recordsToCsv } from '@sunlog/core/exchange/csv/export-columns';
import { buildExport, type ExportV2 } from '@sunlog/core/exchange/export-v2';
import { buildFhirBundle } from '@sunlog/core/exchange/fhir/bundle';
import { resolveShareRange, type ShareRange } from '@sunlog/core/exchange/share-range';

import type { RecordCollection } from '@sunlog/core/records/collections';
import { buildReportModel } from '@sunlog/core/report/report-model';
import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts/service.ts';
import type { User } from '../accounts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import { RECORD_KINDS } from '../records/kinds.ts';
import type { RecordService } from '../records/service.ts';
import { type Paper, renderReportPdf } from '../report/render-pdf.ts';
import type { RequestMeta } from '../request-meta.ts';

/** An export document and the person's local date it was made on (for the file name). */
export interface MadeExport {
  document: ExportV2;
  localDate: string;
}

/** What a person may add to their export beyond their records and profile. */
export interface ExportOptions {
  /** Earlier versions of edited records and recently deleted records. */
  history?: boolean;
  /** Their account activity (the audit trail they can read in Settings). */
  activity?: boolean;
}

/** A date range as asked for: either end may be left out (see resolveShareRange). */
export interface AskedRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Everything a person keeps in Sunlog, as one export document (packages/core/src/exchange/export-v2.ts). */
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

  /** The person's live records of one kind as CSV (packages/core/src/exchange/csv/export-columns.ts); audited. */
  async csvFor(
    user: User,
    collection: RecordCollection,
    meta: RequestMeta,
  ): Promise<{ text: string; localDate: string }> {
    const { profile } = await this.#accounts.getAccount(user);
    const { records } = await this.#records.readAll(user.id);
    const text = recordsToCsv(collection, records[collection] as never[]);
    await this.#audit.record(this.#db, {
      action: 'export',
      outcome: 'success',
      userId: user.id,
      requestId: meta.requestId,
      detail: { format: 'csv', kind: RECORD_KINDS[collection].name },
    });
    return { text, localDate: localDateOf(this.#clock(), profile.timeZone) };
  }

  /**
   * The person's account, profile and live records, with the history and activity when asked for,
   * dated in their time zone; audited (the event names the options, never a value).
   */
  async exportFor(user: User, options: ExportOptions, meta: RequestMeta): Promise<MadeExport> {
    const account = await this.#accounts.describeAccount(user);
    const { profile } = await this.#accounts.getAccount(user);
    const { records, history } = await this.#records.readAll(user.id, { history: options.history === true });
    const activity = options.activity === true ? await this.#audit.readAllFor(this.#db, user.id) : undefined;
    const now = this.#clock();
    const document = buildExport(
      {
        account,
        profile,
        ...records,
        ...(history === undefined ? {} : { history }),
        ...(activity === undefined ? {} : { activity }),
      },
      toOffsetDateTime(now, profile.timeZone),
    );
    await this.#audit.record(this.#db, {
      action: 'export',
      outcome: 'success',
      userId: user.id,
      requestId: meta.requestId,
      detail: {
        format: document.format,
        version: document.version,
        history: options.history === true,
        activity: options.activity === true,
      },
    });
    return { document, localDate: localDateOf(now, profile.timeZone) };
  }

  /**
   * The range asked for with the defaults: up to today in the person's time zone, from their last
   * appointment when they set one, else six months back.
   */
  async rangeFor(
    user: User,
    asked: AskedRange,
  ): Promise<{ range: ShareRange; localDate: string; timeZone: string }> {
    const { profile } = await this.#accounts.getAccount(user);
    const localDate = localDateOf(this.#clock(), profile.timeZone);
    const resolved = resolveShareRange(asked, localDate, profile.lastAppointment);
    if (!resolved.ok) throw new SunlogError('invalid-input', resolved.error.message);
    return { range: resolved.value, localDate, timeZone: profile.timeZone };
  }

  /**
   * The person's live records in the range as a FHIR R4 Bundle (packages/core/src/exchange/fhir/bundle.ts);
   * audited (the event names the format and range, never a value). Reads only this person's records.
   */
  async fhirFor(
    user: User,
    asked: AskedRange,
    meta: RequestMeta,
  ): Promise<{ bundle: ReturnType<typeof buildFhirBundle>; range: ShareRange; localDate: string }> {
    const { profile } = await this.#accounts.getAccount(user);
    const { range, localDate } = await this.rangeFor(user, asked);
    const { records } = await this.#records.readAll(user.id);
    const bundle = buildFhirBundle({
      person: { id: user.id, displayName: profile.displayName },
      range,
      generatedAt: toOffsetDateTime(this.#clock(), profile.timeZone),
      regimens: records.regimens,
      intakes: records.intakes,
      labResults: records.labResults,
      symptomChecks: records.symptomChecks,
      flares: records.flares,
    });
    await this.#audit.record(this.#db, {
      action: 'export',
      outcome: 'success',
      userId: user.id,
      requestId: meta.requestId,
      detail: { format: 'fhir-r4-bundle', from: range.from, to: range.to },
    });
    return { bundle, range, localDate };
  }

  /**
   * The clinician report for the range as a PDF (model in core, layout in report/render-pdf.ts); audited
   * (the event names the format, paper and range, never a value). Reads only this person's records.
   */
  async pdfReportFor(
    user: User,
    asked: AskedRange,
    paper: Paper,
    meta: RequestMeta,
  ): Promise<{ pdf: Buffer; range: ShareRange }> {
    const { profile } = await this.#accounts.getAccount(user);
    const { range, localDate } = await this.rangeFor(user, asked);
    const { records } = await this.#records.readAll(user.id);
    const model = buildReportModel({ profile, range, generatedOn: localDate, ...records });
    const pdf = await renderReportPdf(model, paper);
    await this.#audit.record(this.#db, {
      action: 'export',
      outcome: 'success',
      userId: user.id,
      requestId: meta.requestId,
      detail: { format: 'pdf-report', paper, from: range.from, to: range.to },
    });
    return { pdf, range };
  }
}
