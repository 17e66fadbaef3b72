import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';
import { PASSWORD_RESET_LIFETIME_MS } from './password-reset.ts';

const META = { requestId: 'test-request', address: 'cli', userAgent: 'sunlog' };
const NEW_PASSWORD = 'a quiet orchard by the river 77';

function tokenOf(url: string): string {
  const match = /#token=([A-Za-z0-9_-]+)$/.exec(url);
  if (match?.[1] === undefined) throw new Error(`no token in ${url}`);
  return match[1];
}

function redeem(server: TestServer, token: string, newPassword = NEW_PASSWORD) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    payload: { token, newPassword },
    headers: { 'sec-fetch-site': 'same-origin', origin: new URL(server.sunlog.config.publicUrl).origin },
  });
}

function signIn(server: TestServer, email: string, password: string) {
  return server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
}

async function linkFor(server: TestServer, email: string) {
  const user = await server.sunlog.accounts.findUserByEmail(email);
  if (user === undefined) throw new Error('no such account');
  return server.sunlog.passwordResets.issue(user, server.sunlog.config.publicUrl, META);
}

describe.each(engines())('password reset links on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL: 'https://sunlog.example.org' } });

  test('a link sets a new password once, ends every session, and is audited without the token', async () => {
    const s = server();
    const person = await registerPerson(s);
    const link = await linkFor(s, person.input.email);
    expect(link.url).toMatch(/^https:\/\/sunlog\.example\.org\/reset-password#token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link.url);

    expect((await redeem(s, token)).statusCode).toBe(204);
    // The old session is gone, the old password no longer works, the new one does.
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.statusCode).toBe(401);
    expect((await signIn(s, person.input.email, person.input.password)).statusCode).toBe(401);
    const fresh = await signIn(s, person.input.email, NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);

    // Used up: the same link answers 404 like one that never existed.
    const again = await redeem(s, token, 'another long passphrase for me 12');
    expect(again.statusCode).toBe(404);
    const never = await redeem(s, 'A'.repeat(43));
    expect(never.statusCode).toBe(404);
    expect(never.json()).toEqual(again.json());

    // The person sees both in their activity; nothing stored holds the token.
    const cookie = fresh.cookies.find((c) => c.name.endsWith('sunlog_session'));
    const activity = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/activity',
      cookies: { [cookie?.name ?? '']: cookie?.value ?? '' },
    });
    const actions = (activity.json() as { items: { action: string }[] }).items.map((item) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['password.reset-link', 'password.reset']));
    const dump = JSON.stringify([
      await s.sunlog.db.selectFrom('password_resets').selectAll().execute(),
      await s.sunlog.db.selectFrom('audit_events').selectAll().execute(),
    ]);
    expect(dump).not.toContain(token);
  });

  test('a weak new password is refused and leaves the link usable', async () => {
    const s = server();
    const person = await registerPerson(s);
    const token = tokenOf((await linkFor(s, person.input.email)).url);
    const weak = await redeem(s, token, person.input.email);
    expect(weak.statusCode).toBe(400);
    expect((await redeem(s, token)).statusCode).toBe(204);
  });

  test('a link older than an hour no longer works', async () => {
    const s = server();
    const person = await registerPerson(s);
    const token = tokenOf((await linkFor(s, person.input.email)).url);
    // Age the link as if an hour and a second had passed since it was made.
    const past = new Date(Date.now() - 1000).toISOString();
    await s.sunlog.db.updateTable('password_resets').set({ expires_at: past }).execute();
    expect(PASSWORD_RESET_LIFETIME_MS).toBe(60 * 60_000);
    expect((await redeem(s, token)).statusCode).toBe(404);
    expect((await signIn(s, person.input.email, person.input.password)).statusCode).toBe(200);
  });

  test('using one link ends the person’s other links', async () => {
    const s = server();
    const person = await registerPerson(s);
    const first = tokenOf((await linkFor(s, person.input.email)).url);
    const second = tokenOf((await linkFor(s, person.input.email)).url);
    expect((await redeem(s, second)).statusCode).toBe(204);
    expect((await redeem(s, first, 'yet another long passphrase 31')).statusCode).toBe(404);
  });
});
