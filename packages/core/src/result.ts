/**
 * Expected failures in core come back as values, never as thrown errors. Clients switch on `code`,
 * which is stable; `message` is for people and may change.
 */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** Every error code core can return. Add codes; never rename or reuse one. */
export const DOMAIN_ERROR_CODES = [
  /** A record or request body did not match its schema. */
  'invalid-record',
  /** Text that should have been JSON was not. */
  'invalid-json',
  /** A document is not a Sunlog export at all (no `format: "sunlog-export"`). */
  'not-a-sunlog-export',
  /** A Sunlog export of a version this code cannot read. */
  'unsupported-export-version',
  /** A Sunlog export whose content does not match its version's schema. */
  'invalid-export',
  /** An import found items that differ between the file and the account, and no choice was made for them. */
  'unresolved-conflicts',
  /** A CSV file that cannot be read, or whose lines cannot all be imported. */
  'invalid-csv',
  /** A FHIR file that is not an R4 Observation or Bundle. */
  'invalid-fhir',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A failure with a stable code, a plain message and, when known, the path of the first problem. */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
  /** Where the first problem is, e.g. `intakes[3].amount.unit`; absent when it concerns the whole input. */
  path?: string;
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
