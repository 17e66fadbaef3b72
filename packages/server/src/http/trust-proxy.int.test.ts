import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';
import { SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS } from '../accounts/rate-limit.ts';

const PROXY = '10.0.0.2';
const CLIENT = '198.51.100.7';

describe.each(engines())('TRUST_PROXY=1 on $name', (engine) => {
  const server = useTestServer(engine, { env: { TRUST_PROXY: '1' } });

  test('a forged leftmost X-Forwarded-For hop changes neither the limiter nor the audit trail', async () => {
    const s = server();
    const person = await registerPerson(s);
    const attempt = (forged: string) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: person.input.email, password: 'wrong password here' },
        remoteAddress: PROXY,
        // The client wrote the first entry; our one proxy appended the address it saw.
        headers: { 'x-forwarded-for': `${forged}, ${CLIENT}` },
      });
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await attempt(`203.0.113.${i + 1}`)).statusCode).toBe(401);
    }
    expect((await attempt('203.0.113.200')).statusCode).toBe(429);

    const events = await s.sunlog.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', '=', 'session.sign-in')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS);
    for (const event of events) expect(JSON.parse(event.detail).address).toBe(CLIENT);
  });

  test("without X-Forwarded-For the proxy's own address is what counts", async () => {
    const s = server();
    const person = await registerPerson(s);
    await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.input.email, password: 'wrong password here' },
      remoteAddress: PROXY,
    });
    const event = await s.sunlog.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'session.sign-in')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail).address).toBe(PROXY);
  });
});
