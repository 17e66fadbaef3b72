import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { type Cookie, chromium } from 'playwright-core';
import {
  buildWebApp,
  CHROMIUM_PATH,
  launchChromium,
  type RunningSunlog,
  startSunlog,
} from '../packages/web/e2e/harness.ts';
import { type BenchGoal, type BenchSection, ms, percentile } from './report.ts';

const DIST = fileURLToPath(new URL('../packages/web/dist/', import.meta.url));
const LOADS = 10;

/** The JavaScript a first visit downloads: the entry script and every module it preloads, gzipped. */
async function firstLoadJavaScript(): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await readFile(`${DIST}index.html`, 'utf8');
  const urls = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map(
    (match) => match[1],
  );
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const bytes = await readFile(`${DIST}${url}`);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: urls.length, raw, gzip };
}

/**
 * Time from navigation to Today being interactive: a signed-in person with a daily regimen opens the
 * app in a fresh browser context (cold cache) and the "Taken" button for today's dose is enabled.
 */
async function todayInteractive(server: RunningSunlog, cookies: Cookie[]): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const sample: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      const visit = await context.newPage();
      const started = performance.now();
      await visit.goto(server.url);
      await visit
        .getByRole('button', { name: /^taken/i })
        .first()
        .waitFor({ state: 'visible' });
      sample.push(performance.now() - started);
      await context.close();
    }
    return sample;
  } finally {
    await browser.close();
  }
}

/**
 * Signs up one person with a daily regimen and returns the session cookie; every measurement below is
 * made as this person.
 */
async function signedInPerson(server: RunningSunlog): Promise<Cookie[]> {
  const browser = await launchChromium();
  try {
    const setup = await browser.newContext();
    const page = await setup.newPage();
    await page.goto(server.url);
    const today = new Date().toISOString().slice(0, 10);
    // The context's request client shares its cookie jar, so the session set at registration is kept.
    const api = (method: 'POST' | 'PATCH', path: string, data: unknown) =>
      page.request
        .fetch(`${server.url}/api/v1${path}`, { method, data })
        .then((response) => response.status());
    const status = [
      await api('POST', '/auth/register', {
        email: 'bench@example.org',
        password: 'a long bench passphrase',
      }),
      await api('PATCH', '/me/profile', { consentedAt: `${today}T00:00:00Z`, timeZone: 'UTC' }),
      await api('POST', '/regimens', {
        id: crypto.randomUUID(),
        productName: 'Vitamin D3',
        form: 'D3',
        amountPerDose: { value: 1000, unit: 'IU' },
        schedule: { kind: 'daily' },
        startDate: today,
        reminderTimes: [],
      }),
    ];
    if (status.join() !== '201,200,201') throw new Error(`bench set-up failed: ${status.join()}`);
    return await setup.cookies();
  } finally {
    await browser.close();
  }
}

/** The screens Lighthouse audits, and the goals from issue 11. */
const LIGHTHOUSE_SCREENS = [
  { name: 'Today', path: '/' },
  { name: 'Insights', path: '/insights' },
  { name: 'History', path: '/history' },
] as const;
const PERFORMANCE_GOAL = 95;
/** Set LIGHTHOUSE_REPORT_DIR to keep each screen's full Lighthouse report (JSON) there. */
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;
const ACCESSIBILITY_GOAL = 100;

interface LighthouseScores {
  name: string;
  performance: number;
  accessibility: number;
  /** Audits that lost accessibility points, by id, so a miss says what to fix. */
  accessibilityFailures: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Lighthouse's default (mobile) preset on each screen of the built app, served by the real server,
 * signed in through the session cookie. Chromium is started by playwright-core with a debugging port,
 * and Lighthouse drives it through that port.
 */
async function lighthouseScores(server: RunningSunlog, cookies: Cookie[]): Promise<LighthouseScores[]> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`],
  });
  const cookie = cookies.map((one) => `${one.name}=${one.value}`).join('; ');
  try {
    const scores: LighthouseScores[] = [];
    for (const screen of LIGHTHOUSE_SCREENS) {
      const result = await lighthouse(`${server.url}${screen.path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders: { Cookie: cookie },
      });
      if (result === undefined) throw new Error(`Lighthouse gave no result for ${screen.path}`);
      const { categories, audits, finalDisplayedUrl } = result.lhr;
      // Signed out, the app would have moved to /sign-in: then the scores are not the screen's.
      if (new URL(finalDisplayedUrl).pathname !== screen.path) {
        throw new Error(`Lighthouse ended on ${finalDisplayedUrl}, not ${screen.path}: was the cookie sent?`);
      }
      if (REPORT_DIR !== undefined) {
        await writeFile(
          join(REPORT_DIR, `lighthouse-${screen.name.toLowerCase()}.json`),
          JSON.stringify(result.lhr),
        );
      }
      const failures = (categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id);
      scores.push({
        name: screen.name,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        accessibilityFailures: failures,
      });
    }
    return scores;
  } finally {
    await browser.close();
  }
}

