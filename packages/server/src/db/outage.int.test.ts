import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { registerPerson, startTestServer, type TestServer } from '../../test/test-server.ts';
import { loadConfig } from '../config.ts';
import { openSunlog } from '../context.ts';
import { describeStartFailure } from '../serve.ts';
import { DatabaseUnavailableError } from './availability.ts';

/** A TCP server on a free port; `silent` accepts connections and never says a word. */
async function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

const open: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of open.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function startFailure(databaseUrl: string): Promise<{ error: unknown; ms: number }> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const started = Date.now();
  try {
    const sunlog = await openSunlog(config);
    await sunlog.close();
    return { error: undefined, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

describe('start-up against a PostgreSQL that is not there', () => {
  test('nothing listening: fails at once with one line, and without the password', async () => {
    const { server, port } = await listen(() => {});
    await new Promise((resolve) => server.close(resolve)); // the port is now free and refuses
    const { error, ms } = await startFailure(`postgres://sunlog:s3cret-pw@127.0.0.1:${port}/sunlog`);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const line = describeStartFailure(error);
    expect(line).toMatch(
      new RegExp(
        `^Sunlog could not start: the PostgreSQL database at 127\\.0\\.0\\.1:${port}/sunlog did not answer \\(database-unreachable`,
      ),
    );
    expect(line).not.toContain('\n');
    expect(line).not.toContain('s3cret-pw');
    expect(ms).toBeLessThan(15_000);
  });

  test('a server that accepts and never answers: fails within 15 s with one line', async () => {
    const { server, port } = await listen((socket) => sockets.push(socket));
    open.push(server);
    const { error, ms } = await startFailure(`postgres://sunlog:s3cret-pw@127.0.0.1:${port}/sunlog`);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const line = describeStartFailure(error);
    expect(line).toMatch(
      /^Sunlog could not start: the PostgreSQL database at .* did not answer \(database-timeout/,
    );
    expect(line).not.toContain('\n');
    expect(line).not.toContain('s3cret-pw');
    expect(ms).toBeLessThan(15_000);
  }, 20_000);
});

const postgres = engines().find((engine) => engine.name === 'postgres');

describe.runIf(postgres !== undefined)('a PostgreSQL outage while running', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('answers 503 with Retry-After (not 500), and /healthz says why', async () => {
    const target = new URL(process.env.TEST_DATABASE_URL ?? '');
    const links: Socket[] = [];
    // A TCP relay between Sunlog and PostgreSQL that can be cut, as a network outage would.
    const relay = await listen((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      links.push(client, upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const viaRelay = new URL(target);
    viaRelay.port = String(relay.port);
    if (postgres === undefined) throw new Error('unreachable');
    server = await startTestServer(postgres, { env: { DATABASE_URL: viaRelay.toString() } });
    const person = await registerPerson(server);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies })).statusCode,
    ).toBe(200);

    await new Promise((resolve) => relay.server.close(resolve));
    for (const link of links) link.destroy();

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: person.cookies });
    expect(me.statusCode).toBe(503);
    expect(me.headers['retry-after']).toBe('5');
    expect(me.json().error.code).toBe('unavailable');
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'unavailable', reason: 'database-unreachable' });
    expect(health.headers['retry-after']).toBe('5');
  });
});
