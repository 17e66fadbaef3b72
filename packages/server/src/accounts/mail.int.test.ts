import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildRegisterInput } from '../../test/factories.ts';
import { SmtpReceiver } from '../../test/smtp-receiver.ts';
import { type TestServer, useTestServer } from '../../test/test-server.ts';

const PUBLIC_URL = 'https://sunlog.example.org';

function post(server: TestServer, url: string, payload: object) {
  return server.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'sec-fetch-site': 'same-origin', origin: PUBLIC_URL },
  });
}

/** The token of the first link to `path` in a mail's text. */
function linkToken(text: string, path: string): string {
  const token = new RegExp(`${PUBLIC_URL}${path}#token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
  if (token === undefined) throw new Error(`no ${path} link in: ${text}`);
  return token;
}

describe.each(engines())('registration and password resets by mail on $name', (engine) => {
  let receiver: SmtpReceiver;
  const env: Record<string, string> = { PUBLIC_URL };
  const server = useTestServer(engine, { env });

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
    env.SMTP_URL = receiver.url;
  });
  afterAll(async () => {
    await receiver.close();
  });

  async function delivered(s: TestServer) {
    await s.sunlog.mailer?.settled();
  }

  test('a new and a taken address get the same answer; each gets its own mail', async () => {
    const s = server();
    const options = await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(options.json()).toEqual({ mail: true });

    // The taken address: an account made directly (mail confirms only sign-ups through the API).
    const owner = buildRegisterInput();
    await s.sunlog.accounts.register(owner, { requestId: 't', address: '192.0.2.1', userAgent: null });
    const fresh = buildRegisterInput();

    const forTaken = await post(s, '/api/v1/auth/register', {
      ...owner,
      password: 'another long passphrase 12',
    });
    const forNew = await post(s, '/api/v1/auth/register', fresh);
    expect(forTaken.statusCode).toBe(202);
    expect(forNew.statusCode).toBe(202);
    expect(forTaken.body).toBe(forNew.body);
    expect(forNew.json()).toMatchObject({ status: 'check-your-mail' });
    // Neither signs anyone in.
    expect(forTaken.cookies.filter((c) => c.name.endsWith('sunlog_session'))).toEqual([]);
    expect(forNew.cookies.filter((c) => c.name.endsWith('sunlog_session'))).toEqual([]);

    await delivered(s);
    const [notice] = receiver.to(owner.email);
    expect(notice?.subject).toBe('Someone tried to create a Sunlog account with your address');
    // The notice's reset link works, once.
    const resetToken = linkToken(notice?.text ?? '', '/reset-password');
    expect(
      (
        await post(s, '/api/v1/auth/password-reset', {
          token: resetToken,
          newPassword: 'a brand new long phrase 9',
        })
      ).statusCode,
    ).toBe(204);

    const [confirmation] = receiver.to(fresh.email);
    expect(confirmation?.subject).toBe('Confirm your Sunlog account');
    const token = linkToken(confirmation?.text ?? '', '/confirm-email');
    // Until the link is used there is no account to sign in to.
    expect((await post(s, '/api/v1/auth/sign-in', fresh)).statusCode).toBe(401);
    const confirmed = await post(s, '/api/v1/auth/confirm-email', { token });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ user: { email: fresh.email } });
    const cookie = confirmed.cookies.find((c) => c.name.endsWith('sunlog_session'));
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { [cookie?.name ?? '']: cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect((await post(s, '/api/v1/auth/sign-in', fresh)).statusCode).toBe(200);
    // Used up.
    expect((await post(s, '/api/v1/auth/confirm-email', { token })).statusCode).toBe(404);
    // Nothing stored holds a token from a mail.
    const stored = JSON.stringify([
      await s.sunlog.db.selectFrom('pending_registrations').selectAll().execute(),
      await s.sunlog.db.selectFrom('password_resets').selectAll().execute(),
      await s.sunlog.db.selectFrom('audit_events').selectAll().execute(),
    ]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(resetToken);
  });

  test('a reset link by mail: the same answer for any address, a working link only to an account', async () => {
    const s = server();
    const input = buildRegisterInput();
    await s.sunlog.accounts.register(input, { requestId: 't', address: '192.0.2.1', userAgent: null });
    const person = { input };
    const unknown = 'nobody-here@example.org';
    const forPerson = await post(s, '/api/v1/auth/password-reset/request', { email: person.input.email });
    const forUnknown = await post(s, '/api/v1/auth/password-reset/request', { email: unknown });
    expect(forPerson.statusCode).toBe(202);
    expect(forUnknown.statusCode).toBe(202);
    expect(forPerson.body).toBe(forUnknown.body);

    await delivered(s);
    expect(receiver.to(unknown)).toEqual([]);
    const mails = receiver.to(person.input.email);
    expect(mails.map((mail) => mail.subject)).toEqual(['Set a new Sunlog password']);
    const token = linkToken(mails[0]?.text ?? '', '/reset-password');
    const newPassword = 'river stones and morning light 4';
    expect((await post(s, '/api/v1/auth/password-reset', { token, newPassword })).statusCode).toBe(204);
    expect(
      (await post(s, '/api/v1/auth/sign-in', { email: person.input.email, password: newPassword }))
        .statusCode,
    ).toBe(200);
  });

  test('a sign-in from a new device sends the owner a notice; the same device again does not', async () => {
    const s = server();
    const input = buildRegisterInput();
    await s.sunlog.accounts.register(input, { requestId: 't', address: '192.0.2.1', userAgent: null });
    const first = await post(s, '/api/v1/auth/sign-in', input);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => !c.name.endsWith('sunlog_session') && c.value !== '');
    expect(device).toBeDefined();
    await delivered(s);
    const notices = () =>
      receiver.to(input.email).filter((m) => m.subject === 'New sign-in to your Sunlog account');
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.text).toContain(`${PUBLIC_URL}/settings`);

    const again = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: input,
      headers: { 'sec-fetch-site': 'same-origin', origin: PUBLIC_URL },
      cookies: { [device?.name ?? '']: device?.value ?? '' },
    });
    expect(again.statusCode).toBe(200);
    await delivered(s);
    expect(notices()).toHaveLength(1);
  });

  test('a confirmation link older than a day no longer works', async () => {
    const s = server();
    const fresh = buildRegisterInput();
    expect((await post(s, '/api/v1/auth/register', fresh)).statusCode).toBe(202);
    await delivered(s);
    const token = linkToken(receiver.to(fresh.email)[0]?.text ?? '', '/confirm-email');
    await s.sunlog.db
      .updateTable('pending_registrations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await post(s, '/api/v1/auth/confirm-email', { token })).statusCode).toBe(404);
  });
});

describe.each(engines())('without mail on $name', (engine) => {
  const server = useTestServer(engine);

  test('registering signs in at once, a taken address is told so, and the mail routes answer 404', async () => {
    const s = server();
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' })).json()).toEqual({
      mail: false,
    });
    const input = buildRegisterInput();
    expect((await post(s, '/api/v1/auth/register', input)).statusCode).toBe(201);
    expect((await post(s, '/api/v1/auth/register', input)).statusCode).toBe(409);
    expect((await post(s, '/api/v1/auth/confirm-email', { token: 'A'.repeat(43) })).statusCode).toBe(404);
    expect((await post(s, '/api/v1/auth/password-reset/request', { email: input.email })).statusCode).toBe(
      404,
    );
  });
});
