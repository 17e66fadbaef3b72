import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestServer } from '../../test/test-server.ts';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Fastify's `/a/:id` as OpenAPI's `/a/{id}`. */
function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

describe.each(engines())('the OpenAPI document on $name', (engine) => {
  const server = useTestServer(engine);

  test('is OpenAPI 3.1 and documents every registered /api/v1 route with request and response schemas', async () => {
    const { app, routes } = server();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);

    const apiRoutes = routes
      .filter((route) => route.url.startsWith('/api/v1/'))
      .flatMap((route) =>
        (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({ method, route })),
      )
      .filter(({ method }) => method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThanOrEqual(7);

    for (const { method, route } of apiRoutes) {
      const operation: Operation | undefined =
        document.paths?.[toOpenApiPath(route.url)]?.[method.toLowerCase()];
      expect(operation, `${method} ${route.url} is documented`).toBeDefined();
      const responses = Object.entries(operation?.responses ?? {});
      const success = responses.find(([status]) => status.startsWith('2'));
      expect(success, `${method} ${route.url} documents a success response`).toBeDefined();
      if (success?.[0] !== '204') {
        // JSON almost everywhere; a download (CSV) documents its own media type, with a schema all the same.
        const schemas = Object.values(success?.[1].content ?? {}).map((media) => media.schema);
        expect(schemas.length, `${method} ${route.url} success media types`).toBeGreaterThan(0);
        for (const schema of schemas) expect(schema, `${method} ${route.url} success schema`).toBeDefined();
      }
      if (route.schema?.body !== undefined) {
        expect(
          operation?.requestBody?.content?.['application/json']?.schema,
          `${method} ${route.url} body`,
        ).toBeDefined();
      }
    }

    const documented = Object.keys(document.paths).filter((path) => path.startsWith('/api/v1/'));
    const registered = new Set(apiRoutes.map(({ route }) => toOpenApiPath(route.url)));
    expect(new Set(documented)).toEqual(registered);
  });

  test('describes the register body with the core schema, password length included', async () => {
    const document = (await server().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema =
      document.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema;
    expect(schema.properties.password.minLength).toBe(10);
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'password']));
  });
});
