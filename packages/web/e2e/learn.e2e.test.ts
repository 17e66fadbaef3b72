import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, keepScreenshot, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { RecordsApi } from './pages/history.ts';
import { LearnPage } from './pages/learn.ts';

describe.skipIf(warnIfSkipped())('Learn in a real browser', () => {
  const { openPage } = useBrowserSuite();

  test('Learn is readable signed out, with every section, its sources and the disclaimer', async () => {
    const page = await openPage();
    const learn = new LearnPage(page);
    await learn.goto();
    expect(new URL(page.url()).pathname).toBe('/learn');
    for (const name of [
      'What vitamin D is thought to do in MS',
      'What the trials found',
      'What to expect, and when',
      'Staying safe',
      'Who should talk to a clinician first',
    ]) {
      const section = learn.section(name);
      await section.waitFor();
      expect(await section.getByRole('heading', { name: 'Sources' }).count()).toBe(1);
    }
    expect(
      await page.getByText('Research on vitamin D in MS is mixed; confidence is moderate at best.').count(),
    ).toBe(1);
    expect(await learn.section('Staying safe').textContent()).toContain('4,000 IU (100 µg) a day');
    expect(await learn.section('What the trials found').textContent()).toContain('D-Lay MS');
    expect(await learn.disclaimer.textContent()).toContain(DISCLAIMERS.general);
  });

  test('the contents links move to their section', async () => {
    const page = await openPage();
    const learn = new LearnPage(page);
    await learn.goto();
    await learn.contents.getByRole('link', { name: 'Staying safe' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#safety');
    // The section's heading has been scrolled to the top part of the window.
    const heading = learn.section('Staying safe').getByRole('heading', { level: 2 });
    await expect
      .poll(() => heading.evaluate((element) => Math.round(element.getBoundingClientRect().top)))
      .toBeLessThan(200);
    expect(await heading.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThanOrEqual(
      0,
    );
  });

  test('Learn is also reachable from the navigation when signed in', async () => {
    const page = await openPage();
    await new RecordsApi(page).register();
    await page.goto('/history');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
    await new LearnPage(page).heading.waitFor();
  });

  test.each(['light', 'dark'] as const)('Learn has no axe violations in the %s theme', async (scheme) => {
    const page = await openPage({ colorScheme: scheme });
    await new LearnPage(page).goto();
    const found = await axeViolations(page, `learn-${scheme}`);
    expect(found).toEqual([]);
  });

  test('every control on Learn is at least 44 by 44 CSS pixels', async () => {
    const page = await openPage();
    await new LearnPage(page).goto();
    expect(await smallTargets(page)).toEqual([]);
  });

  test('at 200% zoom Learn fits the width, its tables turned into labelled blocks', async () => {
    const page = await openPage({ width: 640, deviceScaleFactor: 2 });
    await new LearnPage(page).goto();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await keepScreenshot(page, 'learn-zoom200');
  });
});
