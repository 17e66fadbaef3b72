/**
 * How large a request body each kind of route accepts, sized to what the route needs so that no
 * anonymous request can make the server parse megabytes. Fastify refuses a larger body with 413 while
 * it streams in, before parsing. Import routes take files and set their own limit (imports/routes.ts).
 */

/** Sign-in, registration, re-authentication, sign-out, password change and account deletion: an email, a password or two, a few names. */
export const AUTH_BODY_LIMIT_BYTES = 4 * 1024;

/** The profile: a name, a zone, a locale, reminders and targets. */
export const PROFILE_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * One record. The largest a record can lawfully be is a check-in: 20 questions of 500 characters and a
 * 2,000-character note, about 36 KB when every character takes three bytes in UTF-8.
 */
export const RECORD_BODY_LIMIT_BYTES = 64 * 1024;

/** Every other route (most take no body at all). */
export const DEFAULT_BODY_LIMIT_BYTES = 4 * 1024;

/** A passkey's registration answer: an attestation may carry certificates, so larger than sign-in's. */
export const PASSKEY_BODY_LIMIT_BYTES = 32 * 1024;
