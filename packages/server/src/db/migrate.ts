import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import { createAccounts } from './migrations/0001-create-accounts.ts';
import { createRecords } from './migrations/0002-create-records.ts';
import { addSessionAuthenticatedAt } from './migrations/0003-add-session-authenticated-at.ts';
import { addProfileBloodTarget } from './migrations/0004-add-profile-blood-target.ts';
import { createSecondFactors } from './migrations/0005-create-second-factors.ts';
import { createRecoveryCodes } from './migrations/0006-create-recovery-codes.ts';
import { createKnownDevices } from './migrations/0007-create-known-devices.ts';
import { createPasswordResets } from './migrations/0008-create-password-resets.ts';
import { createPasskeys } from './migrations/0009-create-passkeys.ts';
import { createCalendarFeeds } from './migrations/0010-create-calendar-feeds.ts';
import { createServerKeys } from './migrations/0011-create-server-keys.ts';
import { createPushSubscriptions } from './migrations/0012-create-push-subscriptions.ts';
import { createPushDeliveries } from './migrations/0013-create-push-deliveries.ts';
import { addPushDeliveryIndexes } from './migrations/0014-add-push-delivery-indexes.ts';
import { createShares } from './migrations/0015-create-shares.ts';
import { createShareFiles } from './migrations/0016-create-share-files.ts';
import { createPendingRegistrations } from './migrations/0017-create-pending-registrations.ts';
import { addProfileLastAppointment } from './migrations/0019-add-profile-last-appointment.ts';
import { addRetentionIndexes } from './migrations/0020-add-retention-indexes.ts';
import { addProfileTrackedRatings } from './migrations/0030-add-profile-tracked-ratings.ts';
import type { Database } from './tables.ts';

/**
 * Every migration, in order. Append-only: a migration is never edited or removed once merged, and a
 * new one takes the next number. Listed here rather than found on disk, so bundling or a stray file
 * cannot change what runs.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-create-accounts': createAccounts,
  '0002-create-records': createRecords,
  '0003-add-session-authenticated-at': addSessionAuthenticatedAt,
  '0004-add-profile-blood-target': addProfileBloodTarget,
  '0005-create-second-factors': createSecondFactors,
  '0006-create-recovery-codes': createRecoveryCodes,
  '0007-create-known-devices': createKnownDevices,
  '0008-create-password-resets': createPasswordResets,
  '0009-create-passkeys': createPasskeys,
  '0010-create-calendar-feeds': createCalendarFeeds,
  '0011-create-server-keys': createServerKeys,
  '0012-create-push-subscriptions': createPushSubscriptions,
  '0013-create-push-deliveries': createPushDeliveries,
  '0014-add-push-delivery-indexes': addPushDeliveryIndexes,
  '0015-create-shares': createShares,
  '0016-create-share-files': createShareFiles,
  '0017-create-pending-registrations': createPendingRegistrations,
  '0019-add-profile-last-appointment': addProfileLastAppointment,
  '0020-add-retention-indexes': addRetentionIndexes,
  '0030-add-profile-tracked-ratings': addProfileTrackedRatings,
};

/** The database holds migrations this build does not know, or in another order; Sunlog will not guess. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the database up to date. Kysely's migrator takes a lock (so several instances starting at
 * once migrate once) and rejects a history that names a migration missing from `MIGRATIONS`.
 * Returns the names of the migrations it applied.
 */
export async function migrateToLatest(db: Kysely<Database>, config: DatabaseConfig): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Numbers are handed out in ranges to work done in parallel, so a database may already hold a later
    // number (0020) when an earlier one (0004) arrives; each migration stands alone, so it simply runs.
    allowUnorderedMigrations: true,
    // On PostgreSQL the bookkeeping tables live in Sunlog's own schema; Kysely's existence check
    // looks across every schema unless it is told which one.
    ...(config.engine === 'postgres' ? { migrationTableSchema: config.schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Database migration failed: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
