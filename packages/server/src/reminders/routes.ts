import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { SunlogError } from '../errors.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';

const CalendarUrlSchema = z
  .object({
    url: z.url().describe('The private address of the calendar feed; anyone who has it can read the feed.'),
  })
  .meta({ id: 'CalendarFeedUrl' });

/** Where a feed lives: outside /api, so calendar apps fetch it without a session. */
export const FEED_PATH_PREFIX = '/calendar/';

/** The feed's address on PUBLIC_URL, or on the origin the request came to when PUBLIC_URL is not set. */
function feedUrl(sunlog: Sunlog, request: FastifyRequest, secret: string): string {
  const base = sunlog.config.publicUrlIsSet
    ? sunlog.config.publicUrl
    : `${request.protocol}://${request.host}`;
  return `${base}${FEED_PATH_PREFIX}${secret}.ics`;
}

/**
 * The private calendar feed: GET /api/v1/me/calendar (its URL, made on first call), POST
 * /api/v1/me/calendar/rotate (a new URL; the old one stops at once) and the feed itself at
 * /calendar/<secret>.ics (text/calendar, no session; a wrong or replaced secret answers 404).
 */
export function registerReminderRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/me/calendar',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: 'The address of your private calendar feed of reminders',
        description:
          'Made on the first call. The feed (iCalendar, RFC 5545) has your dose, check-in and blood-test reminders as recurring events in your time zone, and no health values beyond the dose amount.',
        security: [{ sessionCookie: [] }],
        response: { 200: CalendarUrlSchema, 401: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { url: feedUrl(sunlog, request, await sunlog.calendar.secretFor(authOf(request).user.id)) };
    },
  );

  api.post(
    '/api/v1/me/calendar/rotate',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: 'A new address for your calendar feed; the old one stops working at once',
        security: [{ sessionCookie: [] }],
        response: { 200: CalendarUrlSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { url: feedUrl(sunlog, request, await sunlog.calendar.rotate(authOf(request).user.id)) };
    },
  );

  api.get(
    `${FEED_PATH_PREFIX}:file`,
    { schema: { hide: true, params: z.object({ file: z.string().max(200) }) } },
    async (request, reply) => {
      const match = /^(.+)\.ics$/.exec(request.params.file);
      const feed = match?.[1] === undefined ? undefined : await sunlog.calendar.feedFor(match[1]);
      if (feed === undefined) {
        throw new SunlogError('not-found', 'There is no calendar at this address.');
      }
      reply.header('cache-control', 'private, no-store');
      reply.header('referrer-policy', 'no-referrer');
      reply.type('text/calendar; charset=utf-8');
      return feed;
    },
  );
}

const PublicKeySchema = z
  .object({ publicKey: z.string().describe('The VAPID public key (uncompressed P-256 point), base64url.') })
  .meta({ id: 'PushPublicKey' });

/** GET /api/v1/push/public-key: what a browser passes as applicationServerKey when it subscribes. */
export function registerPushRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/push/public-key',
    {
      schema: {
        tags: ['reminders'],
        summary: 'The Web Push (VAPID) public key of this server',
        description:
          'The same for everyone and public by nature; browsers need it to subscribe to notifications.',
        response: { 200: PublicKeySchema },
      },
    },
    async () => ({ publicKey: sunlog.vapid.publicKey }),
  );
}
