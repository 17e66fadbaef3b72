import { PASSWORD_MAX_LENGTH } from '@sunlog/core/records/account';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { AUTH_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, clearSessionCookie, requireSession, sessionCookie } from '../http/session.ts';

const DeleteAccountBodySchema = z.strictObject({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).describe('The account’s password, entered again.'),
  confirmation: z.string().min(1).max(254).describe('The account’s email address, typed by the person.'),
});

/** DELETE /api/v1/me: the signed-in person deletes their account and everything in it. */
export function registerAccountDeletionRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const cookie = sessionCookie(sunlog.config);
  app.withTypeProvider<ZodTypeProvider>().delete(
    '/api/v1/me',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: requireSession(sunlog.accounts, cookie),
      schema: {
        tags: ['accounts'],
        summary: 'Delete the account and everything in it, for good',
        description:
          'Needs the password again (403 reauthentication-required without a recent sign-in, 401 invalid-credentials when wrong) and the account’s email typed as `confirmation` (400 confirmation-mismatch). Every record, deleted record, earlier version, session, audit entry and sign-in counter of the person is erased; the session cookie is cleared.',
        security: [{ sessionCookie: [] }],
        body: DeleteAccountBodySchema,
        response: {
          204: z.null().describe('No content'),
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      await sunlog.accountDeletion.deleteOwnAccount(authOf(request), request.body, metaOf(request));
      clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );
}
