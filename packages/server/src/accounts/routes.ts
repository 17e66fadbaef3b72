import {
  ChangePasswordInputSchema,
  ReauthenticateInputSchema,
  RegisterInputSchema,
  SignInInputSchema,
} from '@sunlog/core/records/account';
import { ProfilePatchSchema } from '@sunlog/core/records/profile';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { AUTH_BODY_LIMIT_BYTES, PROFILE_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { noteSignInDevice, rememberFirstDevice } from '../http/device-cookie.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import {
  authOf,
  clearSessionCookie,
  requireSession,
  sessionCookie,
  setSessionCookie,
} from '../http/session.ts';
import { CHECK_YOUR_MAIL } from './registration-by-mail.ts';
import {
  AccountResponseSchema,
  ProfileResponseSchema,
  SessionIdParamsSchema,
  SessionListResponseSchema,
} from './schemas.ts';

/** What registering answers when mail is set up, for a new and a taken address alike. */
const CheckYourMailSchema = z
  .object({ status: z.literal('check-your-mail'), message: z.string() })
  .meta({ id: 'CheckYourMail' });

const NoContent = z.null().describe('No content');
const SECURITY = [{ sessionCookie: [] }];

/** Accounts over HTTP: register, sign in and out, the profile, and sessions (see api-accounts contract). */
export function registerAccountRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const { accounts } = sunlog;
  const cookie = sessionCookie(sunlog.config);
  const authenticate = requireSession(accounts, cookie);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/auth/register',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['accounts'],
        summary: 'Create an account and sign in (or, with mail set up, send a confirmation link)',
        description:
          'Without mail (no SMTP_URL) the account is made at once: 201 and signed in, or 409 email-taken. With mail, every valid request answers 202 with the same body whether the address is new or taken: a new address gets a confirmation link (the account exists once POST /api/v1/auth/confirm-email uses it), a taken one a notice with a password-reset link. New accounts are limited per address (REGISTRATIONS_PER_ADDRESS in 15 minutes; 429).',
        body: RegisterInputSchema,
        response: {
          201: AccountResponseSchema,
          202: CheckYourMailSchema,
          400: ErrorBodySchema,
          403: ErrorBodySchema,
          409: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      if (sunlog.registrationByMail !== undefined) {
        await sunlog.registrationByMail.register(request.body, metaOf(request));
        return reply.status(202).send({ status: 'check-your-mail', message: CHECK_YOUR_MAIL });
      }
      const signedIn = await accounts.register(request.body, metaOf(request));
      setSessionCookie(reply, cookie, signedIn);
      await rememberFirstDevice(sunlog, request, reply, signedIn.user.id);
      return reply.status(201).send({ user: signedIn.user, profile: signedIn.profile });
    },
  );

  api.post(
    '/api/v1/auth/sign-in',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with email and password (and the second factor when it is on)',
        description:
          'When the account has two-step sign-in on and the body carries neither totpCode nor recoveryCode, a correct password answers 401 second-factor-required: send the same body again with the code. A wrong or already used code answers 401 invalid-credentials. Every attempt counts towards the sign-in limits. A sign-in from a device (device cookie) this account has not signed in from before is recorded as account.sign-in-new-device.',
        body: SignInInputSchema,
        response: {
          200: AccountResponseSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const signedIn = await accounts.signIn(request.body, metaOf(request));
      setSessionCookie(reply, cookie, signedIn);
      await noteSignInDevice(sunlog, request, reply, signedIn.user.id);
      return reply.status(200).send({ user: signedIn.user, profile: signedIn.profile });
    },
  );

  api.post(
    '/api/v1/auth/sign-out',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: end this session on the server and clear the cookie',
        description: 'Always answers 204, also when the session had already ended.',
        response: { 204: NoContent, 403: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookie.name];
      const auth = token === undefined || token === '' ? undefined : await accounts.authenticate(token);
      if (auth !== undefined) await accounts.signOut(auth, metaOf(request));
      clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/auth/reauthenticate',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Confirm the password again before a sensitive operation',
        description:
          'Exporting (and the report), deleting the account, creating a share link, changing the password and setting up or turning off two-step sign-in need the session to have proved who uses it within the last 5 minutes; they answer 403 reauthentication-required otherwise. A correct password here counts as that proof.',
        security: SECURITY,
        body: ReauthenticateInputSchema,
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
      await accounts.reauthenticate(authOf(request), request.body.password, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/me',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in person and their profile',
        security: SECURITY,
        response: { 200: AccountResponseSchema, 401: ErrorBodySchema },
      },
    },
    async (request) => accounts.getAccount(authOf(request).user),
  );

  api.patch(
    '/api/v1/me/profile',
    {
      bodyLimit: PROFILE_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Change some profile settings',
        security: SECURITY,
        body: ProfilePatchSchema,
        response: {
          200: ProfileResponseSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request) => ({
      profile: await accounts.updateProfile(authOf(request).user, request.body, metaOf(request)),
    }),
  );

  api.put(
    '/api/v1/me/password',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'Change the password; every other session of the person ends',
        description:
          'The current password is checked like a sign-in (and limited like one); the new one must be hard to guess (400 says why) and differ from the current one. On success every other signed-in device is signed out; this session stays signed in and counts as freshly authenticated.',
        security: SECURITY,
        body: ChangePasswordInputSchema,
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
      await accounts.changePassword(authOf(request), request.body, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/sessions',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: "The person's signed-in devices",
        security: SECURITY,
        response: { 200: SessionListResponseSchema, 401: ErrorBodySchema },
      },
    },
    async (request) => ({ sessions: await accounts.listSessions(authOf(request)) }),
  );

  api.delete(
    '/api/v1/me/sessions/:id',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary: 'End one of the person’s sessions (sign a device out)',
        security: SECURITY,
        params: SessionIdParamsSchema,
        response: { 204: NoContent, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      await accounts.endSession(auth, request.params.id, metaOf(request));
      if (request.params.id === auth.session.id) clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );
}
