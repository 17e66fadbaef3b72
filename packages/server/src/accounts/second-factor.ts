import { createHash, randomBytes } from 'node:crypto';
import type { SignInInput } from '@sunlog/core/records/account';
import {
  normaliseRecoveryCode,
  normaliseTotpCode,
  RECOVERY_CODE_COUNT,
  type SecondFactorStatus,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  type TotpEnrolment,
} from '@sunlog/core/records/second-factor';
import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { RequestMeta } from '../request-meta.ts';
import { loadSecondFactorKey, openSecret, sealSecret } from './second-factor-secret.ts';
import type { User } from './store.ts';

/** The name authenticator apps show above the code. */
const ISSUER = 'Sunlog';

/**
 * A code is accepted from the time step before to the one after the server's, so a phone whose clock is
 * up to 30 seconds off, or a code typed as it changes, still works (RFC 6238 §5.2 allows such a window).
 */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** Recovery codes carry 80 random bits each, shown as four groups of four base32 characters. */
const RECOVERY_CODE_BYTES = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const WRONG_CODE = 'That code is not right, or it has been used already. Try the newest code.';
const WRONG_RECOVERY_CODE = 'That recovery code is not right, or it has been used already.';

/**
 * The second factor for password sign-in: setting up an authenticator app (TOTP, RFC 6238), the ten
 * one-time recovery codes, turning it off, and checking it at sign-in. Each accepted code's time step is
 * stored and a code of that step or an earlier one is refused, so an overheard code cannot be replayed.
 */
