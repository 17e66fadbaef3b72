import { createHash, randomBytes } from 'node:crypto';
import type { RegisterInput } from '@sunlog/core/records/account';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { RequestMeta } from '../request-meta.ts';
import type { PasswordResetService } from './password-reset.ts';
import type { AccountService, SignedIn } from './service.ts';

/** A confirmation link works for a day: people read mail later than they sign up. */
export const CONFIRMATION_LIFETIME_MS = 24 * 60 * 60_000;

/** The web page that takes the link; the token travels in the fragment. */
export const CONFIRM_PAGE_PATH = '/confirm-email';

const LINK_DOES_NOT_WORK =
  'This confirmation link does not work: it was used already, it expired, or it was copied incompletely. Create the account again to get a new one.';

/** What registering answers when mail is set up, whether the address was new or taken. */
export const CHECK_YOUR_MAIL =
  'Check your email: we sent a message to that address with the next step. It can take a few minutes.';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Registration when mail is set up. Someone who can try addresses must not learn who keeps an MS
 * journal, so a new and a taken address get the same answer, after the same work (the password hashed,
 * one row written, one mail handed over without waiting):
 * - a new address gets a confirmation link; the account exists once the link is used;
 * - a taken address gets a notice that someone tried to register with it, with a reset link in case the
 *   owner forgot their password.
 */
export class RegistrationByMail {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #accounts: AccountService;
  readonly #resets: PasswordResetService;
  readonly #mailer: Mailer;
  readonly #publicUrl: string;

  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    accounts: AccountService;
    resets: PasswordResetService;
    mailer: Mailer;
    publicUrl: string;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#accounts = deps.accounts;
    this.#resets = deps.resets;
    this.#mailer = deps.mailer;
    this.#publicUrl = deps.publicUrl;
  }

  /** Starts a registration; answers nothing that tells a new address from a taken one. */
  async register(input: RegisterInput, meta: RequestMeta): Promise<void> {
    const passwordHash = await this.#accounts.checkRegistration(input, meta);
    const now = this.#clock();
    await this.#db.deleteFrom('pending_registrations').where('expires_at', '<=', now.toISOString()).execute();
    const owner = await this.#accounts.findUserByEmail(input.email);
    if (owner !== undefined) {
      const reset = await this.#resets.issue(owner, this.#publicUrl, meta);
      this.#mailer.send({
        to: owner.email,
        subject: 'Someone tried to create a Sunlog account with your address',
        text: [
          'Someone (perhaps you) tried to create a Sunlog account with this email address, which already has one.',
          '',
          'If it was you: just sign in. If you forgot your password, this link sets a new one; it works once, for one hour:',
          '',
          reset.url,
          '',
          'If it was not you, you can ignore this message: nothing about your account has changed.',
        ].join('\n'),
      });
      return;
    }
    const token = randomBytes(32).toString('base64url');
    await this.#db
      .insertInto('pending_registrations')
      .values({
        token_hash: hashToken(token),
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName ?? null,
        time_zone: input.timeZone ?? null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + CONFIRMATION_LIFETIME_MS).toISOString(),
      })
      .execute();
    this.#mailer.send({
      to: input.email,
      subject: 'Confirm your Sunlog account',
      text: [
        'Welcome to Sunlog. To finish creating your account, open this link (it works for 24 hours):',
        '',
        `${this.#publicUrl}${CONFIRM_PAGE_PATH}#token=${token}`,
        '',
        'If you did not ask for a Sunlog account, ignore this message and nothing will be created.',
      ].join('\n'),
    });
  }

  /** Uses a confirmation link: the account is created and signed in; every pending sign-up of the address goes. */
  async confirm(token: string, meta: RequestMeta): Promise<SignedIn> {
    const now = this.#clock().toISOString();
    const pending = await this.#db
      .selectFrom('pending_registrations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (pending === undefined || pending.expires_at <= now)
      throw new SunlogError('not-found', LINK_DOES_NOT_WORK);
    await this.#db.deleteFrom('pending_registrations').where('email', '=', pending.email).execute();
    try {
      return await this.#accounts.createAccount(
        {
          email: pending.email,
          passwordHash: pending.password_hash,
          displayName: pending.display_name ?? undefined,
          timeZone: pending.time_zone ?? undefined,
        },
        meta,
      );
    } catch (error) {
      // The address got an account in the meantime (another link of it was used first).
      if (error instanceof SunlogError && error.code === 'email-taken') {
        throw new SunlogError('not-found', LINK_DOES_NOT_WORK);
      }
      throw error;
    }
  }
}
