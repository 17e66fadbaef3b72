import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildFlare, buildIntake, buildLabResult } from '../../test/factories.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

describe.each(engines())('implausible values are refused on $name', (engine) => {
  const server = useTestServer(engine);

  test('amounts and levels by unit, far years, takenAt far from localDate, future blood samples', async () => {
    const s = server();
    const person = await registerPerson(s);
    const post = (url: string, payload: object) =>
      s.app.inject({ method: 'POST', url, cookies: person.cookies, payload });
    const fieldsOf = async (url: string, payload: object) => {
      const response = await post(url, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      return response.json().error.fields as { path: string; message: string }[];
    };

    expect(
      await fieldsOf('/api/v1/intakes', buildIntake({ amount: { value: 10_000_000, unit: 'ug' } })),
    ).toEqual([{ path: 'amount.value', message: expect.stringContaining('from 0.025 to 25,000 µg') }]);
    expect(await fieldsOf('/api/v1/intakes', buildIntake({ amount: { value: 5e-324, unit: 'IU' } }))).toEqual(
      [{ path: 'amount.value', message: expect.stringContaining('from 1 to 1,000,000 IU') }],
    );
    expect(
      await fieldsOf('/api/v1/lab-results', buildLabResult({ level: { value: 9_999_999, unit: 'ng/mL' } })),
    ).toEqual([{ path: 'level.value', message: expect.stringContaining('from 0.1 to 1,000 ng/mL') }]);
    expect(
      await fieldsOf(
        '/api/v1/intakes',
        buildIntake({ takenAt: '0000-01-01T08:00:00Z', localDate: '0000-01-01' }),
      ),
    ).toEqual(expect.arrayContaining([{ path: 'localDate', message: 'Use a year from 1900 on' }]));
    expect(
      await fieldsOf(
        '/api/v1/intakes',
        buildIntake({ takenAt: '9999-01-01T08:00:00Z', localDate: '9999-01-01' }),
      ),
    ).toEqual(
      expect.arrayContaining([
        { path: 'localDate', message: expect.stringMatching(/^Use a year from 1900 to \d{4}$/) },
      ]),
    );
    expect(await fieldsOf('/api/v1/flares', buildFlare({ startDate: '9999-12-31' }))).toEqual([
      { path: 'startDate', message: expect.stringContaining('Use a year from 1900 to') },
    ]);
    expect(
      await fieldsOf(
        '/api/v1/intakes',
        buildIntake({ takenAt: '2053-03-02T08:31:00+01:00', localDate: '2026-03-02' }),
      ),
    ).toEqual([{ path: 'takenAt', message: expect.stringContaining('within one day') }]);

    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await fieldsOf('/api/v1/lab-results', buildLabResult({ sampleDate: inAWeek }))).toEqual([
      { path: 'sampleDate', message: expect.stringContaining('cannot be after') },
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await post('/api/v1/lab-results', buildLabResult({ sampleDate: today }))).statusCode).toBe(201);
    expect(
      (await post('/api/v1/intakes', buildIntake({ amount: { value: 100, unit: 'ug' } }))).statusCode,
    ).toBe(201);
  });

  test('locales are checked with Intl and stored, with time zones, as Intl writes them', async () => {
    const s = server();
    const person = await registerPerson(s, { timeZone: 'utc' });
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.json().profile.timeZone).toBe('UTC');

    const bad = await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { locale: 'not a locale' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'locale', message: expect.stringContaining('language tag') },
    ]);

    const patched = await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { locale: 'en-us', timeZone: 'europe/berlin' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().profile).toMatchObject({ locale: 'en-US', timeZone: 'Europe/Berlin' });
  });
});
