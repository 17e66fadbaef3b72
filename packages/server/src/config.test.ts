import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, servedOverHttps } from './config.ts';

describe('loadConfig', () => {
  test('an empty environment gives the documented defaults and an SQLite file in ./data', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      database: { engine: 'sqlite', file: resolve('./data/sunlog.db') },
      publicUrl: 'http://127.0.0.1:3000',
      publicUrlIsSet: false,
      logLevel: 'info',
      trustProxy: false,
      registrationsPerAddress: 10,
      mail: undefined,
      metricsToken: undefined,
    });
  });

  test('SMTP_URL turns mail on, with a sender on PUBLIC_URL’s host unless MAIL_FROM names one', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://mailer:secret@mail.example.org:587',
        PUBLIC_URL: 'https://sunlog.example.org',
      }).mail,
    ).toEqual({
      smtpUrl: 'smtp://mailer:secret@mail.example.org:587',
      from: 'Sunlog <sunlog@sunlog.example.org>',
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://mail.example.org', MAIL_FROM: 'Clinic <no-reply@clinic.example>' }).mail
        ?.from,
    ).toBe('Clinic <no-reply@clinic.example>');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL must be an smtp/);
    // The password in a refused URL is not printed.
    expect(() => loadConfig({ SMTP_URL: 'ftp://mailer:hunter2@mail.example.org' })).toThrow(/mailer:\*\*\*@/);
  });

  test('REGISTRATIONS_PER_ADDRESS takes a whole number from 1 to 100000', () => {
    expect(loadConfig({ REGISTRATIONS_PER_ADDRESS: '250' }).registrationsPerAddress).toBe(250);
    for (const bad of ['0', '-3', '2.5', 'many', '100001']) {
      expect(() => loadConfig({ REGISTRATIONS_PER_ADDRESS: bad })).toThrow(
        /REGISTRATIONS_PER_ADDRESS must be a whole number from 1 to 100000/,
      );
    }
  });

  test('DATABASE_URL chooses PostgreSQL over SQLite, in the public schema unless told otherwise', () => {
    const url = 'postgres://sunlog@db.internal:5432/sunlog';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ engine: 'postgres', url, schema: 'public' });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_SCHEMA: 'clinic_a' }).database).toMatchObject({
      schema: 'clinic_a',
    });
  });

  test('PUBLIC_URL defaults to the listening address and loses a trailing slash', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://0.0.0.0:8080');
    expect(loadConfig({ HOST: '::1' }).publicUrl).toBe('http://[::1]:3000');
    expect(loadConfig({ PUBLIC_URL: 'https://sunlog.example.org/' }).publicUrl).toBe(
      'https://sunlog.example.org',
    );
  });

  test('blank values count as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
    expect(loadConfig({ DATABASE_URL: '' }).database.engine).toBe('sqlite');
  });

  test.each([
    [
      { PORT: 'eighty' },
      /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got "eighty"\)$/,
    ],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL must be one of fatal, error/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ PUBLIC_URL: 'ftp://files' }, /PUBLIC_URL/],
    [{ DATABASE_SCHEMA: 'x; drop table users' }, /DATABASE_SCHEMA/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be false, a number of proxy hops/],
    [{ TRUST_PROXY: 'true' }, /^Invalid configuration: TRUST_PROXY may no longer be true: .*X-Forwarded-For/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY must be false/],
    [{ TRUST_PROXY: '10.0.0.1,proxy.internal' }, /TRUST_PROXY must be false/],
  ])('a bad value (%o) is refused with a one-line reason naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('\n');
    }
  });

  test('TRUST_PROXY takes a hop count or the proxies\' addresses and ranges, never "all"', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  test('a bad DATABASE_URL is named without its password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://sunlog:hunter2-secret@db:3306/sunlog' })).toThrow(
      'got "mysql://sunlog:***@db:3306/sunlog"',
    );
    try {
      loadConfig({ DATABASE_URL: 'mysql://sunlog:hunter2-secret@db:3306/sunlog' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  test('METRICS_TOKEN turns /metrics on; a short or spaced one stops the start without printing it', () => {
    const token = 'c0ffee'.repeat(8);
    expect(loadConfig({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(loadConfig({ METRICS_TOKEN: '  ' }).metricsToken).toBeUndefined();
    for (const bad of ['short-secret-value', `${'a'.repeat(20)} ${'b'.repeat(20)}`]) {
      let message = '';
      try {
        loadConfig({ METRICS_TOKEN: bad });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Invalid configuration: METRICS_TOKEN must be/);
      expect(message).toContain(`(got ${bad.length} characters)`);
      expect(message).not.toContain(bad.slice(0, 10));
    }
  });

  test('https is detected from PUBLIC_URL', () => {
    expect(servedOverHttps(loadConfig({ PUBLIC_URL: 'https://sunlog.example.org' }))).toBe(true);
    expect(servedOverHttps(loadConfig({}))).toBe(false);
  });
});
