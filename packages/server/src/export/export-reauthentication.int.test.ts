import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, sessionCookieFrom, useTestServer } from '../../test/test-server.ts';

/** Every download of the person's data: the export, a CSV, the FHIR Bundle and the PDF report. */
const DOWNLOADS = [
  '/api/v1/export',
  '/api/v1/export/csv/intakes',
  '/api/v1/export/fhir',
  '/api/v1/reports/pdf',
] as const;

describe.each(engines())('downloads need a recent proof of who is using the session on $name', (engine) => {
  let now = Date.now();
  const server = useTestServer(engine, { clock: () => new Date(now) });

  test('refused 5 minutes after sign-in until the password is entered again; right after sign-in they work', async () => {
    const s = server();
    const person = await registerPerson(s);
    const signedIn = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: person.input.password },
    });
    const cookies = sessionCookieFrom(signedIn);
    const download = (url: string) => s.app.inject({ method: 'GET', url, cookies });
    const recent = async () =>
      (await s.app.inject({ method: 'GET', url: '/api/v1/auth/reauthentication', cookies })).json().recent;

    expect(await recent()).toBe(true);
    for (const url of DOWNLOADS) expect((await download(url)).statusCode, url).toBe(200);

    now += 5 * 60_000 + 1_000;
    expect(await recent()).toBe(false);
    const exportsBefore = (
      await s.sunlog.db
        .selectFrom('audit_events')
        .select('id')
        .where('user_id', '=', person.id)
        .where('action', '=', 'export')
        .execute()
    ).length;
    for (const url of DOWNLOADS) {
      const refused = await download(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code, url).toBe('reauthentication-required');
    }
    // The refused downloads were not exports: nothing left the server, nothing was audited as one.
    expect(
      (
        await s.sunlog.db
          .selectFrom('audit_events')
          .select('id')
          .where('user_id', '=', person.id)
          .where('action', '=', 'export')
          .execute()
      ).length,
    ).toBe(exportsBefore);

    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reauthenticate',
      cookies,
      payload: { password: 'not the password at all' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await download('/api/v1/export')).statusCode).toBe(403);

    const confirmed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reauthenticate',
      cookies,
      payload: { password: person.input.password },
    });
    expect(confirmed.statusCode).toBe(204);
    expect(await recent()).toBe(true);
    for (const url of DOWNLOADS) expect((await download(url)).statusCode, url).toBe(200);
  });
});
