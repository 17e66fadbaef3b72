import { toOffsetDateTime } from '@sunlog/core/calendar';
import { buildFhirBundle } from '@sunlog/core/exchange/fhir/bundle';
import { buildReportModel } from '@sunlog/core/report/report-model';
import { CompactEncrypt } from 'jose';
import type { Kysely } from 'kysely';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../accounts/passwords.ts';
import type { AccountService, Authenticated } from '../accounts/service.ts';
import type { User } from '../accounts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database, SharesTable } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { ExportService } from '../export/service.ts';
import type { RecordService } from '../records/service.ts';
import { renderReportPdf } from '../report/render-pdf.ts';
import type { RequestMeta } from '../request-meta.ts';
import { ManifestLimiter } from './access-limit.ts';
import { fileUrl, hashToken, manifestUrl, randomToken, type ShlPayload, shlinkFor } from './link.ts';

/** Wrong passcodes a link takes before it is switched off for good. */
export const MAX_PASSCODE_ATTEMPTS = 10;

/** How long a file address from a manifest request works (the IG asks for short-lived ones). */
export const FILE_ADDRESS_LIFETIME_MS = 60 * 60_000;

/** The longest recipient string kept in the account activity. */
export const RECIPIENT_MAX_LENGTH = 200;

const DAY_MS = 86_400_000;

/** The FHIR Bundle's media type, as the JWE's `cty` and the manifest's `contentType` name it. */
export const FHIR_JSON = 'application/fhir+json';

export interface CreateShareInput {
  from: string;
  to: string;
  expiresInDays: number;
  label?: string | undefined;
  passcode?: string | undefined;
  password?: string | undefined;
}

export interface CreatedShare {
  id: string;
  link: string;
  expiresAt: string;
}

export type ShareStatus = 'active' | 'expired' | 'revoked' | 'disabled';

export interface ShareSummary {
  id: string;
  label?: string;
  from: string;
  to: string;
  expiresAt: string;
  createdAt: string;
  hasPasscode: boolean;
  status: ShareStatus;
  accessCount: number;
}

export interface ManifestRequest {
  recipient: string;
  passcode?: string | undefined;
  embeddedLengthMax?: number | undefined;
}

/** The manifest's answer: the one file, by address or embedded. */
export interface Manifest {
  files: ({ contentType: string; location: string } | { contentType: string; embedded: string })[];
}

/** A wrong or missing passcode: 401 with what is left. */
export class PasscodeRefused extends Error {
  override readonly name = 'PasscodeRefused';
  readonly remainingAttempts: number;

  constructor(remainingAttempts: number) {
    super('The passcode is wrong or missing.');
    this.remainingAttempts = remainingAttempts;
  }
}

/** Unknown, expired, revoked or disabled: one error, one answer, so none can be told apart. */
export class ShareNotFound extends Error {
  override readonly name = 'ShareNotFound';
}

/**
 * SMART Health Links (HL7 SMART Health Cards and Links IG, STU1): the person shares a date range as an
 * encrypted FHIR Bundle (with the PDF report inside) that the server stores but cannot read — the key
 * exists only in the link returned once. Anyone with the link opens it through the public manifest;
 * every such request lands in the owner's account activity. See docs/sharing.md.
 */
