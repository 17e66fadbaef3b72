import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { AUTH_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { rememberFirstDevice } from '../http/device-cookie.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { sessionCookie, setSessionCookie } from '../http/session.ts';
import { AccountResponseSchema } from './schemas.ts';

const AuthOptionsSchema = z
  .object({
    mail: z
      .boolean()
      .describe(
        'Whether this server sends mail: registration confirms the address, and reset links come by mail.',
      ),
  })
  .meta({ id: 'AuthOptions' });

const ConfirmEmailInputSchema = z.object({ token: z.string().min(20).max(100) }).strict();
const ResetRequestInputSchema = z.object({ email: z.email().max(254) }).strict();

const RESET_REQUESTED =
  'If an account uses that address, a message with a link to set a new password is on its way. It can take a few minutes.';

/**
 * What mail makes possible, besides registering: GET /api/v1/auth/options (does this server send mail?),
 * POST /api/v1/auth/confirm-email (the link a new address got: makes the account and signs in) and
 * POST /api/v1/auth/password-reset/request (a reset link by mail; the same answer for any address).
 */
export function registerMailRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookie = sessionCookie(sunlog.config);

  api.get(
    '/api/v1/auth/options',
    {
      schema: {
        tags: ['accounts'],
        summary: 'What this server offers for signing up and getting back in',
        response: { 200: AuthOptionsSchema },
      },
    },
    async () => ({ mail: sunlog.mailer !== undefined }),
  );

  api.post(
    '/api/v1/auth/confirm-email',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['accounts'],
        summary: 'Confirm a new address with the link from the mail: the account is made and signed in',
        description:
          'The token is the part of the link after "#token=". It works once, for 24 hours; a used, expired or unknown token answers 404. Only when mail is set up (otherwise 404).',
        body: ConfirmEmailInputSchema,
        response: {
          201: AccountResponseSchema,
          400: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const registration = sunlog.registrationByMail;
      if (registration === undefined) {
        return reply
          .status(404)
          .send({ error: { code: 'not-found', message: 'This server does not send mail.' } });
      }
      const signedIn = await registration.confirm(request.body.token, metaOf(request));
      setSessionCookie(reply, cookie, signedIn);
      await rememberFirstDevice(sunlog, request, reply, signedIn.user.id);
      return reply.status(201).send({ user: signedIn.user, profile: signedIn.profile });
    },
  );

  api.post(
    '/api/v1/auth/password-reset/request',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['accounts'],
        summary: 'Send a one-time link to set a new password, by mail',
        description:
          'Answers 202 with the same body for any address, whether or not it has an account; the link (valid one hour) goes only to an address that has one. Counted per client address like registrations (429). Only when mail is set up (otherwise 404).',
        body: ResetRequestInputSchema,
        response: {
          202: z.object({ message: z.string() }),
          400: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const mailer = sunlog.mailer;
      if (mailer === undefined) {
        return reply
          .status(404)
          .send({ error: { code: 'not-found', message: 'This server does not send mail.' } });
      }
      const meta = metaOf(request);
      await sunlog.accounts.admitMailRequest(meta);
      const user = await sunlog.accounts.findUserByEmail(request.body.email.trim().toLowerCase());
      if (user !== undefined) {
        const link = await sunlog.passwordResets.issue(user, sunlog.config.publicUrl, meta);
        mailer.send({
          to: user.email,
          subject: 'Set a new Sunlog password',
          text: [
            'Someone (perhaps you) asked to set a new password for the Sunlog account of this address.',
            '',
            'This link sets a new one; it works once, for one hour:',
            '',
            link.url,
            '',
            'If it was not you, ignore this message: your password stays as it is.',
          ].join('\n'),
        });
      }
      return reply.status(202).send({ message: RESET_REQUESTED });
    },
  );
}
