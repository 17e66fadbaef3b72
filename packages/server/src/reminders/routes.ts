import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { SunlogError } from '../errors.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
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
      return {
        url: feedUrl(sunlog, request, await sunlog.calendar.rotate(authOf(request).user.id, metaOf(request))),
      };
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

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** A base64url field that decodes to exactly `bytes` bytes (an optional trailing `=` padding is accepted). */
const base64urlBytes = (bytes: number, what: string) =>
  z
    .string()
    .max(200)
    .transform((value) => value.replace(/=+$/, ''))
    .refine((value) => BASE64URL.test(value) && Buffer.from(value, 'base64url').length === bytes, {
      error: `${what} must be ${bytes} bytes, base64url`,
    });

const EndpointSchema = z
  .url({ protocol: /^https$/, error: 'The endpoint must be an https URL.' })
  .max(2048)
  .describe("The push service URL the browser's PushSubscription gives (https).");

const SubscribeBodySchema = z
  .object({
    endpoint: EndpointSchema,
    keys: z.object({
      p256dh: base64urlBytes(65, 'p256dh').describe("The browser's P-256 public key (65 bytes), base64url."),
      auth: base64urlBytes(16, 'auth').describe("The browser's auth secret (16 bytes), base64url."),
    }),
    expirationTime: z.number().int().nonnegative().nullable().optional(),
  })
  .meta({ id: 'PushSubscriptionCreate' });

const SubscriptionIdSchema = z.object({ id: z.uuid() }).meta({ id: 'PushSubscriptionId' });

const SubscriptionListSchema = z
  .object({
    subscriptions: z.array(
      z.object({
        id: z.uuid(),
        createdAt: z.iso.datetime(),
        userAgent: z.string().optional().describe('The browser that subscribed, as it named itself.'),
      }),
    ),
  })
  .meta({ id: 'PushSubscriptionList' });

const UnsubscribeBodySchema = z
  .object({ endpoint: z.string().max(2048) })
  .meta({ id: 'PushSubscriptionDelete' });

const TestSentSchema = z
  .object({ sent: z.number().int().nonnegative().describe('How many of your subscriptions took it.') })
  .meta({ id: 'PushTestSent' });

const SnoozedSchema = z
  .object({
    id: z.uuid().describe('The delivery that will come back.'),
    dueAt: z.iso.datetime().describe('When it comes back (UTC): an hour from now.'),
  })
  .meta({ id: 'PushSnoozed' });

/**
 * Web Push: the server's public key, the person's subscriptions, a test notification and Snooze.
 * The job that sends reminders is in delivery.ts.
 */
export function registerPushRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
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

  api.post(
    '/api/v1/push/subscriptions',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: "Save this browser's push subscription, so reminders arrive on it",
        description:
          'The body is PushSubscription.toJSON(). The same endpoint again keeps its row (200); an endpoint saved by another account moves to yours (201).',
        security: [{ sessionCookie: [] }],
        body: SubscribeBodySchema,
        response: {
          200: SubscriptionIdSchema,
          201: SubscriptionIdSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { id, created } = await sunlog.pushSubscriptions.subscribe(
        authOf(request).user.id,
        request.body,
        metaOf(request),
      );
      reply.code(created ? 201 : 200);
      return { id };
    },
  );

  api.get(
    '/api/v1/push/subscriptions',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: 'The browsers your reminders are sent to (without their keys)',
        security: [{ sessionCookie: [] }],
        response: { 200: SubscriptionListSchema, 401: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { subscriptions: await sunlog.pushSubscriptions.list(authOf(request).user.id) };
    },
  );

  api.delete(
    '/api/v1/push/subscriptions',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: 'Stop sending reminders to this browser',
        description: 'Removing an endpoint that is not saved (or not yours) also answers 204.',
        security: [{ sessionCookie: [] }],
        body: UnsubscribeBodySchema,
        response: {
          204: z.null().describe('No content'),
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      await sunlog.pushSubscriptions.unsubscribe(
        authOf(request).user.id,
        request.body.endpoint,
        metaOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/push/test',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: 'Send a test notification to each of your browsers',
        security: [{ sessionCookie: [] }],
        response: { 202: TestSentSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const sent = await sunlog.delivery.sendTest(authOf(request).user.id);
      reply.code(202);
      return { sent };
    },
  );

  api.post(
    '/api/v1/push/deliveries/:id/snooze',
    {
      onRequest: authenticate,
      schema: {
        tags: ['reminders'],
        summary: 'Snooze a reminder: it comes back once, an hour from now',
        description:
          'Called by the service worker when Snooze is tapped on a notification. A snoozed reminder comes back once, not forever: snoozing it again (or the same reminder twice) answers 409.',
        security: [{ sessionCookie: [] }],
        params: z.object({ id: z.string().max(100) }),
        response: {
          202: SnoozedSchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!z.uuid().safeParse(id).success) throw new SunlogError('not-found', 'There is no such reminder.');
      const snoozed = await sunlog.delivery.snooze(authOf(request).user.id, id);
      reply.code(202);
      return snoozed;
    },
  );
}