export class ShareService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;
  readonly #records: RecordService;
  readonly #exports: ExportService;
  readonly #limiter: ManifestLimiter;

  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    audit: AuditLog;
    accounts: AccountService;
    records: RecordService;
    exports: ExportService;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
    this.#records = deps.records;
    this.#exports = deps.exports;
    this.#limiter = new ManifestLimiter(deps.db, deps.clock);
  }

  /**
   * Makes a link: password again (unless the session proved itself in the last minutes), the Bundle
   * for the range with the PDF report inside, encrypted under a fresh key that is returned in the link
   * and then forgotten. `origin` is where the viewer and manifest are reached.
   */
  async create(
    auth: Authenticated,
    input: CreateShareInput,
    origin: string,
    meta: RequestMeta,
  ): Promise<CreatedShare> {
    const { range } = await this.#exports.rangeFor(auth.user, { from: input.from, to: input.to });
    await this.#accounts.requireRecentAuthentication(auth, { password: input.password }, meta);

    const bundleJson = await this.#bundleJson(auth.user, range);
    const key = randomToken();
    const ciphertext = await new CompactEncrypt(new TextEncoder().encode(bundleJson))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: FHIR_JSON })
      .encrypt(Buffer.from(key, 'base64url'));

    const now = this.#clock();
    const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
    const manifestId = randomToken();
    const id = crypto.randomUUID();
    const label = input.label?.trim() === '' ? undefined : input.label?.trim();
    const passcodeHash = input.passcode === undefined ? null : await hashPassword(input.passcode);

    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('shares')
        .values({
          id,
          user_id: auth.user.id,
          manifest_id_hash: hashToken(manifestId),
          label: label ?? null,
          range_from: range.from,
          range_to: range.to,
          passcode_hash: passcodeHash,
          failed_attempts: 0,
          access_count: 0,
          ciphertext,
          created_at: now.toISOString(),
          expires_at: expiresAt.toISOString(),
          revoked_at: null,
          disabled_at: null,
        })
        .execute();
      await this.#audit.record(trx, {
        action: 'share.create',
        outcome: 'success',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: {
          share: id,
          from: range.from,
          to: range.to,
          expiresInDays: input.expiresInDays,
          passcode: passcodeHash !== null,
          ...(label === undefined ? {} : { label }),
        },
      });
    });

    const payload: ShlPayload = {
      url: manifestUrl(origin, manifestId),
      key,
      exp: Math.floor(expiresAt.getTime() / 1000),
      ...(passcodeHash === null ? {} : { flag: 'P' as const }),
      ...(label === undefined ? {} : { label }),
      v: 1,
    };
    return { id, link: shlinkFor(origin, payload), expiresAt: expiresAt.toISOString() };
  }

  /** The person's links, newest first; never a key or a link (neither is kept). */
  async list(user: User): Promise<ShareSummary[]> {
    const rows = await this.#db
      .selectFrom('shares')
      .select([
        'id',
        'label',
        'range_from',
        'range_to',
        'expires_at',
        'created_at',
        'passcode_hash',
        'access_count',
        'revoked_at',
        'disabled_at',
      ])
      .where('user_id', '=', user.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const now = this.#clock();
    return rows.map((row) => ({
      id: row.id,
      ...(row.label === null ? {} : { label: row.label }),
      from: row.range_from,
      to: row.range_to,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
      hasPasscode: row.passcode_hash !== null,
      status: statusOf(row, now),
      accessCount: row.access_count,
    }));
  }

  /**
   * Revokes the person's link at once: it answers 404 from now on, its file addresses stop, and its
   * ciphertext is erased. Revoking a revoked link again is fine; another person's id is not found.
   */
  async revoke(user: User, id: string, meta: RequestMeta): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const share = await trx
        .selectFrom('shares')
        .select(['id', 'label', 'revoked_at'])
        .where('id', '=', id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (share === undefined) throw new SunlogError('not-found', 'There is no such share link.');
      if (share.revoked_at !== null) return;
      await trx
        .updateTable('shares')
        .set({ revoked_at: this.#clock().toISOString(), ciphertext: '' })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('share_files').where('share_id', '=', id).execute();
      await this.#audit.record(trx, {
        action: 'share.revoke',
        outcome: 'success',
        userId: user.id,
        requestId: meta.requestId,
        detail: { share: id, ...(share.label === null ? {} : { label: share.label }) },
      });
    });
  }

  /**
   * The manifest request of the IG: rate-limited, then the link must be live and the passcode right.
   * Every request for a link that exists is recorded in its owner's activity with the recipient string.
   */
  async openManifest(
    manifestId: string,
    request: ManifestRequest,
    origin: string,
    meta: RequestMeta,
  ): Promise<Manifest> {
    const manifestIdHash = hashToken(manifestId);
    await this.#limiter.admit(meta.address, manifestIdHash);
    const recipient = request.recipient.trim().slice(0, RECIPIENT_MAX_LENGTH);
    const share = await this.#db
      .selectFrom('shares')
      .selectAll()
      .where('manifest_id_hash', '=', manifestIdHash)
      .executeTakeFirst();
    if (share === undefined) {
      // As long as checking a passcode takes, here and for a dead link below: the time an answer takes
      // does not tell an unknown id from a live one.
      if (request.passcode !== undefined) await verifyAgainstDecoy(request.passcode);
      throw new ShareNotFound();
    }
    const denied = (reason: string) =>
      this.#audit.record(this.#db, {
        action: 'share.access-denied',
        outcome: 'failure',
        userId: share.user_id,
        requestId: meta.requestId,
        detail: {
          share: share.id,
          recipient,
          reason,
          ...(share.label === null ? {} : { label: share.label }),
        },
      });

    const status = statusOf(share, this.#clock());
    if (status !== 'active') {
      if (request.passcode !== undefined) await verifyAgainstDecoy(request.passcode);
      await denied(status);
      throw new ShareNotFound();
    }
    if (share.passcode_hash !== null) {
      if (request.passcode === undefined) {
        await denied('passcode-missing');
        throw new PasscodeRefused(MAX_PASSCODE_ATTEMPTS - share.failed_attempts);
      }
      if (!(await verifyPassword(share.passcode_hash, request.passcode))) {
        const remaining = await this.#countWrongPasscode(share.id);
        await denied(remaining === 0 ? 'wrong-passcode-link-disabled' : 'wrong-passcode');
        if (remaining === undefined) throw new ShareNotFound();
        throw new PasscodeRefused(remaining);
      }
    }

    const fileId = randomToken();
    const now = this.#clock();
    const live = await this.#db.transaction().execute(async (trx) => {
      // Counted only while the link is still live: a revocation racing this request wins.
      const counted = await trx
        .updateTable('shares')
        .set((eb) => ({ access_count: eb('access_count', '+', 1) }))
        .where('id', '=', share.id)
        .where('revoked_at', 'is', null)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (counted.numUpdatedRows === 0n) return false;
      await trx
        .insertInto('share_files')
        .values({
          file_id_hash: hashToken(fileId),
          share_id: share.id,
          user_id: share.user_id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + FILE_ADDRESS_LIFETIME_MS).toISOString(),
        })
        .execute();
      await this.#audit.record(trx, {
        action: 'share.access',
        outcome: 'success',
        userId: share.user_id,
        requestId: meta.requestId,
        detail: { share: share.id, recipient, ...(share.label === null ? {} : { label: share.label }) },
      });
      return true;
    });
    if (!live) throw new ShareNotFound();

    if (request.embeddedLengthMax !== undefined && share.ciphertext.length <= request.embeddedLengthMax) {
      return { files: [{ contentType: FHIR_JSON, embedded: share.ciphertext }] };
    }
    return { files: [{ contentType: FHIR_JSON, location: fileUrl(origin, manifestId, fileId) }] };
  }

  /** The JWE behind a file address from a manifest request, while both the address and the link live. */
  async readFile(manifestId: string, fileId: string): Promise<string> {
    const now = this.#clock();
    const row = await this.#db
      .selectFrom('share_files')
      .innerJoin('shares', 'shares.id', 'share_files.share_id')
      .select([
        'shares.ciphertext',
        'shares.expires_at',
        'shares.revoked_at',
        'shares.disabled_at',
        'share_files.expires_at as file_expires_at',
      ])
      .where('share_files.file_id_hash', '=', hashToken(fileId))
      .where('shares.manifest_id_hash', '=', hashToken(manifestId))
      .executeTakeFirst();
    if (row === undefined || row.file_expires_at <= now.toISOString() || statusOf(row, now) !== 'active') {
      throw new ShareNotFound();
    }
    return row.ciphertext;
  }

  /**
   * One more wrong passcode, counted atomically; switches the link off at the limit. Answers the tries
   * left, or undefined when the link was already off (another request got there first).
   */
  async #countWrongPasscode(id: string): Promise<number | undefined> {
    const row = await this.#db
      .updateTable('shares')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .where('failed_attempts', '<', MAX_PASSCODE_ATTEMPTS)
      .returning('failed_attempts')
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const remaining = MAX_PASSCODE_ATTEMPTS - row.failed_attempts;
    if (remaining === 0) {
      await this.#db
        .updateTable('shares')
        .set({ disabled_at: this.#clock().toISOString(), ciphertext: '' })
        .where('id', '=', id)
        .execute();
      await this.#db.deleteFrom('share_files').where('share_id', '=', id).execute();
    }
    return remaining;
  }

  /**
   * Retention for links: erases the ciphertext of every link whose time has passed and deletes file
   * addresses that stopped working, so an expired link holds no health data, like a revoked one. The
   * row stays, so the person's list still shows the link as expired with its label and access count.
   * Safe to run at any time and more than once; returns how many links were erased.
   */
  async eraseExpired(now: Date): Promise<number> {
    const at = now.toISOString();
    return this.#db.transaction().execute(async (trx) => {
      const erased = await trx
        .updateTable('shares')
        .set({ ciphertext: '' })
        .where('expires_at', '<=', at)
        .where('ciphertext', '!=', '')
        .executeTakeFirst();
      await trx.deleteFrom('share_files').where('expires_at', '<=', at).execute();
      return Number(erased.numUpdatedRows);
    });
  }

  /** The FHIR Bundle for the range with the clinician report (A4) inside it, as JSON text. */
  async #bundleJson(user: User, range: { from: string; to: string }): Promise<string> {
    const { profile } = await this.#accounts.getAccount(user);
    const { records } = await this.#records.readAll(user.id);
    const generatedAt = toOffsetDateTime(this.#clock(), profile.timeZone);
    const model = buildReportModel({ profile, range, generatedOn: generatedAt.slice(0, 10), ...records });
    const pdf = await renderReportPdf(model, 'a4');
    const bundle = buildFhirBundle({
      person: { id: user.id, displayName: profile.displayName },
      range,
      generatedAt,
      regimens: records.regimens,
      intakes: records.intakes,
      labResults: records.labResults,
      symptomChecks: records.symptomChecks,
      flares: records.flares,
      report: {
        title: `Sunlog report, ${range.from} to ${range.to}`,
        pdfBase64: pdf.toString('base64'),
      },
    });
    return JSON.stringify(bundle);
  }
}

/** Revoked and disabled say why a link stopped; otherwise it is expired once its time has passed. */
function statusOf(
  row: Pick<SharesTable, 'expires_at' | 'revoked_at' | 'disabled_at'>,
  now: Date,
): ShareStatus {
  if (row.revoked_at !== null) return 'revoked';
  if (row.disabled_at !== null) return 'disabled';
  if (row.expires_at <= now.toISOString()) return 'expired';
  return 'active';
}
