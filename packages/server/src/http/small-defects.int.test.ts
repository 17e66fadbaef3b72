import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

describe.each(engines())('smaller defects on $name', (engine) => {
  const server = useTestServer(engine);

  test('a path id over 100 characters answers 404 like any unknown id', async () => {
    const s = server();
    const person = await registerPerson(s);
    const long = 'a'.repeat(101);
    for (const [method, url] of [
      ['GET', `/api/v1/intakes/${long}`],
      ['DELETE', `/api/v1/intakes/${long}`],
      ['DELETE', `/api/v1/me/sessions/${long}`],
    ] as const) {
      const response = await s.app.inject({ method, url, cookies: person.cookies });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('not-found');
    }
  });

  test('the export answers a cross-site request 403 and audits nothing; same-origin and CLI pass', async () => {
    const s = server();
    const person = await registerPerson(s);
    const exportsAudited = async () =>
      (await s.sunlog.db.selectFrom('audit_events').select('action').execute()).filter((e) =>
        e.action.startsWith('export'),
      ).length;
    for (const url of ['/api/v1/export', '/api/v1/export/csv/intakes']) {
      for (const site of ['cross-site', 'same-site']) {
        const response = await s.app.inject({
          method: 'GET',
          url,
          cookies: person.cookies,
          headers: { 'sec-fetch-site': site },
        });
        expect(response.statusCode, `${url} ${site}`).toBe(403);
        expect(response.json().error.code).toBe('csrf');
      }
    }
    expect(await exportsAudited()).toBe(0);
    for (const headers of [{ 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}]) {
      const response = await s.app.inject({
        method: 'GET',
        url: '/api/v1/export',
        cookies: person.cookies,
        headers,
      });
      expect(response.statusCode).toBe(200);
    }
  });
});
