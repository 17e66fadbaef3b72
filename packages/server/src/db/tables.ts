/**
 * The database as Kysely sees it: one interface per table, in storage shapes. These are row
 * types, not domain types; each capability's `store.ts` maps between the two.
 *
 * Portable on purpose, so the same migrations and queries run on SQLite and PostgreSQL:
 * timestamps are ISO-8601 UTC text (`2025-01-31T08:00:00.000Z`, which also sorts correctly),
 * booleans are integers 0/1, and structured values are JSON text.
 */
export interface Database {
  users: UsersTable;
  profiles: ProfilesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
  regimens: RecordsTable;
  intakes: RecordsTable;
  lab_results: RecordsTable;
  symptom_checks: RecordsTable;
  flares: RecordsTable;
  check_ins: RecordsTable;
  record_revisions: RecordRevisionsTable;
  calendar_feeds: CalendarFeedsTable;
  server_keys: ServerKeysTable;
  password_resets: PasswordResetsTable;
  pending_registrations: PendingRegistrationsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_deliveries: PushDeliveriesTable;
  shares: SharesTable;
  share_files: ShareFilesTable;
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  known_devices: KnownDevicesTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
}

/** The tables that hold a person's records, one per kind, all of the same shape (`RecordsTable`). */
export type RecordTableName =
  | 'regimens'
  | 'intakes'
  | 'lab_results'
  | 'symptom_checks'
  | 'flares'
  | 'check_ins';

export interface UsersTable {
  /** UUID. */
  id: string;
  /** Lower-cased and trimmed; unique. */
  email: string;
  /** argon2id PHC string. */
  password_hash: string;
  created_at: string;
}

export interface ProfilesTable {
  user_id: string;
  display_name: string;
  time_zone: string;
  intake_unit: string;
  blood_unit: string;
  locale: string;
  /** JSON text of `ReminderPreferences`. */
  reminders: string;
  consented_at: string | null;
  /** JSON text of `BloodTarget`, or null when the person set none. */
  blood_target: string | null;
  /** JSON text of `TrackedRatings`, or null for the default set. */
  tracked_ratings: string | null;
  /** "YYYY-MM-DD" of the last appointment with the clinician, or null when not set. */
  last_appointment: string | null;
  updated_at: string;
}

export interface SessionsTable {
  /** UUID, shown to the person so they can end a session; never the token. */
  id: string;
  /** Hex SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; the idle expiry is computed from `last_seen_at`. */
  expires_at: string;
  user_agent: string | null;
  /** When the session last proved who uses it (sign-in, registration, password again); null if never recorded. */
  authenticated_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  outcome: string;
  request_id: string | null;
  /** JSON text; never passwords, tokens or health values. */
  detail: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

/** One record of one kind; keyed by (user_id, id) so a client-made id belongs to its person only. */
export interface RecordsTable {
  user_id: string;
  /** The client-made UUID. */
  id: string;
  /** The local date the record is filed under (YYYY-MM-DD); lists sort and filter on it. */
  filed_on: string;
  /** JSON text of the whole record as the API answers it, timestamps included. */
  body: string;
  /** Hex SHA-256 of the canonical JSON of the first create body; a replayed create is compared with it. */
  body_hash: string;
  created_at: string;
  updated_at: string;
  /** Set by a (soft) delete, cleared by a restore. */
  deleted_at: string | null;
}

/** A record as it was before an edit: the edit history. */
export interface RecordRevisionsTable {
  id: string;
  user_id: string;
  /** The table of the record (`intakes`, `lab_results`, …). */
  kind: string;
  record_id: string;
  /** When the edit that replaced this version happened. */
  revised_at: string;
  /** JSON text of the record as it was before that edit. */
  body: string;
}

/** A person's private calendar feed; the URL's secret itself is never stored. */
/** Sign-ups waiting for their address to be confirmed by mail (accounts/registration-by-mail.ts). */
export interface PendingRegistrationsTable {
  /** SHA-256 (hex) of the confirmation link's token. */
  token_hash: string;
  email: string;
  password_hash: string;
  display_name: string | null;
  time_zone: string | null;
  created_at: string;
  expires_at: string;
}

/** One-time password-reset links (accounts/password-reset.ts); the token itself is never stored. */
export interface PasswordResetsTable {
  /** SHA-256 (hex) of the link's token. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** Random, base64url; the secret is HMAC-SHA256(calendar key, feed_id). */
  feed_id: string;
  /** Hex SHA-256 of the secret, looked up when the feed is fetched. */
  secret_hash: string;
  created_at: string;
}

/** A key the server made once and keeps (e.g. `vapid`: the Web Push key pair as JSON). */
export interface ServerKeysTable {
  name: string;
  value: string;
  created_at: string;
}

/** A browser that agreed to Web Push notifications for a person; the keys encrypt the payload to it. */
export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  /** The push service URL (https); unique: an endpoint belongs to one person at a time. */
  endpoint: string;
  /** The browser's P-256 public key, base64url. */
  p256dh: string;
  /** The browser's 16-byte auth secret, base64url. */
  auth: string;
  /** When the push service said the subscription expires (UTC ISO), or null. */
  expiration_time: string | null;
  user_agent: string | null;
  created_at: string;
}

