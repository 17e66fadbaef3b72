import {
  ConfirmTotpInputSchema,
  PasswordProofInputSchema,
  RecoveryCodesSchema,
  SecondFactorStatusSchema,
  TotpEnrolmentSchema,
} from '@sunlog/core/records/second-factor';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { AUTH_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';
import { isRecentlyAuthenticated } from './service.ts';

const NoContent = z.null().describe('No content');
const SECURITY = [{ sessionCookie: [] }];
const REAUTH =
  'Needs the session to have proved who uses it within the last 5 minutes, or the password in the body; 403 reauthentication-required otherwise.';

/** Two-step sign-in over HTTP: status, setting up an authenticator app, confirming it, turning it off. */
export function registerSecondFactorRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const { accounts, secondFactor } = sunlog;
  const authenticate = requireSession(accounts, sessionCookie(sunlog.config));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/me/second-factor',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Whether two-step sign-in is on, and how many recovery codes are left',
        security: SECURITY,
        response: { 200: SecondFactorStatusSchema, 401: ErrorBodySchema },
      },
    },
    async (request) => secondFactor.status(authOf(request).user.id),
  );

  api.post(
    '/api/v1/me/second-factor/totp',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Start setting up an authenticator app: a new secret and its QR code',
        description: `Nothing changes at sign-in until the code is confirmed; starting again replaces a secret not yet confirmed. 400 while two-step sign-in is on. ${REAUTH}`,
        security: SECURITY,
        body: PasswordProofInputSchema,
        response: {
          200: TotpEnrolmentSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      await accounts.requireRecentAuthentication(auth, { password: request.body.password }, metaOf(request));
      reply.header('cache-control', 'no-store');
      return secondFactor.start(auth.user);
    },
  );

  api.post(
    '/api/v1/me/second-factor/totp/confirm',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Turn two-step sign-in on with a code from the app; answers the recovery codes once',
        description:
          'The 10 one-time recovery codes are in this answer only; the server keeps their SHA-256. 400 when the code does not match; 404 when no set-up was started.',
        security: SECURITY,
        body: ConfirmTotpInputSchema,
        response: {
          200: RecoveryCodesSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const recoveryCodes = await secondFactor.confirm(auth.user, request.body.code, metaOf(request));
      reply.header('cache-control', 'no-store');
      return { recoveryCodes };
    },
  );

  api.delete(
    '/api/v1/me/second-factor',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Turn two-step sign-in off: the secret and the recovery codes are deleted',
        description: REAUTH,
        security: SECURITY,
        body: PasswordProofInputSchema,
        response: {
          204: NoContent,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      await accounts.requireRecentAuthentication(auth, { password: request.body.password }, metaOf(request));
      await secondFactor.turnOff(auth.user, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/auth/reauthentication',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Whether this session proved who uses it within the last 5 minutes',
        description:
          'Lets the web app ask for the password before a download (export, report) instead of after a refused one. Changes nothing.',
        security: SECURITY,
        response: {
          200: z.object({ recent: z.boolean() }).meta({ id: 'RecentAuthentication' }),
          401: ErrorBodySchema,
        },
      },
    },
    async (request) => ({ recent: isRecentlyAuthenticated(authOf(request).session, sunlog.clock()) }),
  );
}
