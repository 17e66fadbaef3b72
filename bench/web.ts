import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWebApp, launchChromium, startSunlog } from '../packages/web/e2e/harness.ts';
import { type BenchSection, ms, percentile } from './report.ts';

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
async function todayInteractive(): Promise<number[]> {
  const server = await startSunlog();
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
    const cookies = await setup.cookies();
    await setup.close();

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
    await server.stop();
  }
}

/** First-load JavaScript size and time until Today is interactive on localhost. */
export async function benchWeb(): Promise<BenchSection> {
  process.env.NODE_ENV = 'production';
  await buildWebApp();
  const size = await firstLoadJavaScript();
  const loads = await todayInteractive();
  return {
    title: 'Web app: first load',
    method:
      'Production build (`vite build`). Size: the entry script and the modules it preloads, gzip level 9. ' +
      `Time: ${LOADS} visits to Today in fresh Chromium contexts (cold cache, headless, localhost, real server on SQLite), ` +
      'from navigation until the "Taken" button for today’s dose is visible. Source: `bench/web.ts`.',
    header: ['measure', 'value'],
    rows: [
      ['first-load JavaScript (gzip)', `${(size.gzip / 1024).toFixed(1)} KiB in ${size.files} file(s)`],
      ['first-load JavaScript (raw)', `${(size.raw / 1024).toFixed(1)} KiB`],
      ['Today interactive, median', `${ms(percentile(loads, 50))} ms`],
      ['Today interactive, p95', `${ms(percentile(loads, 95))} ms`],
    ],
  };
}
