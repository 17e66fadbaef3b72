import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { RequestMeta } from '../request-meta.ts';
import type { AccountService } from './service.ts';
import type { User } from './store.ts';

/** A reset link works for an hour: long enough to find the mail or message, short if it leaks. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60_000;

/** The path of the web page that takes the link; the token travels in the fragment, never to a log. */
export const RESET_PAGE_PATH = '/reset-password';

/** 256 random bits, like session tokens (OWASP Forgot Password Cheat Sheet asks for a CSPRNG token). */
const TOKEN_BYTES = 32;

const LINK_DOES_NOT_WORK =
  'This reset link does not work: it was used already, it expired, or it was copied incompletely. Ask for a new one.';

/** A one-time link to set a new password, and when it stops working. */
export interface ResetLink {
  url: string;
  expiresAt: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * One-time password-reset links: made for an operator (`sunlog reset-password`) or sent by mail, and
 * redeemed once, within an hour, on the reset page. Only the token's hash is stored; using a link ends
 * every session of the person and every other link they had.
 */
export class PasswordResetService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;

  constructor(deps: { db: Kysely<Database>; clock: Clock; audit: AuditLog; accounts: AccountService }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
  }

  /** Makes a link on `baseUrl` (the public address); audited as `password.reset-link`, never with the token. */
  async issue(user: User, baseUrl: string, meta: RequestMeta): Promise<ResetLink> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const now = this.#clock();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS).toISOString();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('password_resets')
        .values({
          token_hash: hashToken(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      await this.#audit.record(trx, {
        action: 'password.reset-link',
        outcome: 'success',
        userId: user.id,
        requestId: meta.requestId,
        detail: { address: meta.address },
      });
    });
    return { url: `${baseUrl}${RESET_PAGE_PATH}#token=${token}`, expiresAt };
  }

  /**
   * Sets `newPassword` for the link's person and uses the link up. A used, expired or unknown token is
   * refused with the same answer; a weak password is refused and leaves the link usable.
   */
  async redeem(token: string, newPassword: string, meta: RequestMeta): Promise<void> {
    const tokenHash = hashToken(token);
    const now = this.#clock().toISOString();
    let userId: string | undefined;
    await this.#db.transaction().execute(async (trx) => {
      const link = await trx
        .selectFrom('password_resets')
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (link === undefined || link.expires_at <= now) {
        throw new SunlogError('not-found', LINK_DOES_NOT_WORK);
      }
      userId = link.user_id;
      const ended = await this.#accounts.setPasswordFromReset(trx, link.user_id, newPassword);
      // Every link of the person goes: this one is used, and older ones were asked for before this reset.
      await trx.deleteFrom('password_resets').where('user_id', '=', link.user_id).execute();
      await this.#audit.record(trx, {
        action: 'password.reset',
        outcome: 'success',
        userId: link.user_id,
        requestId: meta.requestId,
        detail: { address: meta.address, otherSessionsEnded: ended },
      });
    });
    // Again after the commit: a session check that ran during the transaction is not kept.
    if (userId !== undefined) this.#accounts.forgetSessionsOf(userId);
    await this.#db.deleteFrom('password_resets').where('expires_at', '<=', now).execute();
  }
}
