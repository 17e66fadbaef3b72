import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

describe.each(engines())('the personal blood target on $name', (engine) => {
  const server = useTestServer(engine);

  test('PATCH stores it, GET /me and the export return it, null clears it', async () => {
    const s = server();
    const person = await registerPerson(s);
    const target = { low: 30, high: 50, unit: 'ng/mL' };
    const patched = await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { bloodTarget: target },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().profile.bloodTarget).toEqual(target);

    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.json().profile.bloodTarget).toEqual(target);

    // Another field's patch leaves it alone.
    await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { displayName: 'Ada' },
    });
    const exported = await s.app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().profile.bloodTarget).toEqual(target);

    const openBound = { low: 75, unit: 'nmol/L' };
    await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { bloodTarget: openBound },
    });
    const row = await s.sunlog.db
      .selectFrom('profiles')
      .select('blood_target')
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.blood_target ?? 'null')).toEqual(openBound);

    const cleared = await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { bloodTarget: null },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().profile.bloodTarget).toBeUndefined();
  });
});