/** One reminder for one person at one due instant, and what became of it. */
export interface PushDeliveriesTable {
  id: string;
  user_id: string;
  /** `kind:regimenId:localTime` (regimen id empty for check-in and blood test). */
  reminder_key: string;
  kind: string;
  regimen_id: string | null;
  local_date: string;
  local_time: string;
  due_at: string;
  /** pending | sent | failed | suppressed | missed */
  status: string;
  attempts: number;
  /** When a pending delivery may next be tried (its due instant, or later after a failed try). */
  next_attempt_at: string;
  /** The lease: until when `claimed_by` (a runner id) may send it. */
  claimed_until: string | null;
  claimed_by: string | null;
  sent_at: string | null;
  /** The delivery this one repeats one hour later (Snooze), or null. */
  snoozed_from: string | null;
  created_at: string;
  updated_at: string;
}

/** A SMART Health Link the person made; the key to its ciphertext is never stored. */
export interface SharesTable {
  /** UUID, for the person to manage the link; not part of the link. */
  id: string;
  user_id: string;
  /** Hex SHA-256 of the manifest id (the random part of the link's manifest URL). */
  manifest_id_hash: string;
  label: string | null;
  /** The date range shared, YYYY-MM-DD, both included. */
  range_from: string;
  range_to: string;
  /** argon2id PHC string of the passcode, or null when the link has none. */
  passcode_hash: string | null;
  /** Wrong passcodes so far; the link is disabled at 10. */
  failed_attempts: number;
  /** Successful manifest requests. */
  access_count: number;
  /** The FHIR Bundle as a compact JWE (dir, A256GCM). */
  ciphertext: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** When too many wrong passcodes switched the link off. */
  disabled_at: string | null;
}

/** A short-lived file address handed out by a manifest request. */
export interface ShareFilesTable {
  /** Hex SHA-256 of the random file id in the address. */
  file_id_hash: string;
  share_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** A person's TOTP second factor; `confirmed_at` null while it is being set up (not yet asked at sign-in). */
export interface SecondFactorsTable {
  user_id: string;
  /** The base32 secret encrypted with AES-256-GCM under a server key; never the secret as it is. */
  totp_secret: string;
  confirmed_at: string | null;
  /** The RFC 6238 time step of the last accepted code; a code of this step or earlier is refused. */
  last_time_step: number | null;
  created_at: string;
}

/** One of a person's one-time recovery codes, by its hex SHA-256; `used_at` set once used. */
export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** A device (device cookie) a person has signed in from: hex SHA-256 of "user id:device id". */
export interface KnownDevicesTable {
  user_id: string;
  device_hash: string;
  first_seen_at: string;
}
/** A person's passkey (accounts/passkeys.ts): the public half only; the private key never leaves the device. */
export interface PasskeysTable {
  /** Our id for the passkey (uuid), used in URLs. */
  id: string;
  user_id: string;
  /** The authenticator's credential id, base64url; unique across every account. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter as last seen (0 for authenticators that keep none). */
  counter: number;
  /** JSON array of transports the authenticator named ("internal", "usb", …). */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A WebAuthn challenge handed out and not yet answered: single use, five minutes. */
export interface PasskeyChallengesTable {
  /** The challenge itself, base64url (random, 32 bytes). */
  challenge: string;
  /** `registration` (adding a passkey; has a person) or `authentication` (signing in; no person yet). */
  purpose: string;
  user_id: string | null;
  expires_at: string;
}
