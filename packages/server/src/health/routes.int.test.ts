import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestServer } from '../../test/test-server.ts';

describe.each(engines())('GET /healthz on $name', (engine) => {
  const server = useTestServer(engine);

  test('answers 200 ok while the database answers', async () => {
    const response = await server().app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  test('answers 503 unavailable once the database is closed', async () => {
    const { app, sunlog } = server();
    await sunlog.close();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', reason: 'database-closed' });
  });
});
