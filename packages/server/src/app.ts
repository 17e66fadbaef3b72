import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAccountDeletionRoutes } from './account-deletion/routes.ts';
import { registerMailRoutes } from './accounts/mail-routes.ts';
import { registerPasskeyRoutes } from './accounts/passkey-routes.ts';
import { registerPasswordResetRoutes } from './accounts/password-reset-routes.ts';
import { registerAccountRoutes } from './accounts/routes.ts';
import { registerSecondFactorRoutes } from './accounts/second-factor-routes.ts';
import { registerActivityRoutes } from './audit/routes.ts';
import { servedOverHttps, type TrustProxy } from './config.ts';
import type { Sunlog } from './context.ts';
import { registerExportRoutes } from './export/routes.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { DEFAULT_BODY_LIMIT_BYTES } from './http/body-limits.ts';
import { registerCsrfProtection } from './http/csrf.ts';
import { handleError } from './http/errors.ts';
import { rejectNulCharacters } from './http/nul-characters.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerResponseHeaders } from './http/response-headers.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerWebApp, WEB_DIST_DIR } from './http/web-app.ts';
import { registerImportRoutes } from './imports/routes.ts';
import { registerMetricsRoutes } from './metrics/routes.ts';
import { registerRecordRoutes } from './records/routes.ts';
import { registerPushRoutes, registerReminderRoutes } from './reminders/routes.ts';
import { registerReportRoutes } from './report/routes.ts';
import { registerShareRoutes } from './shares/routes.ts';

/** A capability adds its routes to the app; each is listed once, in `CAPABILITIES`. */
type Capability = (app: FastifyInstance, sunlog: Sunlog) => void;

/** Every capability the server offers, in one list read top to bottom (no autoloading). */
const CAPABILITIES: readonly Capability[] = [
  registerHealthRoutes,
  registerMetricsRoutes,
  registerAccountRoutes,
  registerPasswordResetRoutes,
  registerMailRoutes,
  registerSecondFactorRoutes,
  registerPasskeyRoutes,
  registerAccountDeletionRoutes,
  registerActivityRoutes,
  registerRecordRoutes,
  registerExportRoutes,
  registerReportRoutes,
  registerShareRoutes,
  registerImportRoutes,
  registerReminderRoutes,
  registerPushRoutes,
];

export interface BuildAppOptions {
  /** Sees every route as it is registered (tests compare them with the OpenAPI document). */
  onRoute?: (route: RouteOptions) => void;
  /** The built web app to serve; packages/web/dist unless given. */
  webDistDir?: string;
}

/**
 * Builds the HTTP app over a running Sunlog: security headers, cookies, CSRF, the OpenAPI document,
 * every capability's routes, and the web app. Never listens; `main.ts` does, tests use `inject`.
 * Closing the app does not close `sunlog`: its owner does.
 */
export async function buildApp(sunlog: Sunlog, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = sunlog;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          'password',
          'token',
          '*.password',
          '*.token',
          '*.passwordHash',
          'passcode',
          '*.passcode',
        ],
        censor: '[redacted]',
      },
    },
    genReqId: () => randomUUID(),
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    // Errors the router raises before any route runs (a path with bad percent-encoding, a path
    // parameter over the router's length limit) get our error shape too, not Fastify's own body.
    frameworkErrors: handleError,
  });

  if (options.onRoute !== undefined) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  acceptEmptyJsonBodies(app);
  app.decorateRequest('auth', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerResponseHeaders(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // HSTS over plain http would be ignored by browsers at best; only claim it when served over https.
    hsts: servedOverHttps(config) ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  registerCsrfProtection(app, config.publicUrl);
  rejectNulCharacters(app);
  await registerOpenApi(app, config.publicUrl);

  for (const register of CAPABILITIES) register(app, sunlog);

  await registerWebApp(app, options.webDistDir ?? WEB_DIST_DIR);
  return app;
}

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes the function proxy-addr builds for a number
 * (trust the `hops` nearest addresses), since Fastify's types do not list numbers.
 */
function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/**
 * JSON as Fastify parses it (with its prototype-poisoning guards), except that an empty body is
 * "no body" rather than an error, so a client that always sends `Content-Type: application/json`
 * can still call body-less routes such as sign-out.
 */
function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
