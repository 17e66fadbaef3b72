/** One field the server (or the same check in the browser) found wrong, by its dotted path. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Codes the web app reacts to; the server may send others, which are shown by their message. */
export type KnownErrorCode =
  | 'invalid-input'
  | 'invalid-credentials'
  | 'unauthenticated'
  | 'csrf'
  | 'not-found'
  | 'email-taken'
  | 'rate-limited'
  /** The request never reached the server (offline, server down). */
  | 'network'
  /** The server answered something the contract does not allow. */
  | 'unexpected-response';

/** A failed API call, carrying the contract's stable `code`; switch on `code`, never on `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: KnownErrorCode | (string & {});
  readonly fields: readonly FieldProblem[];

  constructor(status: number, code: string, message: string, fields: readonly FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** What to tell the person when a call failed: the contract's message, or whatever else was thrown. */
export function failureMessage(caught: unknown): string {
  return isApiError(caught) ? caught.message : String(caught);
}
