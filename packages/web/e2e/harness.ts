/**
 * Real-browser test harness: the built web app, the real Sunlog server as a child process (fresh
 * SQLite database in a temp dir), and a headless Chromium driven by playwright-core. No fakes.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(WEB_DIR, '../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser suite cannot run here, or undefined when it can. */
export const skipReason: string | undefined = existsSync(CHROMIUM_PATH)
  ? undefined
  : `web-e2e skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to run the browser tests)`;

let warned = false;
/** Prints the skip reason once per process, so a skipped suite never looks like a passing one. */
export function warnIfSkipped(): boolean {
  if (skipReason !== undefined && !warned) {
    warned = true;
    console.warn(skipReason);
  }
  return skipReason !== undefined;
}

/**
 * Vitest sets NODE_ENV=test. Children must not inherit it: Vite would build development React, and
 * libraries skip work in test mode (React Aria's inline <style>), hiding what real users get.
 */
function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', ...extra };
}

/** Builds packages/web into dist/ exactly as `npm run build` does; the server serves it. */
export async function buildWebApp(): Promise<void> {
  await promisify(execFile)('npx', ['vite', 'build', '--mode', 'production', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    env: productionEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
}

export interface RunningSunlog {
  /** The origin the server printed, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The server's DATA_DIR, for running `sunlog` commands against its database (SQLite). */
  dataDir: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/** Starts `tsx packages/server/src/main.ts` on a free port with an empty data directory. */
export async function startSunlog(extraEnv: Record<string, string> = {}): Promise<RunningSunlog> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sunlog-e2e-'));
  const child = spawn('npx', ['tsx', 'packages/server/src/main.ts'], {
    cwd: REPO_ROOT,
    // Each browser test registers many people from 127.0.0.1; the limit itself is tested on the server.
    env: productionEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      REGISTRATIONS_PER_ADDRESS: '100000',
      ...extraEnv,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() reaches npx, tsx and node together.
    detached: true,
  });
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  let output = '';
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Sunlog did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Sunlog is running at (http:\/\/\S+)/.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Sunlog exited with code ${code} before listening:\n${output}`));
      });
    });
    await waitForHealthy(url);
    return {
      url,
      dataDir,
      stop: async () => {
        process.off('exit', killOnExit);
        await stopChild(child);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.off('exit', killOnExit);
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function waitForHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`${url}/healthz never answered 200 (last: ${last})`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  killGroup(child, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((done) => setTimeout(() => done(true), 10_000)),
  ]);
  if (timedOut) {
    killGroup(child, 'SIGKILL');
    await exited;
  }
}

/** Headless Chromium with background traffic turned off, so tests only see Sunlog's own requests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Watches a page for Content-Security-Policy violations and uncaught errors. Tests call
 * `problems()` afterwards and expect an empty list.
 */
export class PageWatcher {
  readonly #problems: string[] = [];
  readonly consoleMessages: string[] = [];

  async watch(page: Page): Promise<void> {
    // Runs before any page script (injected by the browser, so the page's own CSP does not apply).
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
        );
      });
    });
    page.on('console', (message: ConsoleMessage) => {
      const text = message.text();
      this.consoleMessages.push(`${message.type()}: ${text}`);
      if (/Content Security Policy/i.test(text)) this.#problems.push(`CSP: ${text}`);
    });
    page.on('pageerror', (error) => this.#problems.push(`Page error: ${error.message}`));
  }

  problems(): readonly string[] {
    return [...this.#problems];
  }
}

export interface ApiPerson {
  email: string;
  password: string;
}

/**
 * Registers a person through the API inside a browser context (so the context holds their session
 * cookie) and, unless told otherwise, records their consent, so signed-in screens open directly instead
 * of onboarding. `profile` is patched as well (time zone, units…).
 */
export async function registerThroughApi(
  page: Page,
  options: { consent?: boolean; profile?: Record<string, unknown> } = {},
): Promise<ApiPerson> {
  const person = {
    email: `person-${Math.random().toString(36).slice(2, 10)}@example.org`,
    password: 'sunny meadow at noon',
  };
  const registered = await page.request.post('/api/v1/auth/register', { data: person });
  if (!registered.ok()) throw new Error(`register answered ${registered.status()}`);
  const patch = {
    ...(options.consent === false ? {} : { consentedAt: new Date().toISOString() }),
    ...options.profile,
  };
  if (Object.keys(patch).length > 0) {
    const patched = await page.request.patch('/api/v1/me/profile', { data: patch });
    if (!patched.ok()) throw new Error(`profile patch answered ${patched.status()}: ${await patched.text()}`);
  }
  return person;
}
