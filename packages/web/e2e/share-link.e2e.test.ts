import { readFile } from 'node:fs/promises';
import { addDays } from '@sunlog/core/calendar';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { registerThroughApi, seedFourMonths } from './seed-records.ts';

/** The bytes of the file a click on the link named `name` downloads. */
async function download(page: Page, name: string): Promise<Buffer> {
  const [started] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return readFile(await started.path());
}

/**
 * Makes a link on the Share screen and answers it as the page showed it (once). The person was
 * registered moments ago, so the server does not ask for the password again.
 */
async function makeLink(page: Page, options: { label: string; passcode?: string }): Promise<string> {
  await page.goto('/share');
  await page.getByRole('heading', { level: 2, name: 'Share a link' }).waitFor();
  await page.getByRole('radio', { name: '30 days' }).check({ force: true });
  await page.getByLabel('Name for the link (optional)').fill(options.label);
  if (options.passcode !== undefined) await page.getByLabel('Passcode (optional)').fill(options.passcode);
  await page.getByRole('button', { name: 'Make the link' }).click();
  // Building the Bundle and rendering the PDF takes a while on a busy machine.
  await page.getByRole('heading', { name: 'Your link is ready' }).waitFor({ timeout: SLOW_MS });
  await page.getByText('This is the only time Sunlog can show this link.').waitFor();
  return page.getByLabel('The link').inputValue();
}

