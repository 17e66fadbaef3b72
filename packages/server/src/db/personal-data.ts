import { pairKeyPrefix } from '../accounts/rate-limit.ts';
import type { Database } from './tables.ts';

/** Whom deleting an account is about: the account's id and its (normalised) email. */
export interface Person {
  id: string;
  email: string;
}

/** How a table's rows about one person are found. */
export type PersonalRows =
  /** Rows whose `column` holds the person's account id. */
  | { readonly by: 'column'; readonly column: string }
  /** Rows whose text `column` starts with one of the prefixes made from the person (counters keyed by email hash). */
  | {
      readonly by: 'prefix';
      readonly column: string;
      readonly prefixes: (person: Person) => readonly string[];
    }
  /** A table that holds nothing about people, and why. */
  | { readonly by: 'nothing'; readonly reason: string };

/**
 * Every table of the database and how a person's rows are found in it: what deleting an account erases.
 * Typed over `Database`, so a new table in tables.ts does not compile until it is placed here; and a test
 * (account-deletion.int.test.ts) lists the tables of the live database on both engines and fails on any
 * not named here, so a table made by a migration without a row type is caught too. Most tables hold
 * `user_id`; list a new one with the column its rows are found by.
 */
export const PERSONAL_DATA: Readonly<Record<keyof Database, PersonalRows>> = {
  profiles: { by: 'column', column: 'user_id' },
  sessions: { by: 'column', column: 'user_id' },
  audit_events: { by: 'column', column: 'user_id' },
  rate_limits: { by: 'prefix', column: 'key', prefixes: (person) => [pairKeyPrefix(person.email)] },
  regimens: { by: 'column', column: 'user_id' },
  intakes: { by: 'column', column: 'user_id' },
  lab_results: { by: 'column', column: 'user_id' },
  symptom_checks: { by: 'column', column: 'user_id' },
  flares: { by: 'column', column: 'user_id' },
  check_ins: { by: 'column', column: 'user_id' },
  record_revisions: { by: 'column', column: 'user_id' },
  calendar_feeds: { by: 'column', column: 'user_id' },
  password_resets: { by: 'column', column: 'user_id' },
  pending_registrations: {
    by: 'nothing',
    reason:
      'Sign-ups not yet confirmed by mail: no account exists for them, a row lives a day, and confirming erases every row of its address.',
  },
  push_subscriptions: { by: 'column', column: 'user_id' },
  push_deliveries: { by: 'column', column: 'user_id' },
  // Before shares: its rows reference them.
  share_files: { by: 'column', column: 'user_id' },
  shares: { by: 'column', column: 'user_id' },
  second_factors: { by: 'column', column: 'user_id' },
  recovery_codes: { by: 'column', column: 'user_id' },
  known_devices: { by: 'column', column: 'user_id' },
  server_keys: {
    by: 'nothing',
    reason:
      'Keys of the server itself (Web Push VAPID, calendar feeds, second-factor secrets); nothing about people.',
  },
  passkeys: { by: 'column', column: 'user_id' },
  // A sign-in challenge has no person yet (user_id null) and lives five minutes; an add-a-passkey one has.
  passkey_challenges: { by: 'column', column: 'user_id' },
  // Last: the other tables' rows reference it.
  users: { by: 'column', column: 'id' },
};

/** Tables the migration tool keeps for itself: which migrations ran, and its lock. */
export const BOOKKEEPING_TABLES: Readonly<Record<string, string>> = {
  kysely_migration: 'Which migrations have run; nothing about people.',
  kysely_migration_lock: 'The migration lock; nothing about people.',
};

/** The tables a person's rows are erased from, in the order to erase them (the account itself last). */
export function personalTables(): [keyof Database, PersonalRows][] {
  return Object.entries(PERSONAL_DATA) as [keyof Database, PersonalRows][];
}
