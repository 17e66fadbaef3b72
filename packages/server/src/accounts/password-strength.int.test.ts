import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildRegisterInput } from '../../test/factories.ts';
import { useTestServer } from '../../test/test-server.ts';
import { passwordProblems } from './password-strength.ts';

describe('passwordProblems', () => {
  test('refuses spaces, repeats, the email and common words, and says why', () => {
    expect(passwordProblems('          ', 'ada@example.org')[0]?.message).toContain('only spaces');
    expect(passwordProblems('aaaaaaaaaa', 'ada@example.org')[0]?.message).toMatch(/repeat|guess/i);
    expect(passwordProblems('ada.lovelace@example.org', 'ada.lovelace@example.org')[0]?.message).toContain(
      'email address',
    );
    expect(passwordProblems('password123', 'ada@example.org')).toHaveLength(1);
    expect(passwordProblems('sunlight over the harbour 42', 'ada@example.org')).toEqual([]);
  });
});

describe.each(engines())('registration refuses weak passwords on $name', (engine) => {
  const server = useTestServer(engine);

  test.each([
    ['ten spaces', '          '],
    ['one letter repeated', 'aaaaaaaaaa'],
    ['the email itself', 'weak.password.person@example.org'],
  ])('%s: 400 with the reason at password, and no account', async (_name, password) => {
    const { app, sunlog } = server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: buildRegisterInput({ email: 'weak.password.person@example.org', password }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'password', message: expect.any(String) }]);
    expect(response.json().error.fields[0].message.length).toBeGreaterThan(10);
    expect(await sunlog.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});
