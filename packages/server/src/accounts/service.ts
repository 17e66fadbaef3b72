import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ChangePasswordInput, RegisterInput, SignInInput } from '@sunlog/core/records/account';
import { DEFAULT_REMINDERS, type Profile, type ProfilePatch } from '@sunlog/core/records/profile';
import type { Kysely } from 'kysely';
import type { AuditDetail, AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { RequestMeta } from '../request-meta.ts';
import { passwordProblems } from './password-strength.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';
import { type SignInLimiter, SignInRateLimited } from './rate-limit.ts';
import type { SecondFactorService } from './second-factor.ts';
import { SessionCache } from './session-cache.ts';
import { AccountStore, type Session, type User } from './store.ts';

/**
 * A session ends after 14 days without use (sliding), and 90 days after sign-in whatever happens.
 * A person's own phone stays signed in, so logging a dose stays one tap; a lost or stolen device
 * stops working within two weeks of disuse, and no session lives longer than a season.
 * See: OWASP Session Management Cheat Sheet, "Session Expiration".
 */
export const SESSION_IDLE_LIFETIME_MS = 14 * 24 * 60 * 60_000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 90 * 24 * 60 * 60_000;

/** `last_seen_at` is written at most this often, so reading pages does not mean a write per request. */
const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** Session tokens carry 256 random bits (OWASP asks for at least 128). */
const SESSION_TOKEN_BYTES = 32;

/**
 * How recently a session must have proved who is using it (signed in, registered, or entered the
 * password again) before a sensitive operation: exporting, deleting the account, creating a share link,
 * changing the password or turning off the second factor. Someone who finds an unlocked phone cannot do
 * those without the password. See: OWASP ASVS 5.0, re-authentication before sensitive operations.
 */
export const RECENT_AUTHENTICATION_MS = 5 * 60_000;

const INVALID_CREDENTIALS = 'Email or password is incorrect.';

/** A person, their profile, and (after register or sign-in) the new session's secret token. */
export interface Account {
  user: User;
  profile: Profile;
}

export interface SignedIn extends Account {
  session: Session;
  /** The cookie value. Only its SHA-256 is stored; it is never logged. */
  token: string;
}

/** The session a request carries, with its person. */
export interface Authenticated {
  session: Session;
  user: User;
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

/** Registration, sign-in and out, the profile, and a person's sessions. */
export class AccountService {
  readonly #db: Kysely<Database>;
  readonly #store: AccountStore;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #limiter: SignInLimiter;
  readonly #secondFactor: SecondFactorService | undefined;
  readonly #sessions = new SessionCache();

  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    audit: AuditLog;
    limiter: SignInLimiter;
    /** Asked after the password matched, before the session is made (see second-factor.ts). */
    secondFactor?: SecondFactorService;
  }) {
    this.#db = deps.db;
    this.#secondFactor = deps.secondFactor;
    this.#store = new AccountStore(deps.db);
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#limiter = deps.limiter;
  }

  /** Creates an account with default settings and signs it in. */
  async register(input: RegisterInput, meta: RequestMeta): Promise<SignedIn> {
    const passwordHash = await this.checkRegistration(input, meta);
    if (await this.emailIsTaken(input.email)) throw emailTaken();
    return this.createAccount({ ...input, passwordHash }, meta);
  }

  /**
   * What every registration goes through first: the per-address limit, the password's strength, and
   * its hash — made before the address is looked up, so a taken address is not told apart by a quicker
   * answer. Answers the hash.
   */
  async checkRegistration(input: RegisterInput, meta: RequestMeta): Promise<string> {
    await this.#limiter.admitRegistration(meta.address);
    const problems = passwordProblems(
      input.password,
      input.email,
      input.displayName === undefined ? [] : [input.displayName],
    );
    if (problems.length > 0) {
      throw new SunlogError('invalid-input', 'Choose a stronger password.', { fields: problems });
    }
    return hashPassword(input.password);
  }

  /**
   * Asks for a password-reset link by mail: counted like a registration from the address (so nobody
   * floods an inbox), and answered the same whether or not the address has an account.
   */
  async admitMailRequest(meta: RequestMeta): Promise<void> {
    await this.#limiter.admitRegistration(meta.address);
  }

  /** Whether an account is registered with `email` (normalised). */
  async emailIsTaken(email: string): Promise<boolean> {
    return (await this.#store.findUserByEmail(email)) !== undefined;
  }

  /** Creates the account (its password already hashed) with default settings, and signs it in. */
  async createAccount(
    input: {
      email: string;
      passwordHash: string;
      displayName?: string | undefined;
      timeZone?: string | undefined;
    },
    meta: RequestMeta,
  ): Promise<SignedIn> {
    const now = this.#clock().toISOString();
    const user: User = { id: randomUUID(), email: input.email };
    const profile: Profile = {
      displayName: input.displayName ?? defaultDisplayName(input.email),
      timeZone: input.timeZone ?? 'UTC',
      intakeUnit: 'IU',
      bloodUnit: 'ng/mL',
      locale: 'en',
      reminders: DEFAULT_REMINDERS,
      consentedAt: null,
    };
    const { session, token } = newSession(user.id, this.#clock(), meta.userAgent);
    try {
      await this.#db.transaction().execute(async (trx) => {
        await this.#store.insertUser(trx, { ...user, passwordHash: input.passwordHash, createdAt: now });
        await this.#store.insertProfile(trx, user.id, profile, now);
        await this.#store.insertSession(trx, session);
        await this.#audit.record(trx, {
          action: 'account.register',
          outcome: 'success',
          userId: user.id,
          requestId: meta.requestId,
          detail: { address: meta.address },
        });
      });
    } catch (error) {
      // Two registrations for one email raced past the check; the unique index decided.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return { user, profile, session, token };
  }

  /** Signs in with email and password; a wrong email and a wrong password fail identically. */
  async signIn(input: SignInInput, meta: RequestMeta): Promise<SignedIn> {
    try {
      await this.#limiter.admit(input.email, meta.address);
    } catch (error) {
      if (error instanceof SignInRateLimited && error.accountWide)
        await this.#recordAccountLimit(input.email, meta);
      throw error;
    }
    const found = await this.#store.findUserByEmail(input.email);
    const matches =
      found === undefined
        ? await verifyAgainstDecoy(input.password).then(() => false)
        : await verifyPassword(found.passwordHash, input.password);
    if (found === undefined || !matches) {
      await this.#audit.record(this.#db, {
        action: 'session.sign-in',
        outcome: 'failure',
        userId: found?.id ?? null,
        requestId: meta.requestId,
        detail: { reason: found === undefined ? 'unknown-account' : 'wrong-password', address: meta.address },
      });
      throw new SunlogError('invalid-credentials', INVALID_CREDENTIALS);
    }
    // A missing or wrong second factor leaves the attempt counted, like a wrong password.
    await this.#secondFactor?.verifyAtSignIn(found.id, input, meta);
    await this.#limiter.succeeded(input.email, meta.address);

    return this.#openSession({ id: found.id, email: found.email }, meta, { address: meta.address });
  }

  /** The owner sees in their account activity that sign-ins to their account were held back. */
  async #recordAccountLimit(email: string, meta: RequestMeta): Promise<void> {
    const found = await this.#store.findUserByEmail(email);
    if (found === undefined) return;
    await this.#audit.record(this.#db, {
      action: 'session.sign-in',
      outcome: 'failure',
      userId: found.id,
      requestId: meta.requestId,
      detail: { reason: 'too-many-attempts-for-account', address: meta.address },
    });
  }

  /**
   * The live session and person for a cookie token, or undefined when the token is unknown or the
   * session has passed its idle or absolute lifetime (a dead session is deleted on sight).
   */
  async authenticate(token: string): Promise<Authenticated | undefined> {
    const tokenHash = hashToken(token);
    const now = this.#clock();
    // A session checked within the last second is trusted without a query while it is still within
    // both lifetimes and needs no touch; see session-cache.ts for how sign-out reaches it.
    const cached = this.#sessions.get(tokenHash);
    if (cached !== undefined && isLive(cached.session, now) && !needsTouch(cached.session, now))
      return cached;
    const generation = this.#sessions.generation;
    const found = await this.#store.findSessionWithUser(tokenHash);
    if (found === undefined) return undefined;
    const { session, user } = found;
    if (!isLive(session, now)) {
      this.#sessions.evictSession(session.id);
      await this.#store.deleteSessionById(session.id);
      return undefined;
    }
    let auth: Authenticated = { session, user };
    if (needsTouch(session, now)) {
      const lastSeenAt = now.toISOString();
      await this.#store.touchSession(session.id, lastSeenAt);
      auth = { session: { ...session, lastSeenAt }, user };
    }
    this.#sessions.set(tokenHash, auth, generation);
    return auth;
  }

  /** The cache of checked sessions (read by tests and, later, metrics). */
  get sessionCache(): SessionCache {
    return this.#sessions;
  }

  /** Forgets the cached sessions of a person whose account is gone, so none outlives it here. */
  forgetSessionsOf(userId: string): void {
    this.#sessions.evictUser(userId);
  }

  /**
   * Confirms with the password that the person is still the one using this session, and records it
   * (re-authentication). Limited like sign-in, per account and address.
   */
  async reauthenticate(auth: Authenticated, password: string, meta: RequestMeta): Promise<void> {
    await this.#limiter.admit(auth.user.email, meta.address);
    const found = await this.#store.findUserByEmail(auth.user.email);
    const matches = found !== undefined && (await verifyPassword(found.passwordHash, password));
    if (!matches) {
      await this.#audit.record(this.#db, {
        action: 'session.reauthenticate',
        outcome: 'failure',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: { reason: 'wrong-password', address: meta.address },
      });
      throw new SunlogError('invalid-credentials', 'The password is incorrect.', {
        fields: [{ path: 'password', message: 'The password is incorrect.' }],
      });
    }
    await this.#limiter.succeeded(auth.user.email, meta.address);
    await this.#markAuthenticated(auth, meta);
  }

  /**
   * Lets a sensitive operation go ahead when `proof.password` is given and correct (which also counts as
   * a fresh proof; a wrong one is refused even within the window), or, without a password, when the
   * session proved who uses it within `RECENT_AUTHENTICATION_MS`. Otherwise throws
   * `reauthentication-required`, which clients answer by asking for the password again.
   */
  async requireRecentAuthentication(
    auth: Authenticated,
    proof: { password?: string | undefined },
    meta: RequestMeta,
  ): Promise<void> {
    // A password that is given is always checked, even within the window: a mistyped one never passes.
    if (proof.password !== undefined) {
      await this.reauthenticate(auth, proof.password, meta);
      return;
    }
    if (isRecentlyAuthenticated(auth.session, this.#clock())) return;
    throw new SunlogError(
      'reauthentication-required',
      'For your safety, enter your password again to continue.',
    );
  }

  /** Records a successful proof on the session (and on `auth`, for the rest of this request). */
  async #markAuthenticated(auth: Authenticated, meta: RequestMeta): Promise<void> {
    const now = this.#clock().toISOString();
    await this.#db.transaction().execute(async (trx) => {
      await this.#store.markAuthenticated(trx, auth.session.id, now);
      await this.#audit.record(trx, {
        action: 'session.reauthenticate',
        outcome: 'success',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: { address: meta.address },
      });
    });
    auth.session.authenticatedAt = now;
    this.#sessions.evictSession(auth.session.id);
  }

  /**
   * Changes the password: the new one is checked first (strength, and different from the current one),
   * so a refused request changes nothing; then the current one is checked like a re-authentication
   * (limited like sign-in, and a fresh proof for this session). The new hash replaces the old one and
   * every other session of the person ends in the same transaction; this session stays signed in.
   * Audited as `password.change`, success or failure, never with either password.
   */
  async changePassword(auth: Authenticated, input: ChangePasswordInput, meta: RequestMeta): Promise<void> {
    const refuse = async (reason: string) =>
      this.#audit.record(this.#db, {
        action: 'password.change',
        outcome: 'failure',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: { reason, address: meta.address },
      });
    const profile = await this.#requireProfile(auth.user.id);
    const problems =
      input.newPassword === input.currentPassword
        ? [{ path: 'newPassword', message: 'Choose a password different from your current one.' }]
        : passwordProblems(input.newPassword, auth.user.email, [profile.displayName]).map((issue) => ({
            ...issue,
            path: 'newPassword',
          }));
    if (problems.length > 0) {
      await refuse('weak-new-password');
      throw new SunlogError('invalid-input', 'Choose a stronger password.', { fields: problems });
    }
    try {
      await this.requireRecentAuthentication(auth, { password: input.currentPassword }, meta);
    } catch (error) {
      if (error instanceof SunlogError && error.code === 'invalid-credentials') {
        await refuse('wrong-current-password');
        throw new SunlogError('invalid-credentials', 'The current password is incorrect.', {
          fields: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
        });
      }
      throw error;
    }
    const passwordHash = await hashPassword(input.newPassword);
    this.#sessions.evictUser(auth.user.id);
    await this.#db.transaction().execute(async (trx) => {
      await this.#store.updatePasswordHash(trx, auth.user.id, passwordHash);
      const ended = await this.#store.deleteOtherSessions(trx, auth.user.id, auth.session.id);
      await this.#audit.record(trx, {
        action: 'password.change',
        outcome: 'success',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: { address: meta.address, otherSessionsEnded: ended.length },
      });
    });
    // Again after the commit: a check that read an ended session before the delete is not stored.
    this.#sessions.evictUser(auth.user.id);
  }

  /** Ends the session on the server; its cookie stops working at once. */
  async signOut(auth: Authenticated, meta: RequestMeta): Promise<void> {
    this.#sessions.evictSession(auth.session.id);
    await this.#db.transaction().execute(async (trx) => {
      await this.#store.deleteSession(trx, auth.user.id, auth.session.id);
      await this.#audit.record(trx, {
        action: 'session.sign-out',
        outcome: 'success',
        userId: auth.user.id,
        requestId: meta.requestId,
      });
    });
    // Again after the commit: a check that read the row before the delete is not stored (generation).
    this.#sessions.evictSession(auth.session.id);
  }

  /**
   * Sets a new password for someone who proved it with a one-time link (accounts/password-reset.ts):
   * strength-checked like any new password, and every session of the person ends, so whoever had the
   * old password is signed out everywhere. Runs inside the caller's transaction with the link's use.
   */
  async setPasswordFromReset(trx: Kysely<Database>, userId: string, newPassword: string): Promise<number> {
    // Inside the transaction: on SQLite a read outside it would wait for the connection it holds.
    const user = await trx.selectFrom('users').select(['email']).where('id', '=', userId).executeTakeFirst();
    if (user === undefined) throw new SunlogError('not-found', 'This link no longer works.');
    const profile = await this.#requireProfile(userId, trx);
    const problems = passwordProblems(newPassword, user.email, [profile.displayName]).map((issue) => ({
      ...issue,
      path: 'newPassword',
    }));
    if (problems.length > 0) {
      throw new SunlogError('invalid-input', 'Choose a stronger password.', { fields: problems });
    }
    const passwordHash = await hashPassword(newPassword);
    this.#sessions.evictUser(userId);
    await this.#store.updatePasswordHash(trx, userId, passwordHash);
    return this.#store.deleteAllSessions(trx, userId);
  }

  /** The account registered with `email` (matched as normalised at registration), for operator tools. */
  async findUserByEmail(email: string): Promise<User | undefined> {
    const found = await this.#store.findUserByEmail(email.trim().toLowerCase());
    return found === undefined ? undefined : { id: found.id, email: found.email };
  }

  /** The account as an export names it: id, email and when it was registered. */
  async describeAccount(user: User): Promise<{ id: string; email: string; createdAt: string }> {
    const createdAt = await this.#store.findUserCreatedAt(user.id);
    if (createdAt === undefined) throw new SunlogError('not-found', 'No such account.');
    return { id: user.id, email: user.email, createdAt };
  }

  async getAccount(user: User): Promise<Account> {
    return { user, profile: await this.#requireProfile(user.id) };
  }

  /**
   * Applies a partial change to the person's profile and returns the whole profile. The audit trail
   * names the settings whose value changed; a save that changes nothing is not an event.
   */
  async updateProfile(user: User, patch: ProfilePatch, meta: RequestMeta): Promise<Profile> {
    return this.#db.transaction().execute((trx) => this.updateProfileIn(trx, user, patch, meta));
  }

  /** `updateProfile` inside the caller's transaction (an import writes the settings with its records). */
  async updateProfileIn(
    trx: Kysely<Database>,
    user: User,
    patch: ProfilePatch,
    meta: RequestMeta,
  ): Promise<Profile> {
    const now = this.#clock().toISOString();
    const before = await this.#requireProfile(user.id, trx);
    await this.#store.updateProfile(trx, user.id, patch, now);
    const after = await this.#requireProfile(user.id, trx);
    const fields = (Object.keys(patch) as (keyof ProfilePatch)[])
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .sort();
    if (fields.length > 0) {
      await this.#audit.record(trx, {
        action: 'profile.update',
        outcome: 'success',
        userId: user.id,
        requestId: meta.requestId,
        // Field names only: values such as reminder times stay out of the audit trail.
        detail: { fields },
      });
    }
    return after;
  }

  /** The person's profile, read inside the caller's transaction. */
  async getProfileIn(trx: Kysely<Database>, userId: string): Promise<Profile> {
    return this.#requireProfile(userId, trx);
  }

  /** The person's live sessions, marking the one this request uses. */
  async listSessions(auth: Authenticated): Promise<SessionSummary[]> {
    const { idleCutoff, nowIso } = this.#cutoffs(this.#clock());
    const sessions = await this.#store.listLiveSessions(auth.user.id, idleCutoff, nowIso);
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      userAgent: session.userAgent,
      current: session.id === auth.session.id,
    }));
  }

  /** Ends one of the person's sessions; `not-found` when it is not theirs (existence is not revealed). */
  async endSession(auth: Authenticated, sessionId: string, meta: RequestMeta): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const deleted = await this.#store.deleteSession(trx, auth.user.id, sessionId);
      if (!deleted) throw new SunlogError('not-found', 'No such session.');
      await this.#audit.record(trx, {
        action: 'session.revoke',
        outcome: 'success',
        userId: auth.user.id,
        requestId: meta.requestId,
        detail: { sessionId, current: sessionId === auth.session.id },
      });
    });
    this.#sessions.evictSession(sessionId);
  }

  /**
   * Signs in someone whose identity another proof already established (a passkey, accounts/passkeys.ts):
   * a new session exactly like a password sign-in, audited as `session.sign-in` with the method, and
   * counting as a fresh proof for re-authentication.
   */
  async signInVerified(userId: string, method: 'passkey', meta: RequestMeta): Promise<SignedIn> {
    const user = await this.#store.findUserById(userId);
    if (user === undefined) throw new SunlogError('invalid-credentials', 'This passkey no longer works.');
    return this.#openSession(user, meta, { address: meta.address, method });
  }

  /**
   * A new session for someone whose identity was just proved: the person's dead sessions go, the new one
   * is stored and the sign-in audited with `detail`, all in one transaction.
   */
  async #openSession(user: User, meta: RequestMeta, detail: AuditDetail): Promise<SignedIn> {
    const profile = await this.#requireProfile(user.id);
    const now = this.#clock();
    const { session, token } = newSession(user.id, now, meta.userAgent);
    const { idleCutoff, nowIso } = this.#cutoffs(now);
    await this.#db.transaction().execute(async (trx) => {
      await this.#store.deleteDeadSessions(trx, user.id, idleCutoff, nowIso);
      await this.#store.insertSession(trx, session);
      await this.#audit.record(trx, {
        action: 'session.sign-in',
        outcome: 'success',
        userId: user.id,
        requestId: meta.requestId,
        detail,
      });
    });
    return { user, profile, session, token };
  }

  async #requireProfile(userId: string, executor: Kysely<Database> = this.#db): Promise<Profile> {
    // Inside a transaction pass it: on SQLite a second query through `db` would wait for the
    // transaction's connection forever.
    const profile = await this.#store.findProfile(userId, executor);
    if (profile === undefined) throw new Error(`Account ${userId} has no profile row`);
    return profile;
  }

  #cutoffs(now: Date): { idleCutoff: string; nowIso: string } {
    return {
      idleCutoff: new Date(now.getTime() - SESSION_IDLE_LIFETIME_MS).toISOString(),
      nowIso: now.toISOString(),
    };
  }
}

