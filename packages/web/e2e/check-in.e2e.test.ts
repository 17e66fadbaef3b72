import { addDays, localMonthOf } from '@sunlog/core/calendar';
import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type PageOptions, useBrowserSuite } from './browser-suite.ts';
import { warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow, smallTargets } from './pages/a11y-checks.ts';
import { CheckInPage } from './pages/check-in.ts';
import { registerThroughApi, SEED_TIME_ZONE, seedFourMonths } from './seed-records.ts';

/** "October 2026" for the month before `today`, as the app writes it (en-GB). */
function previousMonthName(today: string): string {
  const month = localMonthOf(addDays(`${localMonthOf(today)}-01`, -1));
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

describe.skipIf(warnIfSkipped())('the monthly check-in in a real browser', () => {
  const suite = useBrowserSuite();

  async function openSeededPage(
    options: Pick<PageOptions, 'colorScheme' | 'width'> = {},
  ): Promise<{ page: Page; today: string }> {
    const page = await suite.openPage({ ...options, timezoneId: SEED_TIME_ZONE });
    const person = await registerThroughApi(page, suite.url());
    await seedFourMonths(page, suite.url(), person.today);
    return { page, today: person.today };
  }

  test('a person goes through all six steps with the keyboard, saves, and reads it back after a reload', async () => {
    const { page, today } = await openSeededPage();
    const checkIn = new CheckInPage(page);
    await checkIn.goto();
    const month = previousMonthName(today);
    expect(await checkIn.month.locator('option:checked').textContent()).toBe(month);

    // Step 1: adherence in words and a chart with a text alternative.
    await checkIn.stepTitle(1).waitFor();
    expect(
      await page.getByText(/^Sunny D3 1000: you marked \d+ of \d+ scheduled doses as taken/).count(),
    ).toBe(1);
    expect(await page.getByRole('figure').count()).toBeGreaterThan(0);
    await checkIn.tabTo(page.getByLabel('How regularly did you take your vitamin D this month?'));
    await page.keyboard.type('Most days, missed a few at the weekend.');
    await checkIn.pressWithKeyboard(checkIn.nextButton);

    // Step 2: symptom change with direction words; focus moved to the step heading.
    await checkIn.stepTitle(2).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-in-step');
    expect(await page.getByText('For fatigue, a lower score is better.').count()).toBe(1);
    await checkIn.pressWithKeyboard(checkIn.nextButton);

    // Step 3: latest blood result against guidelines, each with its source.
    await checkIn.stepTitle(3).waitFor();
    expect(await page.getByText(/^Per IOM 2011:/).count()).toBe(1);
    expect(await page.getByText(/^Per Mayo Clinic Laboratories:/).count()).toBe(1);
    await checkIn.pressWithKeyboard(checkIn.nextButton);

    // Step 4: the flare-up in the month, with the flare disclaimer.
    await checkIn.stepTitle(4).waitFor();
    expect(await page.getByText('Suspected relapse (reported by you)').count()).toBe(1);
    expect(await page.getByText(DISCLAIMERS.flares).count()).toBe(1);
    await checkIn.pressWithKeyboard(checkIn.nextButton);

    // Step 5: add two questions, remove one, undo, then remove it for good.
    await checkIn.stepTitle(5).waitFor();
    await checkIn.tabTo(checkIn.questionInput);
    await page.keyboard.type('Should I re-test my level in spring?');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Is my dose still right?');
    await page.keyboard.press('Enter');
    expect(await checkIn.questions.count()).toBe(2);
    await checkIn.pressWithKeyboard(page.getByRole('button', { name: 'Remove question 2' }));
    expect(await checkIn.questions.count()).toBe(1);
    await checkIn.pressWithKeyboard(page.getByRole('button', { name: 'Undo', exact: true }));
    expect(await checkIn.questions.count()).toBe(2);
    await checkIn.pressWithKeyboard(page.getByRole('button', { name: 'Remove question 2' }));
    expect(await checkIn.questions.count()).toBe(1);
    await checkIn.pressWithKeyboard(checkIn.nextButton);

    // Step 6: review and save.
    await checkIn.stepTitle(6).waitFor();
    expect(await page.getByText('Most days, missed a few at the weekend.').count()).toBe(1);
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/check-ins') && response.request().method() === 'POST',
    );
    await checkIn.pressWithKeyboard(page.getByRole('button', { name: 'Save check-in' }));
    expect((await saved).status()).toBe(201);
    await checkIn.status.getByText(`Your check-in for ${month} is saved.`).waitFor();

    // Once the earlier check-ins list has caught up, the wizard still shows the month just saved, its
    // last step and the confirmation: the refreshed list does not move it on to another month.
    await checkIn.past.getByRole('button', { name: `Read ${month}` }).waitFor();
    expect(await checkIn.month.locator('option:checked').textContent()).toBe(`${month} (saved)`);
    expect(await checkIn.stepTitle(6).count()).toBe(1);
    expect(await checkIn.status.textContent()).toBe(`Your check-in for ${month} is saved.`);

    // After a reload it is listed and readable in full.
    await page.reload();
    await checkIn.stepHeading.waitFor();
    const read = checkIn.past.getByRole('button', { name: `Read ${month}` });
    await read.waitFor();
    await checkIn.pressWithKeyboard(read);
    await checkIn.past.getByText('Should I re-test my level in spring?').waitFor();
    expect(await checkIn.past.getByText('Most days, missed a few at the weekend.').count()).toBe(1);
    expect(await checkIn.past.getByText('Is my dose still right?').count()).toBe(0);
  });

  test('saving the same month again replaces its check-in instead of adding another', async () => {
    const { page, today } = await openSeededPage();
    const checkIn = new CheckInPage(page);
    await checkIn.goto();
    const month = previousMonthName(today);
    for (let step = 1; step < 6; step += 1) await checkIn.nextButton.click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await checkIn.status.getByText(`Your check-in for ${month} is saved.`).waitFor();

    await checkIn.past.getByRole('button', { name: `Edit ${month}` }).click();
    await checkIn.stepTitle(1).waitFor();
    expect(await checkIn.month.locator('option:checked').textContent()).toBe(`${month} (saved)`);
    await page.getByLabel('How regularly did you take your vitamin D this month?').fill('Every day but two.');
    for (let step = 1; step < 6; step += 1) await checkIn.nextButton.click();
    const put = page.waitForResponse((response) => response.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await put).status()).toBe(200);
    await expect.poll(() => checkIn.past.getByRole('listitem').count()).toBe(1);
  });

  test.each(['light', 'dark'] as const)(
    'every step has no axe violations in the %s theme',
    async (scheme) => {
      const { page } = await openSeededPage({ colorScheme: scheme });
      const checkIn = new CheckInPage(page);
      await checkIn.goto();
      const found: string[] = [];
      for (let step = 1; step <= 6; step += 1) {
        await checkIn.stepTitle(step).waitFor();
        if (step === 1) await page.locator('figure svg').first().waitFor();
        found.push(...(await axeViolations(page, `check-in-${step}-${scheme}`)));
        if (step < 6) await checkIn.nextButton.click();
      }
      expect(found).toEqual([]);
    },
  );

  test('every control is at least 44 by 44 and nothing scrolls sideways at 200% zoom', async () => {
    const { page } = await openSeededPage({ width: 640 });
    const checkIn = new CheckInPage(page);
    await checkIn.goto();
    const small: string[] = [];
    const overflowing: string[] = [];
    for (let step = 1; step <= 6; step += 1) {
      await checkIn.stepTitle(step).waitFor();
      if (step === 5) {
        await checkIn.questionInput.fill('A question');
        await checkIn.questionInput.press('Enter');
      }
      small.push(...(await smallTargets(page)).map((entry) => `step ${step}: ${entry}`));
      overflowing.push(...(await sidewaysOverflow(page)).map((entry) => `step ${step}: ${entry}`));
      if (step < 6) await checkIn.nextButton.click();
    }
    expect(small).toEqual([]);
    expect(overflowing).toEqual([]);
  });
});
