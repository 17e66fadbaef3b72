import {
  type BloodTarget,
  BloodTargetSchema,
  BloodUnitSchema,
  canonicalLocale,
  IntakeUnitSchema,
  type Profile,
  type ProfilePatch,
  type ReminderPreferences,
  ReminderPreferencesSchema,
  TrackedRatingsSchema,
} from '@sunlog/core/records/profile';
import { canonicalTimeZone } from '@sunlog/core/records/time-zone';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ProfilesTable, SessionsTable, UsersTable } from '../db/tables.ts';

/** A person's account as the service sees it. */
export interface User {
  id: string;
  email: string;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

/** A signed-in device. `tokenHash` never leaves the server. */
export interface Session {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  /** When the session last proved who uses it; null for sessions older than that record. */
  authenticatedAt: string | null;
}

export interface NewSession extends Session {
  tokenHash: string;
}

/** Reads and writes accounts, profiles and sessions; row ↔ domain mapping happens here and only here. */
export class AccountStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = await this.#db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, email: row.email, passwordHash: row.password_hash };
  }

  async findUserById(id: string): Promise<User | undefined> {
    const row = await this.#db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row;
  }

  /** When the account was registered (UTC), or undefined when there is no such account. */
  async findUserCreatedAt(id: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('users')
      .select('created_at')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.created_at;
  }

  async insertUser(
    executor: Kysely<Database>,
    user: UserWithPassword & { createdAt: string },
  ): Promise<void> {
    const row: Insertable<UsersTable> = {
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
    };
    await executor.insertInto('users').values(row).execute();
  }

  async insertProfile(
    executor: Kysely<Database>,
    userId: string,
    profile: Profile,
    at: string,
  ): Promise<void> {
    await executor
      .insertInto('profiles')
      .values(profileToRow(userId, profile, at))
      .execute();
  }

  async findProfile(userId: string, executor: Kysely<Database> = this.#db): Promise<Profile | undefined> {
    const row = await executor
      .selectFrom('profiles')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : rowToProfile(row);
  }

  /** Writes only the fields the patch names, so concurrent patches of different fields both survive. */
  async updateProfile(
    executor: Kysely<Database>,
    userId: string,
    patch: ProfilePatch,
    at: string,
  ): Promise<void> {
    const columns: Updateable<ProfilesTable> = { updated_at: at };
    if (patch.displayName !== undefined) columns.display_name = patch.displayName;
    if (patch.timeZone !== undefined) columns.time_zone = canonicalTimeZone(patch.timeZone);
    if (patch.intakeUnit !== undefined) columns.intake_unit = patch.intakeUnit;
    if (patch.bloodUnit !== undefined) columns.blood_unit = patch.bloodUnit;
    if (patch.locale !== undefined) columns.locale = canonicalLocale(patch.locale);
    if (patch.reminders !== undefined) columns.reminders = JSON.stringify(patch.reminders);
    if (patch.consentedAt !== undefined) columns.consented_at = patch.consentedAt;
    if (patch.bloodTarget !== undefined) columns.blood_target = bloodTargetToText(patch.bloodTarget);
    if (patch.trackedRatings !== undefined) columns.tracked_ratings = JSON.stringify(patch.trackedRatings);
    if (patch.lastAppointment !== undefined) columns.last_appointment = patch.lastAppointment;
    await executor.updateTable('profiles').set(columns).where('user_id', '=', userId).execute();
  }

  async insertSession(executor: Kysely<Database>, session: NewSession): Promise<void> {
    const row: Insertable<SessionsTable> = {
      id: session.id,
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
      authenticated_at: session.authenticatedAt,
    };
    await executor.insertInto('sessions').values(row).execute();
  }

  /** The session with this token hash and its person, in one query (the check on every request). */
  async findSessionWithUser(tokenHash: string): Promise<{ session: Session; user: User } | undefined> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id',
        'sessions.user_id',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.user_agent',
        'sessions.authenticated_at',
        'users.email',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      session: {
        id: row.id,
        userId: row.user_id,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        userAgent: row.user_agent,
        authenticatedAt: row.authenticated_at,
      },
      user: { id: row.user_id, email: row.email },
    };
  }

  /** Sessions of one person still within both lifetimes, most recently used first. */
  async listLiveSessions(userId: string, idleCutoff: string, now: string): Promise<Session[]> {
    const rows = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('last_seen_at', '>', idleCutoff)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(rowToSession);
  }

  async touchSession(sessionId: string, lastSeenAt: string): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt })
      .where('id', '=', sessionId)
      .execute();
  }

  /** Records that the session has just proved who uses it (a password entered again). */
  async markAuthenticated(executor: Kysely<Database>, sessionId: string, at: string): Promise<void> {
    await executor
      .updateTable('sessions')
      .set({ authenticated_at: at })
      .where('id', '=', sessionId)
      .execute();
  }

  /** Deletes one of the person's sessions; false when it was not theirs or no longer exists. */
  async deleteSession(executor: Kysely<Database>, userId: string, sessionId: string): Promise<boolean> {
    const result = await executor
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Replaces the person's password hash. */
  async updatePasswordHash(executor: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
    await executor
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
  }

  /** Deletes every session of the person; answers how many. */
  async deleteAllSessions(executor: Kysely<Database>, userId: string): Promise<number> {
    const result = await executor.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes every session of the person but `keepSessionId`; answers the ids it deleted. */
  async deleteOtherSessions(
    executor: Kysely<Database>,
    userId: string,
    keepSessionId: string,
  ): Promise<string[]> {
    const rows = await executor
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id', '!=', keepSessionId)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  async deleteSessionById(sessionId: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** Removes the person's sessions that have passed either lifetime. */
  async deleteDeadSessions(executor: Kysely<Database>, userId: string, idleCutoff: string, now: string) {
    await executor
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_seen_at', '<=', idleCutoff), eb('expires_at', '<=', now)]))
      .execute();
  }
}

function profileToRow(userId: string, profile: Profile, at: string): Insertable<ProfilesTable> {
  return {
    user_id: userId,
    display_name: profile.displayName,
    time_zone: canonicalTimeZone(profile.timeZone),
    intake_unit: profile.intakeUnit,
    blood_unit: profile.bloodUnit,
    locale: canonicalLocale(profile.locale),
    reminders: JSON.stringify(profile.reminders),
    consented_at: profile.consentedAt,
    blood_target: bloodTargetToText(profile.bloodTarget),
    tracked_ratings: profile.trackedRatings === undefined ? null : JSON.stringify(profile.trackedRatings),
    last_appointment: profile.lastAppointment ?? null,
    updated_at: at,
  };
}

function bloodTargetToText(target: BloodTarget | null | undefined): string | null {
  return target === undefined || target === null ? null : JSON.stringify(target);
}

function rowToProfile(row: Selectable<ProfilesTable>): Profile {
  const reminders: ReminderPreferences = ReminderPreferencesSchema.parse(JSON.parse(row.reminders));
  return {
    displayName: row.display_name,
    timeZone: row.time_zone,
    intakeUnit: IntakeUnitSchema.parse(row.intake_unit),
    bloodUnit: BloodUnitSchema.parse(row.blood_unit),
    locale: row.locale,
    reminders,
    consentedAt: row.consented_at,
    // Absent means none (ProfileSchema), so answers from before the column keep their shape.
    ...(row.blood_target === null
      ? {}
      : { bloodTarget: BloodTargetSchema.parse(JSON.parse(row.blood_target)) }),
    ...(row.tracked_ratings === null
      ? {}
      : { trackedRatings: TrackedRatingsSchema.parse(JSON.parse(row.tracked_ratings)) }),
    ...(row.last_appointment === null ? {} : { lastAppointment: row.last_appointment }),
  };
}

function rowToSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
    authenticatedAt: row.authenticated_at,
  };
}
