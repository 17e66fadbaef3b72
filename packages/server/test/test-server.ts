import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Clock } from '../src/clock.ts';
import { openSunlog, type Sunlog } from '../src/context.ts';
import type { TestEngine } from './engines.ts';
import { buildRegisterInput, type RegisterBody } from './factories.ts';

/** The production app over a fresh database: what tests talk to through `app.inject`. */
export interface TestServer {
  sunlog: Sunlog;
  app: FastifyInstance;
  /** Every route Fastify registered, as seen by an onRoute hook. */
  routes: RouteOptions[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Extra environment for `loadConfig` (e.g. PUBLIC_URL). */
  env?: Record<string, string>;
  webDistDir?: string;
  /** The server's time source (tests that move time pass their own). */
  clock?: Clock;
}

/** Opens Sunlog on a fresh database of `engine` and builds the production app over it. */
export async function startTestServer(
  engine: TestEngine,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { config, dispose } = await engine.freshDatabase(options.env);
  const sunlog = await openSunlog(config, options.clock === undefined ? {} : { clock: options.clock });
  const routes: RouteOptions[] = [];
  const app = await buildApp(sunlog, {
    onRoute: (route) => routes.push(route),
    ...(options.webDistDir === undefined ? {} : { webDistDir: options.webDistDir }),
  });
  await app.ready();
  return {
    sunlog,
    app,
    routes,
    close: async () => {
      await app.close();
      await sunlog.close();
      await dispose();
    },
  };
}

/** A fresh test server per test, closed and its database removed afterwards. */
export function useTestServer(engine: TestEngine, options: TestServerOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startTestServer(engine, options);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return () => {
    if (server === undefined) throw new Error('useTestServer: no server outside a test');
    return server;
  };
}

/** The `name=value` of the session cookie a response set, for sending back. */
export function sessionCookieFrom(response: LightMyRequestResponse): Record<string, string> {
  const cookie = response.cookies.find((c) => c.name.endsWith('sunlog_session') && c.value !== '');
  if (cookie === undefined) throw new Error(`no session cookie in response ${response.statusCode}`);
  return { [cookie.name]: cookie.value };
}

/** Registers a new person through the API; returns their id, credentials and cookie. */
export async function registerPerson(
  server: TestServer,
  overrides: Partial<RegisterBody> = {},
): Promise<{ id: string; input: RegisterBody; cookies: Record<string, string> }> {
  const input = buildRegisterInput(overrides);
  const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: input });
  if (response.statusCode !== 201)
    throw new Error(`register answered ${response.statusCode}: ${response.body}`);
  return { id: response.json().user.id, input, cookies: sessionCookieFrom(response) };
}
