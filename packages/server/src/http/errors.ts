import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTAGE_RETRY_AFTER_SECONDS, outageReason } from '../db/availability.ts';
import { type ErrorCode, type FieldIssue, SunlogError } from '../errors.ts';
import { applyResponseHeaders } from './response-headers.ts';

/** The one shape every error answer has: `{ error: { code, message, fields? } }`. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code; switch on this, not on the message.'),
      message: z.string().describe('A sentence fit to show a person.'),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe('For invalid-input: each bad field by dotted path.'),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Each service error code's HTTP status, in one place. */
const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  'invalid-credentials': 401,
  csrf: 403,
  'not-found': 404,
  'email-taken': 409,
  'idempotency-conflict': 422,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'reauthentication-required': 403,
  'second-factor-required': 401,
  'invalid-file': 400,
  'file-too-large': 413,
  'import-conflict': 409,
  'confirmation-mismatch': 400,
  'already-snoozed': 409,
};

/** Fastify's own client errors (bad JSON, too large, …), answered in our shape with our words. */
const FRAMEWORK_CLIENT_ERRORS: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: 'invalid-input', message: 'The request is not valid.' },
  404: { code: 'not-found', message: 'Not found.' },
  405: { code: 'method-not-allowed', message: 'This method is not allowed here.' },
  406: { code: 'not-acceptable', message: 'This resource cannot answer in the format you asked for.' },
  413: { code: 'payload-too-large', message: 'The request body is too large.' },
  415: { code: 'unsupported-media-type', message: 'Send the request body as application/json.' },
};

const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

/** Builds an error body. */
export function errorBody(code: string, message: string, fields?: readonly FieldIssue[]): ErrorBody {
  return { error: { code, message, ...(fields === undefined ? {} : { fields: [...fields] }) } };
}

/**
 * The app's single error handler: typed service errors and validation failures become the contract's
 * error body; anything else is logged with its request id and answered with a generic 500, so no
 * stack trace, SQL or driver message ever reaches the client.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  applyResponseHeaders(request, reply);
  if (error instanceof SunlogError) {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.status(STATUS_BY_CODE[error.code]).send(errorBody(error.code, error.message, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply
      .status(400)
      .send(
        errorBody('invalid-input', 'Some fields are not valid.', error.validation.flatMap(toFieldIssues)),
      );
  }
  const status = frameworkStatus(error);
  if (status !== undefined && status >= 400 && status < 500) {
    request.log.info({ err: error }, 'client error');
    const known = FRAMEWORK_CLIENT_ERRORS[status];
    if (isInvalidJson(error))
      return reply.status(400).send(errorBody('invalid-input', 'The request body is not valid JSON.'));
    if (status === 413) return reply.status(413).send(errorBody('payload-too-large', tooLarge(request)));
    // The router refuses a path parameter over its length limit (414). No id is that long, so what the
    // address names does not exist: the same 404 as any other unknown id.
    if (status === 414) return reply.status(404).send(errorBody('not-found', 'Not found.'));
    return reply
      .status(status)
      .send(errorBody(known?.code ?? 'bad-request', known?.message ?? 'The request could not be handled.'));
  }
  const outage = outageReason(error);
  if (outage !== undefined) {
    request.log.error({ err: error, reason: outage }, 'the database did not answer');
    reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
    return reply
      .status(503)
      .send(
        errorBody('unavailable', 'Sunlog cannot reach its database just now. Please try again in a moment.'),
      );
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', INTERNAL_MESSAGE));
}

/** Names the limit a too-large body broke, in megabytes, so a person knows what size would pass. */
function tooLarge(request: FastifyRequest): string {
  const limit = request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit;
  if (limit === undefined) return 'The request body is too large.';
  return `The request body is too large: this address accepts up to ${formatBodySize(limit)}.`;
}

/** A body limit as people read it: kilobytes under a megabyte ("4 KB", "64 KB"), megabytes above. */
function formatBodySize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : formatMegabytes(bytes);
}

/** A size in bytes as people read it: "14 MB", "1 MB", "10.5 MB" (1 MB = 1,048,576 bytes). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

function toFieldIssues(issue: ZodFastifySchemaValidationError): FieldIssue[] {
  const base = issue.instancePath.split('/').filter((segment) => segment !== '');
  const keys = issue.keyword === 'unrecognized_keys' ? unrecognizedKeys(issue.params) : [];
  if (keys.length > 0) {
    return keys.map((key) => ({ path: [...base, key].join('.'), message: 'This field is not allowed.' }));
  }
  return [{ path: base.join('.'), message: issue.message ?? 'Not valid.' }];
}

function unrecognizedKeys(params: Record<string, unknown>): string[] {
  const keys = params.keys;
  return Array.isArray(keys) ? keys.map(String) : [];
}

function frameworkStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

function isInvalidJson(error: unknown): boolean {
  const code = (error as Partial<FastifyError>).code;
  return (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  );
}
