import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';

describe.each(engines())('the tracked ratings on $name', (engine) => {
  const server = useTestServer(engine);

  test('absent until chosen; PATCH stores the choice, GET /me and the export return it', async () => {
    const s = server();
    const person = await registerPerson(s);
    const before = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(before.json().profile.trackedRatings).toBeUndefined();

    const chosen = ['fatigue', 'pain'];
    const patched = await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { trackedRatings: chosen },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().profile.trackedRatings).toEqual(chosen);

    // Another field's patch leaves it alone.
    await s.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      cookies: person.cookies,
      payload: { displayName: 'Ada' },
    });
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.json().profile.trackedRatings).toEqual(chosen);
    const exported = await s.app.inject({ method: 'GET', url: '/api/v1/export', cookies: person.cookies });
    expect(exported.json().profile.trackedRatings).toEqual(chosen);
    const row = await s.sunlog.db
      .selectFrom('profiles')
      .select('tracked_ratings')
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.tracked_ratings ?? 'null')).toEqual(chosen);
  });

  test('an empty choice, a repeated or an unknown rating is refused and changes nothing', async () => {
    const s = server();
    const person = await registerPerson(s);
    for (const trackedRatings of [[], ['fatigue', 'fatigue'], ['tingling'], null]) {
      const refused = await s.app.inject({
        method: 'PATCH',
        url: '/api/v1/me/profile',
        cookies: person.cookies,
        payload: { trackedRatings },
      });
      expect(refused.statusCode).toBe(400);
    }
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.json().profile.trackedRatings).toBeUndefined();
  });
});
