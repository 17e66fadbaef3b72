import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

/** The `from` and `to` a download's file name carries (sunlog-fhir-FROM-to-TO.json, sunlog-report-…). */
function rangeInFileName(disposition: unknown): { from: string; to: string } {
  const match = /(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})/.exec(String(disposition));
  return { from: match?.[1] ?? '', to: match?.[2] ?? '' };
}

describe.each(engines())('the last appointment on $name', (engine) => {
  const server = useTestServer(engine);

  test('PATCH stores it; GET /me and the export return it; the report and FHIR ranges start there by default; null clears it', async () => {
    const s = server();
    const person = await registerPerson(s);
    const patch = (lastAppointment: unknown) =>
      s.app.inject({
        method: 'PATCH',
        url: '/api/v1/me/profile',
        cookies: person.cookies,
        payload: { lastAppointment },
      });

    expect((await patch('2026-02-30')).statusCode).toBe(400);
    const patched = await patch('2026-01-20');
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().profile.lastAppointment).toBe('2026-01-20');

    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.json().profile.lastAppointment).toBe('2026-01-20');
    const exported = await s.app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    expect(exported.json().profile.lastAppointment).toBe('2026-01-20');

    const fhir = await s.app.inject({ method: 'GET', url: '/api/v1/export/fhir', cookies: person.cookies });
    expect(fhir.statusCode).toBe(200);
    expect(rangeInFileName(fhir.headers['content-disposition']).from).toBe('2026-01-20');
    const pdf = await s.app.inject({ method: 'GET', url: '/api/v1/reports/pdf', cookies: person.cookies });
    expect(pdf.statusCode).toBe(200);
    expect(rangeInFileName(pdf.headers['content-disposition']).from).toBe('2026-01-20');
    // A `from` asked for wins over the default.
    const asked = await s.app.inject({
      method: 'GET',
      url: '/api/v1/export/fhir?from=2026-02-01',
      cookies: person.cookies,
    });
    expect(rangeInFileName(asked.headers['content-disposition']).from).toBe('2026-02-01');

    const cleared = await patch(null);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().profile.lastAppointment).toBeUndefined();
    const byDefault = await s.app.inject({
      method: 'GET',
      url: '/api/v1/export/fhir',
      cookies: person.cookies,
    });
    const { from, to } = rangeInFileName(byDefault.headers['content-disposition']);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(181);
    expect(days).toBeLessThanOrEqual(184);
  });
});
