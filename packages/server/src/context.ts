import type { Agent } from 'node:https';
import type { Kysely } from 'kysely';
import { AccountDeletionService } from './account-deletion/service.ts';
import { KnownDevices } from './accounts/devices.ts';
import { PasskeyService } from './accounts/passkeys.ts';
import { PasswordResetService } from './accounts/password-reset.ts';
import { prepareDecoy } from './accounts/passwords.ts';
import { SignInLimiter } from './accounts/rate-limit.ts';
import { RegistrationByMail } from './accounts/registration-by-mail.ts';
import { SecondFactorService } from './accounts/second-factor.ts';
import { AccountService } from './accounts/service.ts';
import { AuditLog } from './audit/audit-log.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { DatabaseUnavailableError, describePostgresTarget, outageReason } from './db/availability.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Database } from './db/tables.ts';
import { ExportService } from './export/service.ts';
import { ImportService } from './imports/service.ts';
import { Mailer } from './mail/mailer.ts';
import { newDeviceMailer } from './mail/new-device-notice.ts';
import { RecordService } from './records/service.ts';
import { CalendarService } from './reminders/calendar.ts';
import { DeliveryJob } from './reminders/delivery.ts';
import { vapidSubject, webPushSender } from './reminders/push-sender.ts';
import { PushSubscriptionService } from './reminders/push-subscriptions.ts';
import { loadVapidKeys, type VapidKeys } from './reminders/vapid.ts';
import { ShareService } from './shares/service.ts';

/** A running Sunlog without HTTP: the database and every service. Used by main, the CLI and tests. */
export interface Sunlog {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly accounts: AccountService;
  /** One-time password-reset links. */
  readonly passwordResets: PasswordResetService;
  /** Where mail goes out, when SMTP_URL is set; undefined otherwise. */
  readonly mailer: Mailer | undefined;
  /** Registration that confirms the address by mail, when mail is set up; undefined otherwise. */
  readonly registrationByMail: RegistrationByMail | undefined;
  /** The second factor for password sign-in (TOTP and recovery codes). */
  readonly secondFactor: SecondFactorService;
  /** The devices each person has signed in from (new-device notices). */
  readonly devices: KnownDevices;
  /** Passkeys (WebAuthn): adding, listing, removing, signing in with one. */
  readonly passkeys: PasskeyService;
  readonly records: RecordService;
  readonly exports: ExportService;
  readonly imports: ImportService;
  readonly accountDeletion: AccountDeletionService;
  readonly calendar: CalendarService;
  readonly shares: ShareService;
  /** The Web Push key pair, made on first start and kept in the database. */
  readonly vapid: VapidKeys;
  /** The browsers that agreed to notifications. */
  readonly pushSubscriptions: PushSubscriptionService;
  /** The reminder delivery job (run by `serve`, on a timer) and Snooze / test notifications. */
  readonly delivery: DeliveryJob;
  /** Closes the database. Safe to call more than once. */
  close(): Promise<void>;
}

export interface OpenSunlogOptions {
  /** The time source; the system clock unless a test or job fixes it. */
  clock?: Clock;
  /** The https agent for requests to push services (tests pass one that trusts a local receiver). */
  pushAgent?: Agent;
  /** How long one push request may take (PUSH_TIMEOUT_MS unless given; tests shorten it). */
  pushTimeoutMs?: number;
}

/**
 * Opens the database, brings it to the latest migration and builds the services, in that order.
 * Call `close()` when done; on a failed start the database is closed before the error is thrown.
 */
export async function openSunlog(config: Config, options: OpenSunlogOptions = {}): Promise<Sunlog> {
  const clock = options.clock ?? systemClock;
  const db = connectDatabase(config.database);
  let closing: Promise<void> | undefined;
  let mailer: Mailer | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await mailer?.close();
      await db.destroy();
    })();
    return closing;
  };
  let vapid: VapidKeys;
  try {
    await migrateToLatest(db, config.database);
    await prepareDecoy();
    vapid = await loadVapidKeys(db, clock());
  } catch (error) {
    await close();
    const outage = outageReason(error);
    if (outage !== undefined && config.database.engine === 'postgres') {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new DatabaseUnavailableError(
        `Sunlog could not start: the PostgreSQL database at ${describePostgresTarget(config.database.url)} did not answer (${outage}: ${detail}).`,
        { cause: error },
      );
    }
    throw error;
  }
  const audit = new AuditLog(clock);
  // A failed mail is reported by its error code only: never the address or the text.
  mailer =
    config.mail === undefined
      ? undefined
      : new Mailer(config.mail, (error) =>
          console.error(`Sunlog could not send a mail (${(error as { code?: string }).code ?? 'error'}).`),
        );
  const limiter = new SignInLimiter(db, clock, config.registrationsPerAddress);
  const secondFactor = new SecondFactorService({ db, clock, audit });
  const devices = new KnownDevices({
    db,
    clock,
    audit,
    ...(mailer === undefined ? {} : { onNewDevice: newDeviceMailer(db, mailer, config.publicUrl) }),
  });
  const accounts = new AccountService({ db, clock, audit, limiter, secondFactor });
  const passwordResets = new PasswordResetService({ db, clock, audit, accounts });
  const registrationByMail =
    mailer === undefined
      ? undefined
      : new RegistrationByMail({
          db,
          clock,
          accounts,
          resets: passwordResets,
          mailer,
          publicUrl: config.publicUrl,
        });
  const passkeys = new PasskeyService({ db, clock, audit, accounts, limiter });
  const records = new RecordService({ db, engine: config.database.engine, clock, audit });
  const exports = new ExportService({ db, clock, audit, accounts, records });
  const imports = new ImportService({ db, audit, accounts, records });
  const accountDeletion = new AccountDeletionService({ db, engine: config.database.engine, audit, accounts });
  const calendar = new CalendarService({ db, clock, audit, accounts, records });
  const pushSubscriptions = new PushSubscriptionService({ db, clock, audit });
  const delivery = new DeliveryJob({
    db,
    engine: config.database.engine,
    clock,
    subscriptions: pushSubscriptions,
    sender: webPushSender({
      vapid,
      subject: vapidSubject(config.publicUrl),
      ...(options.pushAgent === undefined ? {} : { agent: options.pushAgent }),
      ...(options.pushTimeoutMs === undefined ? {} : { timeoutMs: options.pushTimeoutMs }),
    }),
  });
  const shares = new ShareService({ db, clock, audit, accounts, records, exports });
  return {
    config,
    db,
    clock,
    audit,
    accounts,
    passwordResets,
    mailer,
    registrationByMail,
    secondFactor,
    devices,
    passkeys,
    records,
    exports,
    imports,
    accountDeletion,
    calendar,
    shares,
    vapid,
    pushSubscriptions,
    delivery,
    close,
  };
}
