import { randomUUID } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { RequestMeta } from '../request-meta.ts';
import type { SignInLimiter } from './rate-limit.ts';
import type { AccountService, Authenticated, SignedIn } from './service.ts';

/** A challenge must be answered within five minutes, and only once (WebAuthn §13.4.3). */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * 60_000;

/** What the browser is told to wait for the person: the same five minutes. */
const CEREMONY_TIMEOUT_MS = PASSKEY_CHALLENGE_LIFETIME_MS;

const RP_NAME = 'Sunlog';

export const PASSKEY_SIGN_IN_FAILED =
  'This passkey did not work. It may have been removed from your account; sign in with your email and password.';

/**
 * Who the passkeys belong to: the relying party ID (a host name) and the one origin whose pages may use
 * them. Both come from PUBLIC_URL when it is set; see `relyingPartyFor` in passkey-routes.ts otherwise.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

type Purpose = 'registration' | 'authentication';

/**
 * Passkeys (WebAuthn): adding one to an account, listing and removing them, and signing in with one
 * instead of a password. Only the public key is stored. Every challenge is stored server-side, used
 * once and refused after five minutes, so a captured answer cannot be replayed.
 */
export class PasskeyService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;
  readonly #limiter: SignInLimiter;

  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    audit: AuditLog;
    accounts: AccountService;
    limiter: SignInLimiter;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
    this.#limiter = deps.limiter;
  }

  /**
   * Options for the browser to create a passkey for the signed-in person. Needs a recent proof of who
   * uses the session (password within five minutes, or a fresh sign-in), as adding a way in is sensitive.
   */
  async registrationOptions(
    auth: Authenticated,
    rp: RelyingParty,
    proof: { password?: string | undefined },
    meta: RequestMeta,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    await this.#accounts.requireRecentAuthentication(auth, proof, meta);
    const existing = await this.#db
      .selectFrom('passkeys')
      .select(['credential_id', 'transports'])
      .where('user_id', '=', auth.user.id)
      .execute();
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rp.id,
      userName: auth.user.email,
      userID: new TextEncoder().encode(auth.user.id),
      timeout: CEREMONY_TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((row) => ({
        id: row.credential_id,
        transports: parseTransports(row.transports),
      })),
      // A discoverable credential is what lets sign-in work without typing the email first.
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    await this.#storeChallenge(options.challenge, 'registration', auth.user.id);
    return options;
  }

  /** Verifies the browser's answer and stores the new passkey; audited as `passkey.add`. */
  async register(
    auth: Authenticated,
    rp: RelyingParty,
    input: { response: RegistrationResponseJSON; name?: string | undefined },
    meta: RequestMeta,
  ): Promise<PasskeySummary> {
    const challenge = await this.#takeChallenge(input.response.response.clientDataJSON, 'registration');
    if (challenge === undefined || challenge.userId !== auth.user.id) {
      throw new SunlogError(
        'invalid-input',
        'Adding the passkey took too long or was already done. Try again.',
      );
    }
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: input.response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      });
    } catch {
      throw new SunlogError('invalid-input', 'The passkey could not be checked. Try again.');
    }
    if (!verification.verified) {
      throw new SunlogError('invalid-input', 'The passkey could not be checked. Try again.');
    }
    const { credential } = verification.registrationInfo;
    const now = this.#clock().toISOString();
    const summary: PasskeySummary = {
      id: randomUUID(),
      name: input.name?.trim() || defaultName(now),
      createdAt: now,
      lastUsedAt: null,
    };
    try {
      await this.#db.transaction().execute(async (trx) => {
        await trx
          .insertInto('passkeys')
          .values({
            id: summary.id,
            user_id: auth.user.id,
            credential_id: credential.id,
            public_key: Buffer.from(credential.publicKey).toString('base64url'),
            counter: credential.counter,
            transports: JSON.stringify(credential.transports ?? []),
            name: summary.name,
            created_at: now,
            last_used_at: null,
          })
          .execute();
        await this.#audit.record(trx, {
          action: 'passkey.add',
          outcome: 'success',
          userId: auth.user.id,
          requestId: meta.requestId,
          detail: { passkeyId: summary.id, address: meta.address },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new SunlogError('invalid-input', 'This passkey is already added.');
      }
      throw error;
    }
    return summary;
  }

  /** The person's passkeys, oldest first. */
  async list(auth: Authenticated): Promise<PasskeySummary[]> {
    const rows = await this.#db
      .selectFrom('passkeys')
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .where('user_id', '=', auth.user.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
    }));
  }

  /**
   * Removes one of the person's passkeys (re-authentication required, like adding one); `not-found`
   * when it is not theirs. Audited as `passkey.remove`.
   */
  async remove(
    auth: Authenticated,
    passkeyId: string,
    proof: { password?: string | undefined },
    meta: RequestMeta,
  ): Promise<void> {
    await this.#accounts.requireRecentAuthentication(auth, proof, meta);
    await this.#db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('passkeys')
        .where('id', '=', passkeyId)
        .where('user_id', '=', auth.user.id)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw new SunlogError('not-found', 'No such passkey.');
      await this.#audit.record(trx, {
        action: 'passkey.remove',
        outcome: 'success',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: { passkeyId, address: meta.address },
      });
    });
  }

  /** Options for signing in with any passkey of this site (discoverable credentials: no email needed). */
  async authenticationOptions(
    rp: RelyingParty,
    meta: RequestMeta,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    await this.#limiter.admitPasskey(meta.address);
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      timeout: CEREMONY_TIMEOUT_MS,
      userVerification: 'preferred',
    });
    await this.#storeChallenge(options.challenge, 'authentication', null);
    return options;
  }

  /**
   * Verifies a passkey sign-in and opens a session like a password sign-in. Any failure (unknown
   * passkey, used or expired challenge, wrong origin, bad signature, a counter that went backwards)
   * answers the same `invalid-credentials` and is limited per address. A passkey is already two
   * factors (the device and its unlock), so no second factor is asked for after it.
   */
  async signIn(rp: RelyingParty, response: AuthenticationResponseJSON, meta: RequestMeta): Promise<SignedIn> {
    await this.#limiter.admitPasskey(meta.address);
    const challenge = await this.#takeChallenge(response.response.clientDataJSON, 'authentication');
    const passkey = await this.#db
      .selectFrom('passkeys')
      .selectAll()
      .where('credential_id', '=', response.id)
      .executeTakeFirst();
    const refuse = async (reason: string): Promise<never> => {
      await this.#audit.record(this.#db, {
        action: 'session.sign-in',
        outcome: 'failure',
        userId: passkey?.user_id ?? null,
        requestId: meta.requestId,
        detail: { reason, method: 'passkey', address: meta.address },
      });
      throw new SunlogError('invalid-credentials', PASSKEY_SIGN_IN_FAILED);
    };
    if (passkey === undefined) return refuse('unknown-passkey');
    if (challenge === undefined) return refuse('expired-challenge');
    // The authenticator names whose passkey it is; it must be the account the passkey was added to.
    if (
      response.response.userHandle !== undefined &&
      response.response.userHandle !== Buffer.from(passkey.user_id).toString('base64url')
    ) {
      return refuse('wrong-user');
    }
    let newCounter: number;
    try {
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
          counter: passkey.counter,
          transports: parseTransports(passkey.transports),
        },
        requireUserVerification: false,
      });
      if (!verification.verified) return refuse('invalid-passkey-response');
      newCounter = verification.authenticationInfo.newCounter;
    } catch {
      return refuse('invalid-passkey-response');
    }
    const now = this.#clock().toISOString();
    // Only ever forward: a parallel sign-in that already stored a higher counter is not undone.
    await this.#db
      .updateTable('passkeys')
      .set({ counter: newCounter, last_used_at: now })
      .where('id', '=', passkey.id)
      .where('counter', '<=', newCounter)
      .execute();
    await this.#limiter.passkeySucceeded(meta.address);
    return this.#accounts.signInVerified(passkey.user_id, 'passkey', meta);
  }

  async #storeChallenge(challenge: string, purpose: Purpose, userId: string | null): Promise<void> {
    const now = this.#clock();
    await this.#db.deleteFrom('passkey_challenges').where('expires_at', '<=', now.toISOString()).execute();
    await this.#db
      .insertInto('passkey_challenges')
      .values({
        challenge,
        purpose,
        user_id: userId,
        expires_at: new Date(now.getTime() + PASSKEY_CHALLENGE_LIFETIME_MS).toISOString(),
      })
      .execute();
  }

  /**
   * Uses up the challenge the browser answered (read from its client data): deleted whatever follows,
   * so it works once; undefined when unknown, for another purpose, or expired.
   */
  async #takeChallenge(
    clientDataJSON: string,
    purpose: Purpose,
  ): Promise<{ challenge: string; userId: string | null } | undefined> {
    const challenge = challengeOf(clientDataJSON);
    if (challenge === undefined) return undefined;
    const taken = await this.#db
      .deleteFrom('passkey_challenges')
      .where('challenge', '=', challenge)
      .where('purpose', '=', purpose)
      .returning(['user_id', 'expires_at'])
      .executeTakeFirst();
    if (taken === undefined || taken.expires_at <= this.#clock().toISOString()) return undefined;
    return { challenge, userId: taken.user_id };
  }
}

/** The challenge inside the browser's client data (base64url JSON), or undefined when unreadable. */
function challengeOf(clientDataJSON: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('challenge' in parsed)) return undefined;
    return typeof parsed.challenge === 'string' && parsed.challenge.length <= 512
      ? parsed.challenge
      : undefined;
  } catch {
    return undefined;
  }
}

function parseTransports(json: string): AuthenticatorTransport[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? (parsed.filter((t) => typeof t === 'string') as AuthenticatorTransport[])
    : [];
}

/** A name for a passkey added without one: the day it was added. */
function defaultName(nowIso: string): string {
  return `Passkey added ${nowIso.slice(0, 10)}`;
}

/** SQLite's and PostgreSQL's ways of saying a unique index refused a row. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === '23505';
}
