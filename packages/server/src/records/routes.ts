import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sunlog } from '../context.ts';
import { RECORD_BODY_LIMIT_BYTES } from '../http/body-limits.ts';
import { ErrorBodySchema } from '../http/errors.ts';
import { metaOf } from '../http/request-meta.ts';
import { authOf, requireSession, sessionCookie } from '../http/session.ts';
import { RECORD_KIND_LIST, type RecordKind } from './kinds.ts';
import { ListQuerySchema, RecordIdParamsSchema, recordResponseSchemas } from './schemas.ts';

const NoContent = z.null().describe('No content');
const SECURITY = [{ sessionCookie: [] }];

/** The six record kinds over HTTP, one set of routes per kind (see the api-records contract). */
export function registerRecordRoutes(app: FastifyInstance, sunlog: Sunlog): void {
  for (const kind of RECORD_KIND_LIST) registerKindRoutes(app, sunlog, kind);
}

function registerKindRoutes(app: FastifyInstance, sunlog: Sunlog, kind: RecordKind): void {
  const { records } = sunlog;
  const authenticate = requireSession(sunlog.accounts, sessionCookie(sunlog.config));
  const api = app.withTypeProvider<ZodTypeProvider>();
  const collection = `/api/v1/${kind.path}`;
  const item = `${collection}/:id`;
  const answers = recordResponseSchemas(kind);
  const tags = [kind.path];

  api.post(
    collection,
    {
      bodyLimit: RECORD_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags,
        summary: `Save a new ${kind.name} under the id the client made`,
        description:
          'Idempotent by id: the same id and body again answers 200 with the stored record and creates nothing; the same id with a different body answers 422 idempotency-conflict.',
        security: SECURITY,
        body: kind.createSchema,
        response: {
          200: answers.one.describe('A replay: the record as first saved.'),
          201: answers.one,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          415: ErrorBodySchema,
          422: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { record, created } = await records.create(kind, authOf(request).user.id, request.body);
      return reply.status(created ? 201 : 200).send({ record });
    },
  );

  api.get(
    collection,
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: `The person's ${kind.path}, a page at a time`,
        security: SECURITY,
        querystring: ListQuerySchema,
        response: { 200: answers.page, 400: ErrorBodySchema, 401: ErrorBodySchema },
      },
    },
    async (request) => records.list(kind, authOf(request).user.id, request.query),
  );

  api.get(
    item,
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: `One ${kind.name}`,
        security: SECURITY,
        params: RecordIdParamsSchema,
        response: { 200: answers.one, 401: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => ({ record: await records.get(kind, authOf(request).user.id, request.params.id) }),
  );

  api.put(
    item,
    {
      bodyLimit: RECORD_BODY_LIMIT_BYTES,
      onRequest: authenticate,
      schema: {
        tags,
        summary: `Replace a ${kind.name}, keeping the previous version in its history`,
        security: SECURITY,
        params: RecordIdParamsSchema,
        body: kind.createSchema,
        response: {
          200: answers.one,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request) => ({
      record: await records.replace(kind, authOf(request).user.id, request.params.id, request.body),
    }),
  );

  api.delete(
    item,
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: `Delete a ${kind.name} (it can be restored)`,
        security: SECURITY,
        params: RecordIdParamsSchema,
        response: { 204: NoContent, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await records.remove(kind, authOf(request).user.id, request.params.id, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  api.post(
    `${item}/restore`,
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: `Undo the deletion of a ${kind.name}`,
        security: SECURITY,
        params: RecordIdParamsSchema,
        response: { 200: answers.one, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => ({
      record: await records.restore(kind, authOf(request).user.id, request.params.id, metaOf(request)),
    }),
  );
}
