import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type ColorScheme, useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { SettingsPage } from './pages/settings-page.ts';

/**
 * A share link's life in Settings → Account activity: made, opened by a named recipient, refused for a
 * wrong passcode, switched off — each in plain words with the link's label and the recipient.
 */

/** Makes a link through the API and opens its manifest as an SHL viewer would; answers nothing. */
async function shareAndOpen(page: Page): Promise<void> {
  const made = await page.request.post('/api/v1/shares', {
    data: { from: '2026-01-01', to: '2026-03-31', expiresInDays: 7, label: 'Neuro clinic', passcode: '2468' },
  });
  expect(made.status()).toBe(201);
  const { id, link } = (await made.json()) as { id: string; link: string };
  const payload = JSON.parse(Buffer.from(link.split('#shlink:/')[1] ?? '', 'base64url').toString('utf8'));
  const manifest = new URL(payload.url).pathname;
  const opened = await page.request.post(manifest, { data: { recipient: 'Dr Lee', passcode: '2468' } });
  expect(opened.status()).toBe(200);
  const refused = await page.request.post(manifest, {
    data: { recipient: 'Someone else', passcode: '0000' },
  });
  expect(refused.status()).toBe(401);
  const revoked = await page.request.delete(`/api/v1/shares/${id}`);
  expect(revoked.status()).toBe(204);
}

describe.skipIf(warnIfSkipped())('share links in the account activity, in a real browser', () => {
  const suite = useBrowserSuite();

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
      test(`each opening shows with the label, the recipient and the outcome at ${width} × ${height}, ${colorScheme}`, async () => {
        const page = await suite.openPage({ width, height, colorScheme });
        await registerThroughApi(page);
        await shareAndOpen(page);
        const settings = new SettingsPage(page);
        await settings.goto();
        const texts = async () => (await settings.activity.allTextContents()).join('\n');
        await expect.poll(texts).toContain('Someone opened a share link “Neuro clinic” — by “Dr Lee”');
        const all = await texts();
        expect(all).toContain(
          'Someone was refused a share link “Neuro clinic” — by “Someone else” (wrong passcode)',
        );
        expect(all).toContain('A share link was made “Neuro clinic”');
        expect(all).toContain('A share link was switched off “Neuro clinic”');
        expect(all).not.toContain('2468');
        await page
          .getByRole('heading', { name: 'Account activity' })
          .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
        await keepViewport(page, `share-activity-${width}x${height}-${colorScheme}`);
        expect(await axeViolations(page, `share-activity-${width}-${colorScheme}`)).toEqual([]);
        expect(await smallTargets(page)).toEqual([]);
        expect(await sidewaysOverflow(page)).toEqual([]);
      });
    }
  }
});

/** Saves what the screen shows now (not the whole page) when SUNLOG_SCREENSHOTS_DIR is set. */
async function keepViewport(page: Page, name: string): Promise<void> {
  const folder = process.env.SUNLOG_SCREENSHOTS_DIR;
  if (folder === undefined) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png` });
}
