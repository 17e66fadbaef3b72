import { PASSWORD_MAX_LENGTH } from '@sunlog/core/records/account';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { ErrorBodySchema, errorBody } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';
import { SHL_PATH_PREFIX } from './link.ts';
import { PasscodeRefused, RECIPIENT_MAX_LENGTH, ShareNotFound } from './service.ts';

const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.');

const CreateShareBodySchema = z.strictObject({
  from: LocalDateSchema.describe('First local date shared, YYYY-MM-DD.'),
  to: LocalDateSchema.describe('Last local date shared, YYYY-MM-DD (included).'),
  expiresInDays: z.int().min(1).max(90).describe('Days until the link stops working, 1 to 90.'),
  label: z.string().max(80).optional().describe('A name for the link the person sees, e.g. the clinic.'),
  passcode: z
    .string()
    .min(4)
    .max(64)
    .optional()
    .describe('A passcode the viewer must give; 10 wrong tries switch the link off.'),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH)
    .optional()
    .describe('The account’s password again; may be left out within 5 minutes of a sign-in.'),
});

const CreatedShareSchema = z
  .object({
    id: z.uuid().describe('The link’s id, for listing and revoking it; not part of the link.'),
    link: z
      .string()
      .describe(
        'The SMART Health Link: the viewer address with `#shlink:/` and the base64url payload. Shown this once: the server keeps no key and cannot show it again.',
      ),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CreatedShare' });

const ShareSummarySchema = z
  .object({
    id: z.uuid(),
    label: z.string().optional(),
    from: z.string(),
    to: z.string(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    hasPasscode: z.boolean(),
    status: z
      .enum(['active', 'expired', 'revoked', 'disabled'])
      .describe('disabled: switched off after 10 wrong passcodes.'),
    accessCount: z.int().describe('Successful openings of the link.'),
  })
  .meta({ id: 'ShareSummary' });

const ShareIdParamsSchema = z.object({ id: z.string().max(100).describe('The link’s id.') });

/** Where the viewer and the manifest are reached: PUBLIC_URL, or the origin the request came to. */
function originOf(sunlog: Sunlog, request: FastifyRequest): string {
  return sunlog.config.publicUrlIsSet ? sunlog.config.publicUrl : `${request.protocol}://${request.host}`;
}

/**
 * POST /api/v1/shares (make a SMART Health Link), GET /api/v1/shares (the person's links), DELETE
 * /api/v1/shares/{id} (revoke at once), and the public SHL endpoints outside /api (see
 * `registerShlRoutes`).
 */
export function registerShareRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/shares',
    {
      onRequest: authenticate,
      schema: {
        tags: ['sharing'],
        summary: 'Make a SMART Health Link for a date range',
        description:
          'Builds the FHIR R4 Bundle for the range with the PDF report inside as a DocumentReference, encrypts it as a compact JWE (dir, A256GCM) under a fresh 32-byte key and keeps only the ciphertext. The answer holds the link with the key in its fragment; it cannot be shown again. Needs the password again unless the session signed in within the last 5 minutes (403 reauthentication-required, 401 invalid-credentials). See docs/sharing.md.',
        security: [{ sessionCookie: [] }],
        body: CreateShareBodySchema,
        response: {
          201: CreatedShareSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const created = await sunlog.shares.create(
        authOf(request),
        request.body,
        originOf(sunlog, request),
        metaOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/shares',
    {
      onRequest: authenticate,
      schema: {
        tags: ['sharing'],
        summary: 'The person’s share links, newest first',
        description:
          'Label, range, expiry, status and how often each was opened. Never the link or its key: the server does not keep the key, so a link cannot be shown again after it was made. Each opening is in the account activity with the recipient the viewer gave.',
        security: [{ sessionCookie: [] }],
        response: { 200: z.object({ shares: z.array(ShareSummarySchema) }), 401: ErrorBodySchema },
      },
    },
    async (request) => ({ shares: await sunlog.shares.list(authOf(request).user) }),
  );

  api.delete(
    '/api/v1/shares/:id',
    {
      onRequest: authenticate,
      schema: {
        tags: ['sharing'],
        summary: 'Revoke a share link at once',
        description:
          'From now on the link answers 404 like one that never existed, and its encrypted contents are erased. Another person’s or an unknown id answers 404.',
        security: [{ sessionCookie: [] }],
        params: ShareIdParamsSchema,
        response: {
          204: z.null().describe('No content'),
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      await sunlog.shares.revoke(authOf(request).user, request.params.id, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  registerShlRoutes(app, sunlog);
}

const ManifestBodySchema = z.object({
  recipient: z.string().min(1).max(RECIPIENT_MAX_LENGTH),
  passcode: z.string().max(200).optional(),
  embeddedLengthMax: z.int().min(0).optional(),
});

const ManifestParamsSchema = z.object({ manifestId: z.string().max(100) });
const FileParamsSchema = z.object({ manifestId: z.string().max(100), fileId: z.string().max(100) });

/** The one answer for a link that is unknown, expired, revoked or disabled. */
const NOT_FOUND_BODY = errorBody('not-found', 'This link does not exist or is no longer shared.');

/**
 * Headers on every answer of the public SHL endpoints, errors included: any origin may call them (other
 * SHL viewers run elsewhere and carry no cookie of ours), and a cross-origin read is allowed.
 */
async function shlHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.header('cache-control', 'no-store');
  return payload;
}

async function preflight(_request: FastifyRequest, reply: FastifyReply) {
  reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
  reply.header('access-control-allow-headers', 'content-type');
  reply.header('access-control-max-age', '600');
  return reply.status(204).send();
}

/**
 * The SMART Health Links manifest and file endpoints, outside /api: public (no session), CORS for any
 * origin, outside the /api CSRF rules (they act on no cookie). Not in the OpenAPI document, which
 * describes /api; docs/sharing.md describes them.
 */
function registerShlRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const manifestPath = `${SHL_PATH_PREFIX}:manifestId`;
  const filePath = `${manifestPath}/files/:fileId`;

  app.options(manifestPath, { schema: { hide: true }, onSend: shlHeaders }, preflight);
  app.options(filePath, { schema: { hide: true }, onSend: shlHeaders }, preflight);

  api.post(
    manifestPath,
    {
      onSend: shlHeaders,
      schema: { hide: true, params: ManifestParamsSchema, body: ManifestBodySchema },
    },
    async (request, reply) => {
      try {
        return await sunlog.shares.openManifest(
          request.params.manifestId,
          request.body,
          originOf(sunlog, request),
          metaOf(request),
        );
      } catch (error) {
        if (error instanceof PasscodeRefused) {
          return reply.status(401).send({ remainingAttempts: error.remainingAttempts });
        }
        if (error instanceof ShareNotFound) return reply.status(404).send(NOT_FOUND_BODY);
        throw error;
      }
    },
  );

  api.get(
    filePath,
    { onSend: shlHeaders, schema: { hide: true, params: FileParamsSchema } },
    async (request, reply) => {
      try {
        const jwe = await sunlog.shares.readFile(request.params.manifestId, request.params.fileId);
        reply.type('application/jose');
        return jwe;
      } catch (error) {
        if (error instanceof ShareNotFound) return reply.status(404).send(NOT_FOUND_BODY);
        throw error;
      }
    },
  );
}