export class SecondFactorService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  #key: Promise<Buffer> | undefined;

  constructor(deps: { db: Kysely<Database>; clock: Clock; audit: AuditLog }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
  }

  #loadKey(): Promise<Buffer> {
    // A failed read (the database briefly away) is not kept: the next request tries again.
    this.#key ??= loadSecondFactorKey(this.#db, this.#clock()).catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }

  /** Whether a code is asked at sign-in, and how many recovery codes are unused. */
  async status(userId: string): Promise<SecondFactorStatus> {
    const row = await this.#db
      .selectFrom('second_factors')
      .select('confirmed_at')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const left = await this.#db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { totp: row !== undefined && row.confirmed_at !== null, recoveryCodesLeft: Number(left.n) };
  }

  /**
   * Starts setting up an authenticator app: a new secret (replacing one not yet confirmed), its otpauth
   * address and QR code. Nothing changes at sign-in until `confirm`. Refused while one is on.
   */
  async start(user: User): Promise<TotpEnrolment> {
    const key = await this.#loadKey();
    const secret = generateSecret();
    const now = this.#clock().toISOString();
    const sealed = sealSecret(key, user.id, secret);
    await this.#db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('second_factors')
        .select('confirmed_at')
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (existing?.confirmed_at != null) throw alreadyOn();
      await trx.deleteFrom('second_factors').where('user_id', '=', user.id).execute();
      await trx
        .insertInto('second_factors')
        .values({
          user_id: user.id,
          totp_secret: sealed,
          confirmed_at: null,
          last_time_step: null,
          created_at: now,
        })
        .execute();
    });
    const otpauthUrl = generateURI({
      issuer: ISSUER,
      label: user.email,
      secret,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
    });
    const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUrl, qrSvg };
  }

  /**
   * Turns the second factor on when `code` matches the secret being set up, and answers the ten recovery
   * codes: the only time they exist outside a person's hands (only their SHA-256 is kept).
   */
  async confirm(user: User, code: string, meta: RequestMeta): Promise<string[]> {
    const row = await this.#db
      .selectFrom('second_factors')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (row === undefined) {
      throw new SunlogError('not-found', 'Start setting up two-step sign-in first.');
    }
    if (row.confirmed_at !== null) throw alreadyOn();
    const timeStep = await this.#matchingTimeStep(user.id, row.totp_secret, code, row.last_time_step);
    if (timeStep === undefined) {
      throw new SunlogError('invalid-input', WRONG_CODE, { fields: [{ path: 'code', message: WRONG_CODE }] });
    }
    const now = this.#clock().toISOString();
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.#db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('second_factors')
        .set({ confirmed_at: now, last_time_step: timeStep })
        .where('user_id', '=', user.id)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw alreadyOn();
      await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
      await trx
        .insertInto('recovery_codes')
        .values(
          codes.map((c) => ({
            user_id: user.id,
            code_hash: hashRecoveryCode(c),
            used_at: null,
            created_at: now,
          })),
        )
        .execute();
      await this.#audit.record(trx, {
        action: 'second-factor.turn-on',
        outcome: 'success',
        userId: user.id,
        requestId: meta.requestId,
        detail: { method: 'totp' },
      });
    });
    return codes;
  }

  /** Turns the second factor off: the secret and the recovery codes are deleted. */
  async turnOff(user: User, meta: RequestMeta): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('second_factors')
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
      if (deleted.numDeletedRows > 0n) {
        await this.#audit.record(trx, {
          action: 'second-factor.turn-off',
          outcome: 'success',
          userId: user.id,
          requestId: meta.requestId,
        });
      }
    });
  }

  /**
   * At sign-in, after the password matched: passes when the account has no second factor on, or when
   * the sign-in carries a fresh code or an unused recovery code (each then used up). Otherwise throws
   * `second-factor-required` (none given) or `invalid-credentials` (a wrong or used one), after recording
   * the failure in the account's activity.
   */
  async verifyAtSignIn(userId: string, input: SignInInput, meta: RequestMeta): Promise<void> {
    const row = await this.#db
      .selectFrom('second_factors')
      .select(['totp_secret', 'confirmed_at', 'last_time_step'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (row === undefined || row.confirmed_at === null) return;
    const refuse = async (reason: string, error: SunlogError): Promise<never> => {
      await this.#audit.record(this.#db, {
        action: 'session.sign-in',
        outcome: 'failure',
        userId,
        requestId: meta.requestId,
        detail: { reason, address: meta.address },
      });
      throw error;
    };
    if (input.recoveryCode !== undefined && input.recoveryCode.trim() !== '') {
      if (await this.#useRecoveryCode(userId, input.recoveryCode)) return;
      return refuse(
        'wrong-recovery-code',
        new SunlogError('invalid-credentials', WRONG_RECOVERY_CODE, {
          fields: [{ path: 'recoveryCode', message: WRONG_RECOVERY_CODE }],
        }),
      );
    }
    if (input.totpCode === undefined || input.totpCode.trim() === '') {
      return refuse(
        'second-factor-required',
        new SunlogError(
          'second-factor-required',
          'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
        ),
      );
    }
    const timeStep = await this.#matchingTimeStep(
      userId,
      row.totp_secret,
      input.totpCode,
      row.last_time_step,
    );
    // Stored only if no other request used this or a later step meanwhile: two sign-ins racing with one
    // code cannot both pass.
    const used =
      timeStep !== undefined &&
      (
        await this.#db
          .updateTable('second_factors')
          .set({ last_time_step: timeStep })
          .where('user_id', '=', userId)
          .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
          .executeTakeFirst()
      ).numUpdatedRows > 0n;
    if (used) return;
    return refuse(
      'wrong-second-factor-code',
      new SunlogError('invalid-credentials', WRONG_CODE, {
        fields: [{ path: 'totpCode', message: WRONG_CODE }],
      }),
    );
  }

  /** The time step of `code` when it matches the sealed secret now and is later than `afterTimeStep`. */
  async #matchingTimeStep(
    userId: string,
    sealed: string,
    code: string,
    afterTimeStep: number | null,
  ): Promise<number | undefined> {
    const token = normaliseTotpCode(code);
    if (!/^\d{6}$/.test(token)) return undefined;
    const secret = openSecret(await this.#loadKey(), userId, sealed);
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(this.#clock().getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterTimeStep === null ? {} : { afterTimeStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  }

  /** Marks the recovery code used; false when it is not one of the person's unused codes. */
  async #useRecoveryCode(userId: string, code: string): Promise<boolean> {
    const updated = await this.#db
      .updateTable('recovery_codes')
      .set({ used_at: this.#clock().toISOString() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }
}

/** Four groups of four base32 characters: 80 random bits, easy to copy by hand. */
function newRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/**
 * Hex SHA-256 of the code as normalised. A fast hash suffices: each code has 80 random bits, far beyond
 * guessing offline, and sign-in attempts are limited.
 */
function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

function alreadyOn(): SunlogError {
  return new SunlogError(
    'invalid-input',
    'Two-step sign-in is already on. Turn it off first to set up a new app.',
  );
}