/** True while the session is within its idle and its absolute lifetime at `now`. */
function isLive(session: Session, now: Date): boolean {
  const idleDeadline = Date.parse(session.lastSeenAt) + SESSION_IDLE_LIFETIME_MS;
  return now.getTime() < idleDeadline && now.getTime() < Date.parse(session.expiresAt);
}

/** True when `last_seen_at` is old enough to be written again. */
function needsTouch(session: Session, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS;
}

/** True when the session proved who uses it within `RECENT_AUTHENTICATION_MS` of `now`. */
export function isRecentlyAuthenticated(session: Pick<Session, 'authenticatedAt'>, now: Date): boolean {
  if (session.authenticatedAt === null) return false;
  const elapsed = now.getTime() - Date.parse(session.authenticatedAt);
  return elapsed >= 0 && elapsed <= RECENT_AUTHENTICATION_MS;
}

/** The hex SHA-256 of a session token: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newSession(
  userId: string,
  now: Date,
  userAgent: string | null,
): { session: Session & { tokenHash: string }; token: string } {
  const token = randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
  const nowIso = now.toISOString();
  return {
    token,
    session: {
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId,
      createdAt: nowIso,
      lastSeenAt: nowIso,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS).toISOString(),
      userAgent: userAgent === null ? null : userAgent.slice(0, 512),
      // Signing in or registering is itself a proof of who uses the session.
      authenticatedAt: nowIso,
    },
  };
}

function defaultDisplayName(email: string): string {
  const local = email.split('@')[0]?.trim() ?? '';
  return (local === '' ? email : local).slice(0, 80);
}

function emailTaken(): SunlogError {
  return new SunlogError('email-taken', 'An account with this email already exists.', {
    fields: [{ path: 'email', message: 'An account with this email already exists.' }],
  });
}

/** SQLite's and PostgreSQL's ways of saying a unique index refused a row. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === '23505';
}
