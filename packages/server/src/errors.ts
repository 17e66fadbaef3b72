/**
 * Every failure a service can report on purpose, by stable code. Clients switch on the code,
 * never on the message; `http/errors.ts` maps each code to an HTTP status once.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'csrf'
  | 'not-found'
  | 'email-taken'
  | 'idempotency-conflict'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'reauthentication-required'
  | 'second-factor-required'
  | 'invalid-file'
  | 'file-too-large'
  | 'import-conflict'
  | 'confirmation-mismatch'
  | 'already-snoozed';

/** A field that failed validation, by dotted path (`reminders.dailyDoseTimes.0`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An expected failure with a stable code and a message fit to show a person. */
export class SunlogError extends Error {
  override readonly name = 'SunlogError';
  readonly code: ErrorCode;
  readonly fields: readonly FieldIssue[] | undefined;
  /** Seconds after which a retry may succeed; set for `rate-limited`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: readonly FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}
