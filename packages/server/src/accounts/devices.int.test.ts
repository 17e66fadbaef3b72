import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

function deviceCookieFrom(response: LightMyRequestResponse): Record<string, string> {
  const cookie = response.cookies.find((c) => c.name.endsWith('sunlog_device'));
  if (cookie === undefined) throw new Error(`no device cookie in response ${response.statusCode}`);
  expect(cookie.httpOnly).toBe(true);
  return { [cookie.name]: cookie.value };
}

async function newDeviceNotices(s: TestServer, cookies: Record<string, string>): Promise<number> {
  const response = await s.app.inject({ method: 'GET', url: '/api/v1/me/activity', cookies });
  expect(response.statusCode).toBe(200);
  return response
    .json()
    .items.filter((item: { action: string }) => item.action === 'account.sign-in-new-device').length;
}

describe.each(engines())('new-device sign-ins on $name', (engine) => {
  const server = useTestServer(engine);

  test('the first sign-in from a new device is in the activity; the same device again is not', async () => {
    const s = server();
    const register = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'devices@example.org', password: 'sunlight over the harbour 42' },
    });
    const firstDevice = deviceCookieFrom(register);
    const credentials = { email: 'devices@example.org', password: 'sunlight over the harbour 42' };
    const signIn = (cookies: Record<string, string>) =>
      s.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: credentials, cookies });

    // The device it was registered on is known.
    const again = await signIn(firstDevice);
    expect(again.statusCode).toBe(200);
    expect(deviceCookieFrom(again)).toEqual(firstDevice);
    expect(await newDeviceNotices(s, sessionOf(again))).toBe(0);

    // A browser without the cookie is a new device: one notice, and it gets its own cookie.
    const elsewhere = await signIn({});
    expect(elsewhere.statusCode).toBe(200);
    const secondDevice = deviceCookieFrom(elsewhere);
    expect(secondDevice).not.toEqual(firstDevice);
    const session = sessionOf(elsewhere);
    expect(await newDeviceNotices(s, session)).toBe(1);
    const activity = await s.app.inject({ method: 'GET', url: '/api/v1/me/activity', cookies: session });
    const notice = activity
      .json()
      .items.find((item: { action: string }) => item.action === 'account.sign-in-new-device');
    expect(notice).toMatchObject({ outcome: 'success', address: expect.any(String) });

    // The same device again: no new notice.
    expect((await signIn(secondDevice)).statusCode).toBe(200);
    expect(await newDeviceNotices(s, session)).toBe(1);
  });

  test('a device known to one account is new to another', async () => {
    const s = server();
    const first = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'first@example.org', password: 'sunlight over the harbour 42' },
    });
    const device = deviceCookieFrom(first);
    const other = await registerPerson(s);
    const signedIn = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: other.input.email, password: other.input.password },
      cookies: device,
    });
    expect(signedIn.statusCode).toBe(200);
    expect(await newDeviceNotices(s, sessionOf(signedIn))).toBe(1);
    // The table links nothing: the two accounts' rows for this browser differ.
    const rows = await s.sunlog.db.selectFrom('known_devices').select('device_hash').execute();
    expect(new Set(rows.map((row) => row.device_hash)).size).toBe(rows.length);
  });
});

function sessionOf(response: LightMyRequestResponse): Record<string, string> {
  const cookie = response.cookies.find((c) => c.name.endsWith('sunlog_session') && c.value !== '');
  if (cookie === undefined) throw new Error('no session cookie');
  return { [cookie.name]: cookie.value };
}