/** Decodes the QR code on the page with jsQR, from a screenshot of the image as the screen shows it. */
async function readQrCode(page: Page): Promise<string | null> {
  const image = page.getByRole('img', { name: /QR code of the link/ });
  await image.waitFor();
  const png = (await image.screenshot()).toString('base64');
  const pixels = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

/** The link with its payload's `exp` moved into the past (what the viewer checks before any request). */
function expiredCopyOf(link: string): string {
  const [address, encoded] = link.split('#shlink:/') as [string, string];
  const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  const past = { ...payload, exp: Math.floor(Date.now() / 1000) - 60 };
  return `${address}#shlink:/${Buffer.from(JSON.stringify(past)).toString('base64url')}`;
}

/** How long a link may take to make or open (a Bundle with a PDF inside), and a whole test. */
const SLOW_MS = 120_000;
const TEST_MS = 400_000;

/** The link with its manifest URL pointing at another manifest id (one the server never made). */
function withManifestId(link: string, manifestId: string): string {
  const [address, encoded] = link.split('#shlink:/') as [string, string];
  const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  const url = String(payload.url).replace(/\/shl\/[^/]+$/, `/shl/${manifestId}`);
  return `${address}#shlink:/${Buffer.from(JSON.stringify({ ...payload, url })).toString('base64url')}`;
}

describe.skipIf(warnIfSkipped())('Share a link and open it as a clinician, in a real browser', () => {
  const suite = useBrowserSuite();

  test(
    'phone: a link without passcode opens in a fresh browser with the logged figures and both downloads; the QR holds the link; the owner sees the opening; Stop sharing ends it',
    async () => {
      const owner = await suite.openPage({ width: 390, height: 844 });
      const person = await registerThroughApi(owner, suite.url());
      await seedFourMonths(owner, suite.url(), person.today);

      const link = await makeLink(owner, { label: 'MS clinic' });
      expect(link).toMatch(new RegExp(`^${suite.url()}/view#shlink:/[A-Za-z0-9_-]+$`));
      expect(await readQrCode(owner)).toBe(link);
      expect(await axeViolations(owner, 'share-link-created-light-390')).toEqual([]);
      expect(await smallTargets(owner)).toEqual([]);
      expect(await sidewaysOverflow(owner)).toEqual([]);

      // A clinician's browser: a new context, no cookies, never signed in.
      const clinic = await suite.openPage({ width: 390, height: 844 });
      expect(await clinic.context().cookies()).toEqual([]);
      const requested: string[] = [];
      clinic.on('request', (request) => requested.push(request.url()));
      await clinic.goto(link);
      await clinic.getByRole('heading', { level: 1, name: 'Open shared records' }).waitFor();
      expect(await clinic.getByLabel('Passcode').count()).toBe(0);
      expect(await axeViolations(clinic, 'viewer-form-light-390')).toEqual([]);
      await clinic.getByLabel('Your name and role').fill('Dr Smith, MS clinic');
      await clinic.getByRole('button', { name: 'Open the records' }).click();
      await clinic.getByRole('heading', { level: 1, name: /^Records of / }).waitFor({ timeout: SLOW_MS });

      const main = clinic.getByRole('main');
      await expect.poll(() => main.textContent(), { timeout: SLOW_MS }).toContain('Sunny D3 1000');
      const text = (await main.textContent()) ?? '';
      expect(text).toContain('1000 IU (25 µg) every day');
      expect(text).toContain('18 ng/mL');
      expect(text).toContain('26 ng/mL');
      expect(text).toContain('IOM 2011: ');
      expect(text).toContain('blurred vision; tingling');
      expect(text).toMatch(/\d+ doses logged: \d+ taken, \d+ skipped\./);
      expect(text).toContain('Fatigue');
      expect(text).toContain(addDays(person.today, -40).slice(0, 4));
      expect(await clinic.getByRole('figure').count()).toBeGreaterThanOrEqual(2);
      expect(await axeViolations(clinic, 'viewer-records-light-390')).toEqual([]);
      expect(await smallTargets(clinic)).toEqual([]);
      expect(await sidewaysOverflow(clinic)).toEqual([]);
      await keepScreenshot(clinic, 'viewer-records-390');

      const pdf = await download(clinic, 'Download PDF');
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const bundle = JSON.parse((await download(clinic, 'Download FHIR Bundle')).toString('utf8'));
      expect(bundle.resourceType).toBe('Bundle');
      expect(
        bundle.entry.some(
          (entry: { resource: { resourceType: string } }) =>
            entry.resource.resourceType === 'DocumentReference',
        ),
      ).toBe(true);
      // The viewer never had a session, never asked the API who is signed in, and the fragment (with the
      // key) never left the page in a request.
      expect(await clinic.context().cookies()).toEqual([]);
      expect(requested.filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([]);
      const fragment = link.split('#shlink:/')[1] ?? '';
      expect(requested.filter((url) => url.includes('#') || url.includes(fragment.slice(0, 40)))).toEqual([]);
      expect(requested.some((url) => new URL(url).pathname.startsWith('/shl/'))).toBe(true);

      // The owner: the list counts the opening, the activity names the recipient.
      await owner.goto('/share');
      const item = owner.getByRole('listitem').filter({ hasText: '“MS clinic”' });
      await expect.poll(() => item.textContent(), { timeout: SLOW_MS }).toContain('Opened once');
      await owner.goto('/settings');
      await owner
        .getByText('Someone opened a share link “MS clinic” — by “Dr Smith, MS clinic”')
        .waitFor({ timeout: SLOW_MS });

      await owner.goto('/share');
      await item.getByRole('button', { name: /^Stop sharing/ }).click();
      await owner.getByText('Stopped. “MS clinic” no longer works.').waitFor({ timeout: SLOW_MS });
      await expect.poll(() => item.textContent(), { timeout: SLOW_MS }).toContain('Stopped: no longer works');

      // Revoked: the plain page, and nothing of the records.
      const later = await suite.openPage({ width: 390, height: 844 });
      await later.goto(link);
      await later.getByLabel('Your name and role').fill('Dr Smith, MS clinic');
      await later.getByRole('button', { name: 'Open the records' }).click();
      await later
        .getByRole('heading', { level: 1, name: 'This link no longer works' })
        .waitFor({ timeout: SLOW_MS });
      const gone = (await later.getByRole('main').textContent()) ?? '';
      expect(gone).not.toContain('Sunny');
      expect(await later.getByRole('link').count()).toBe(0);
      expect(await later.getByRole('button').count()).toBe(0);
      expect(await axeViolations(later, 'viewer-gone-light-390')).toEqual([]);
    },
    TEST_MS,
  );

  test(
    'desktop, dark: a passcode link asks for it; a wrong one shows the tries left, the right one opens; an expired copy shows the plain page',
    async () => {
      const owner = await suite.openPage({ width: 1280, height: 800, colorScheme: 'dark' });
      const person = await registerThroughApi(owner, suite.url());
      await seedFourMonths(owner, suite.url(), person.today);
      const link = await makeLink(owner, { label: 'Neurology', passcode: 'blue heron 42' });
      await owner.getByText('Tell the clinician the passcode separately').waitFor();
      expect(await readQrCode(owner)).toBe(link);
      expect(await axeViolations(owner, 'share-link-created-dark-1280')).toEqual([]);
      await keepScreenshot(owner, 'share-link-created-1280');

      const clinic = await suite.openPage({ width: 1280, height: 800, colorScheme: 'dark' });
      await clinic.goto(link);
      await clinic.getByLabel('Your name and role').fill('Dr Jones');
      await clinic.getByLabel('Passcode').fill('wrong guess');
      expect(await axeViolations(clinic, 'viewer-form-dark-1280')).toEqual([]);
      await clinic.getByRole('button', { name: 'Open the records' }).click();
      await clinic
        .getByText('That passcode is not right. 9 tries left before the link stops working.')
        .waitFor({ timeout: SLOW_MS });
      await clinic.getByLabel('Passcode').fill('blue heron 42');
      await clinic.getByRole('button', { name: 'Open the records' }).click();
      await clinic.getByRole('heading', { level: 1, name: /^Records of / }).waitFor({ timeout: SLOW_MS });
      await expect
        .poll(() => clinic.getByRole('main').textContent(), { timeout: SLOW_MS })
        .toContain('26 ng/mL');
      expect(await axeViolations(clinic, 'viewer-records-dark-1280')).toEqual([]);
      expect(await sidewaysOverflow(clinic)).toEqual([]);
      await keepScreenshot(clinic, 'viewer-records-1280');

      await owner.goto('/settings');
      await owner
        .getByText('Someone was refused a share link “Neurology” — by “Dr Jones” (wrong passcode)')
        .waitFor({ timeout: SLOW_MS });

      // A link whose manifest id never existed: the same plain page.
      const unknown = await suite.openPage({ width: 1280, height: 800 });
      await unknown.goto(withManifestId(link, 'A'.repeat(43)));
      await unknown.getByLabel('Your name and role').fill('Dr Jones');
      await unknown.getByLabel('Passcode').fill('blue heron 42');
      await unknown.getByRole('button', { name: 'Open the records' }).click();
      await unknown
        .getByRole('heading', { level: 1, name: 'This link no longer works' })
        .waitFor({ timeout: SLOW_MS });

      const expired = await suite.openPage({ width: 1280, height: 800, colorScheme: 'dark' });
      await expired.goto(expiredCopyOf(link));
      await expired
        .getByRole('heading', { level: 1, name: 'This link no longer works' })
        .waitFor({ timeout: SLOW_MS });
      expect(await expired.getByRole('textbox').count()).toBe(0);
      expect(await axeViolations(expired, 'viewer-gone-dark-1280')).toEqual([]);
    },
    TEST_MS,
  );

  test(
    'when the server asks for the password again, the form asks for it, says a wrong one, and sends the right one',
    async () => {
      const page = await suite.openPage({ width: 390, height: 844 });
      const person = await registerThroughApi(page, suite.url());
      // The person signed in a moment ago, so the real server would not ask; its first answer is replaced
      // by the one it gives a session older than 5 minutes. Every later request reaches the real server.
      const sent: { password?: string }[] = [];
      await page.route('**/api/v1/shares', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        sent.push(route.request().postDataJSON());
        if (sent.length > 1) return route.continue();
        return route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'reauthentication-required', message: 'Enter your password again to continue.' },
          }),
        });
      });
      await page.goto('/share');
      await page.getByRole('heading', { level: 2, name: 'Share a link' }).waitFor();
      expect(await page.getByLabel('Your password').count()).toBe(0);
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.getByText('For your safety, type your password again to make a link.').waitFor();
      await page.getByLabel('Your password').fill('not my password');
      await page.getByRole('button', { name: 'Make the link' }).click();
      await expect
        .poll(() => page.getByLabel('Your password').getAttribute('aria-invalid'), { timeout: SLOW_MS })
        .toBe('true');
      await page.getByLabel('Your password').fill(person.password);
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.getByRole('heading', { name: 'Your link is ready' }).waitFor({ timeout: SLOW_MS });
      expect(sent.map((body) => body.password)).toEqual([undefined, 'not my password', person.password]);
    },
    TEST_MS,
  );

  test(
    'the last appointment: saved on the Share screen, it becomes the first day, also after a reload',
    async () => {
      const page = await suite.openPage({ width: 390, height: 844 });
      const person = await registerThroughApi(page, suite.url());
      const appointment = addDays(person.today, -45);
      await page.goto('/share');
      await page.getByLabel('Date of your last appointment').fill(appointment);
      await page.getByRole('button', { name: 'Save appointment date' }).click();
      await page.getByText(/^Saved\. Reports and links start on /).waitFor();
      expect(await page.getByLabel('First day').inputValue()).toBe(appointment);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Share with your clinic' }).waitFor();
      expect(await page.getByLabel('First day').inputValue()).toBe(appointment);
      expect(await page.getByRole('link', { name: 'Download PDF report' }).getAttribute('href')).toContain(
        `from=${appointment}`,
      );
      await page.getByRole('button', { name: 'Clear it' }).click();
      await page.getByText('Cleared. Reports and links start six months back by default.').waitFor();
    },
    TEST_MS,
  );
});