/** A figure against its goal: the goal is named, and a miss is marked, never hidden. */
function againstGoal(value: string, met: boolean, goal: string): string {
  return met ? `${value} (goal ${goal})` : `${value} **missed** (goal ${goal})`;
}

/**
 * First-load JavaScript size, time until Today is interactive on localhost, and Lighthouse's
 * performance and accessibility scores on Today, Insights and History.
 */
export async function benchWeb(): Promise<BenchSection> {
  process.env.NODE_ENV = 'production';
  await buildWebApp();
  const size = await firstLoadJavaScript();
  const server = await startSunlog();
  let loads: number[];
  let audits: LighthouseScores[];
  try {
    const cookies = await signedInPerson(server);
    loads = await todayInteractive(server, cookies);
    audits = await lighthouseScores(server, cookies);
  } finally {
    await server.stop();
  }
  const gzipKiB = size.gzip / 1024;
  const median = percentile(loads, 50);
  const goals: BenchGoal[] = [
    {
      figure: 'first-load JavaScript, gzip',
      measured: `${gzipKiB.toFixed(1)} KiB`,
      goal: '≤ 100 KiB',
      met: gzipKiB <= 100,
    },
    {
      figure: 'Today interactive on localhost, cold, median of 10',
      measured: `${ms(median)} ms`,
      goal: '≤ 400 ms',
      met: median <= 400,
    },
    ...audits.flatMap((audit): BenchGoal[] => [
      {
        figure: `Lighthouse performance (mobile), ${audit.name}`,
        measured: String(audit.performance),
        goal: `≥ ${PERFORMANCE_GOAL}`,
        met: audit.performance >= PERFORMANCE_GOAL,
      },
      {
        figure: `Lighthouse accessibility, ${audit.name}`,
        measured: String(audit.accessibility),
        goal: String(ACCESSIBILITY_GOAL),
        met: audit.accessibility >= ACCESSIBILITY_GOAL,
      },
    ]),
  ];
  return {
    title: 'Web app: first load',
    goals,
    method:
      'Production build (`vite build`). Size: the entry script and the modules it preloads, gzip level 9. ' +
      `Time: ${LOADS} visits to Today in fresh Chromium contexts (cold cache, headless, localhost, real server on SQLite), ` +
      'from navigation until the "Taken" button for today’s dose is visible. ' +
      'Lighthouse 12.2.3, default mobile preset (simulated throttling), signed in through the session cookie, ' +
      `against the same built app and server. Load average while measuring: ${loadAverage()}. Source: \`bench/web.ts\`.`,
    header: ['measure', 'value'],
    rows: [
      [
        'first-load JavaScript (gzip)',
        againstGoal(`${gzipKiB.toFixed(1)} KiB in ${size.files} file(s)`, gzipKiB <= 100, '≤ 100 KiB'),
      ],
      ['first-load JavaScript (raw)', `${(size.raw / 1024).toFixed(1)} KiB`],
      ['Today interactive, median', againstGoal(`${ms(median)} ms`, median <= 400, '≤ 400 ms')],
      ['Today interactive, p95', `${ms(percentile(loads, 95))} ms`],
      ...audits.flatMap((audit) => [
        [
          `Lighthouse performance, ${audit.name}`,
          againstGoal(
            String(audit.performance),
            audit.performance >= PERFORMANCE_GOAL,
            `≥ ${PERFORMANCE_GOAL}`,
          ),
        ],
        [
          `Lighthouse accessibility, ${audit.name}`,
          againstGoal(
            audit.accessibilityFailures.length === 0
              ? String(audit.accessibility)
              : `${audit.accessibility} (${audit.accessibilityFailures.join(', ')})`,
            audit.accessibility >= ACCESSIBILITY_GOAL,
            `${ACCESSIBILITY_GOAL}`,
          ),
        ],
      ]),
    ],
  };
}

/** The 1-minute load average, since timings on a shared machine mean little without it. */
function loadAverage(): string {
  return loadavg()[0]?.toFixed(2) ?? 'unknown';
}
