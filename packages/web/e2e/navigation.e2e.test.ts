import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, smallTargets } from './pages/a11y-checks.ts';
import { AppShell } from './pages/app-shell.ts';
import { RecordsApi } from './pages/history.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(warnIfSkipped())('Navigation on a phone and on a wide screen', () => {
  const { openPage } = useBrowserSuite();

  test('opening the app asks who is signed in once, the preload the page names serving the app’s own request', async () => {
    const page = await openPage(PHONE);
    await new RecordsApi(page).register();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/me') asked.push(request.method());
    });
    const opened = await page.goto('/');
    expect(opened?.headers().link).toContain('</api/v1/me>; rel=preload');
    await new AppShell(page).heading.filter({ hasText: 'Today' }).waitFor();
    // One request: had the app's fetch not matched the preload, Chromium would have asked twice.
    expect(asked).toEqual(['GET']);
  });

  test('at 390×844 a bottom tab bar navigates, aria-current follows, and the header stays compact', async () => {
    const page = await openPage(PHONE);
    await new RecordsApi(page).register();
    await page.goto('/');
    const shell = new AppShell(page);
    await shell.heading.filter({ hasText: 'Today' }).waitFor();

    // Only one "Main" navigation is shown: the tab bar, fixed to the bottom of the window.
    expect(await shell.nav.count()).toBe(1);
    const bar = await shell.nav.boundingBox();
    expect(bar).not.toBeNull();
    expect(Math.round((bar?.y ?? 0) + (bar?.height ?? 0))).toBe(PHONE.height);
    const links = shell.nav.getByRole('link');
    expect(await links.allTextContents()).toEqual(['Today', 'History', 'Insights', 'Check-in', 'More']);

    // The header holds the mark and the screen's name, no navigation and no Sign out.
    const header = await shell.header.boundingBox();
    expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(80);
    expect(await shell.header.textContent()).toContain('Today');
    expect(await shell.header.getByRole('link').count()).toBe(1);
    expect(await shell.header.getByRole('link', { name: 'Sunlog' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(0);

    const current = () =>
      shell.nav
        .locator('[aria-current="page"]')
        .evaluateAll((found) => found.map((link) => link.textContent));
    expect(await current()).toEqual(['Today']);

    for (const [name, path, heading] of [
      ['History', '/history', 'History'],
      ['Insights', '/insights', 'Insights'],
      ['Check-in', '/check-in', 'Monthly check-in'],
      ['More', '/more', 'More'],
      ['Today', '/', 'Today'],
    ] as const) {
      await shell.nav.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await current()).toEqual([name]);
      expect(await shell.header.textContent()).toContain(name);
    }

    // Every tab is a comfortable target, and nothing on the page is smaller than 44 × 44.
    for (const box of await links.evaluateAll((found) =>
      found.map((link) => link.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
    )) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    expect(await smallTargets(page)).toEqual([]);
  });

  test('at 390×844 More leads to Share, Learn and Settings, and the end of a long page clears the tab bar', async () => {
    const page = await openPage(PHONE);
    await new RecordsApi(page).register();
    await page.goto('/');
    const shell = new AppShell(page);
    await shell.nav.getByRole('link', { name: 'More' }).click();
    const more = page.getByRole('navigation', { name: 'More screens' });
    expect(await more.getByRole('link').allTextContents()).toEqual(['Share', 'Learn', 'Settings']);
    for (const [name, path, heading] of [
      ['Share', '/share', 'Share with your clinic'],
      ['Learn', '/learn', 'Learn'],
      ['Settings', '/settings', 'Settings'],
    ] as const) {
      await page.goto('/more');
      await more.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      // The More tab shows the section as current; the screen's own name is in the top bar.
      expect(await shell.nav.getByRole('link', { name: 'More' }).getAttribute('class')).toContain(
        'tab-bar__link--section',
      );
      expect(await shell.header.textContent()).toContain(name);
    }

    // Settings is long: scrolled to the end, its last section ends above the tab bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const barTop = await shell.nav.evaluate((bar) => bar.getBoundingClientRect().top);
    const lastBottom = await page
      .locator('main section')
      .last()
      .evaluate((section) => section.getBoundingClientRect().bottom);
    expect(lastBottom).toBeLessThanOrEqual(barTop);
  });

  test('at 390×844 Sign out is in Settings and signs the person out', async () => {
    const page = await openPage(PHONE);
    await new RecordsApi(page).register();
    await page.goto('/');
    const shell = new AppShell(page);
    await shell.signOut();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByText('You have signed out. See you soon.').count()).toBe(1);
    // Signed out: no tab bar; the header's navigation offers Sign in and Create account.
    expect(await shell.nav.getByRole('link').allTextContents()).toEqual(['Sign in', 'Create account']);
    expect(await page.locator('.tab-bar').count()).toBe(0);
  });

  test('at 1280×800 the header shows every screen on one line and no tab bar', async () => {
    const page = await openPage(DESKTOP);
    await new RecordsApi(page).register();
    await page.goto('/history');
    const shell = new AppShell(page);
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    expect(await shell.nav.count()).toBe(1);
    expect(await shell.header.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
    const links = shell.nav.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Today',
      'History',
      'Insights',
      'Check-in',
      'Share',
      'Learn',
      'Settings',
    ]);
    const tops = await links.evaluateAll((found) =>
      found.map((link) => Math.round(link.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    const header = await shell.header.boundingBox();
    expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(80);
    expect(await shell.nav.locator('[aria-current="page"]').allTextContents()).toEqual(['History']);
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(0);
    await shell.openSettings();
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(1);
  });

  test.each(['light', 'dark'] as const)(
    'the tab bar and More have no axe violations in the %s theme',
    async (scheme) => {
      const page = await openPage({ ...PHONE, colorScheme: scheme });
      await new RecordsApi(page).register();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      expect(await axeViolations(page, `nav-today-phone-${scheme}`)).toEqual([]);
      await new AppShell(page).nav.getByRole('link', { name: 'More' }).click();
      await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
      expect(await axeViolations(page, `nav-more-phone-${scheme}`)).toEqual([]);
    },
  );
});
