import { PasswordResetInputSchema } from '@sunlog/core/records/account';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { AUTH_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';

/**
 * POST /api/v1/auth/password-reset: sets a new password with a one-time link's token (made by
 * `sunlog reset-password` or sent by mail). No session: the token is the proof. Every session ends.
 */
export function registerPasswordResetRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/auth/password-reset',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with a one-time reset link',
        description:
          'The token is the part of the link after "#token=". A link works once and for one hour; using it signs the person out everywhere. A used, expired or unknown token answers 404.',
        body: PasswordResetInputSchema,
        response: {
          204: z.null().describe('No content'),
          400: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      await sunlog.passwordResets.redeem(request.body.token, request.body.newPassword, metaOf(request));
      return reply.status(204).send(null);
    },
  );
}
