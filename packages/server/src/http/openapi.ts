import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Where the OpenAPI document is served; a fixed point other tools rely on (ARCHITECTURE.md). */
export const OPENAPI_PATH = '/api/openapi.json';

/**
 * Describes the API as OpenAPI 3.1, generated from each route's zod schemas (the same schemas that
 * validate requests and serialise responses), so the document cannot drift from the code.
 * Register before any route: @fastify/swagger learns routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sunlog API',
        version: '1.0.0',
        description: 'A vitamin D and symptom journal for people with multiple sclerosis.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'sunlog_session',
            description: 'Named __Host-sunlog_session when Sunlog is served over https.',
          },
          metricsToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The METRICS_TOKEN setting; only GET /metrics takes it.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}
