import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { AUTH_BODY_LIMIT_BYTES, PASSKEY_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { noteSignInDevice } from '../http/device-cookie.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie, setSessionCookie } from '../http/session.ts';
import {
  AddPasskeyInputSchema,
  CeremonyOptionsSchema,
  PasskeyIdParamsSchema,
  PasskeyListResponseSchema,
  PasskeySignInInputSchema,
  PasskeySummarySchema,
} from './passkey-schemas.ts';
import type { RelyingParty } from './passkeys.ts';
import { AccountResponseSchema } from './schemas.ts';

const NoContent = z.null().describe('No content');
const SECURITY = [{ sessionCookie: [] }];
const REAUTH =
  'Needs the session to have proved who uses it within the last 5 minutes (signed in, or POST /api/v1/auth/reauthenticate); answers 403 reauthentication-required otherwise.';

/**
 * The relying party passkeys are made for and checked against. With PUBLIC_URL set (any real
 * deployment), its host name and origin, whatever the request says. Without it (a local run or a test
 * server on a random port), the origin the request came to: the browser itself only lets a page use
 * passkeys of its own host, so this trusts nothing a page could choose.
 */
function relyingPartyFor(sunlog: Sunlog, request: FastifyRequest): RelyingParty {
  const origin = sunlog.config.publicUrlIsSet
    ? new URL(sunlog.config.publicUrl).origin
    : `${request.protocol}://${request.host}`;
  return { id: new URL(origin).hostname, origin };
}

/**
 * Passkeys over HTTP: add (options, then the answer), list and remove under /api/v1/me/passkeys, and
 * sign in with one under /api/v1/auth/passkey (options, then the answer).
 */
export function registerPasskeyRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const { passkeys } = sunlog;
  const cookie = sessionCookie(sunlog.config);
  const authenticate = requireSession(sunlog.accounts, cookie);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/me/passkeys/registration-options',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['passkeys'],
        summary: 'Start adding a passkey: options for the browser',
        description: `${REAUTH} The challenge in the options works once, for 5 minutes.`,
        security: SECURITY,
        response: {
          200: CeremonyOptionsSchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const options = await passkeys.registrationOptions(
        authOf(request),
        relyingPartyFor(sunlog, request),
        {},
        metaOf(request),
      );
      return reply.status(200).send(asOptionsJson(options));
    },
  );

  api.post(
    '/api/v1/me/passkeys',
    {
      bodyLimit: PASSKEY_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags: ['passkeys'],
        summary: 'Finish adding a passkey: the browser’s answer',
        description:
          'The answer must be to a challenge from registration-options of this person, within 5 minutes, used once; otherwise 400.',
        security: SECURITY,
        body: AddPasskeyInputSchema,
        response: {
          201: PasskeySummarySchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const added = await passkeys.register(
        authOf(request),
        relyingPartyFor(sunlog, request),
        { response: request.body.response as RegistrationResponseJSON, name: request.body.name },
        metaOf(request),
      );
      return reply.status(201).send(added);
    },
  );

  api.get(
    '/api/v1/me/passkeys',
    {
      onRequest: authenticate,
      schema: {
        tags: ['passkeys'],
        summary: "The person's passkeys",
        security: SECURITY,
        response: { 200: PasskeyListResponseSchema, 401: ErrorBodySchema },
      },
    },
    async (request) => ({ passkeys: await passkeys.list(authOf(request)) }),
  );

  api.delete(
    '/api/v1/me/passkeys/:id',
    {
      onRequest: authenticate,
      schema: {
        tags: ['passkeys'],
        summary: 'Remove a passkey; it no longer signs in',
        description: REAUTH,
        security: SECURITY,
        params: PasskeyIdParamsSchema,
        response: { 204: NoContent, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await passkeys.remove(authOf(request), request.params.id, {}, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/auth/passkey/options',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['passkeys'],
        summary: 'Start signing in with a passkey: options for the browser',
        description:
          'No email needed: the browser offers the passkeys it holds for this site. The challenge works once, for 5 minutes. Limited per address.',
        response: {
          200: CeremonyOptionsSchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const options = await passkeys.authenticationOptions(relyingPartyFor(sunlog, request), metaOf(request));
      return reply.status(200).send(asOptionsJson(options));
    },
  );

  api.post(
    '/api/v1/auth/passkey',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      schema: {
        tags: ['passkeys'],
        summary: 'Sign in with a passkey',
        description:
          'Opens a session like a password sign-in (the session cookie; counts as a fresh proof for re-authentication; a device this account has not signed in from before is recorded as account.sign-in-new-device). A passkey is already two factors, so no second factor is asked for. Any failure answers 401 alike. Limited per address.',
        body: PasskeySignInInputSchema,
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
      const signedIn = await passkeys.signIn(
        relyingPartyFor(sunlog, request),
        request.body.response as AuthenticationResponseJSON,
        metaOf(request),
      );
      setSessionCookie(reply, cookie, signedIn);
      await noteSignInDevice(sunlog, request, reply, signedIn.user.id);
      return reply.status(200).send({ user: signedIn.user, profile: signedIn.profile });
    },
  );
}

/** The library's options type, as the response schema (a loose object) names it. */
function asOptionsJson(options: object): z.infer<typeof CeremonyOptionsSchema> {
  return options as z.infer<typeof CeremonyOptionsSchema>;
}
