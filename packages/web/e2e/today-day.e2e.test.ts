import { describe, expect, test } from 'vitest';
import { type ColorScheme, useBrowserSuite } from './browser-suite.ts';
import { registerThroughApi, warnIfSkipped } from './harness.ts';
import { axeViolations, sidewaysOverflow } from './pages/a11y-checks.ts';
import { HistoryPage } from './pages/history.ts';
import { createDailyRegimen, listOnServer, localToday } from './pages/records-api.ts';
import { TodayPage } from './pages/today-page.ts';

const ZONE = 'Europe/London';
const PHONE = { width: 390, height: 844 } as const;
const DESKTOP = { width: 1280, height: 800 } as const;
/** Where a person screenshots land when SUNLOG_SCREENSHOTS_DIR is unset: looked at by hand. */
const SHOTS = process.env.TODAY_SCREENSHOTS_DIR;

/** `date` moved by `days` (calendar arithmetic on YYYY-MM-DD). */
function shift(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The default tracked ratings, in the order Today shows them, with the direction each must state. */
const WORSE = '0 = none, 10 = worst';
const BETTER = '0 = worst, 10 = best';
const DEFAULT_SCALES = [
  { label: 'Fatigue', direction: WORSE, ends: '0 = no fatigue … 10 = worst fatigue' },
  {
    label: 'Walking and getting about',
    direction: BETTER,
    ends: '0 = could hardly walk … 10 = walking easily',
  },
  { label: 'Overall, how well you feel', direction: BETTER, ends: '0 = very unwell … 10 = very well' },
] as const;

describe.skipIf(warnIfSkipped())('Today on a phone: tracked ratings and past days', () => {
  const suite = useBrowserSuite();

  async function personWithPlan(
    options: { width?: number; height?: number; colorScheme?: ColorScheme; profile?: object } = {},
  ) {
    const page = await suite.openPage(options);
    await page.goto('/sign-in');
    await registerThroughApi(page, { profile: { timeZone: ZONE, ...options.profile } });
    // The plan started a week ago, so a dose is due on each of the days Today can fill in.
    await createDailyRegimen(page, shift(localToday(ZONE), -7));
    const today = new TodayPage(page);
    await today.goto();
    await today.takenButton().waitFor();
    return { page, today };
  }

  /** The top of each option of a scale, relative to the page, and its width. */
  async function optionBoxes(today: TodayPage, label: string) {
    const radios = today.scale(label).locator('label');
    const boxes = [];
    for (let index = 0; index < (await radios.count()); index += 1) {
      const box = await radios.nth(index).boundingBox();
      if (box === null) throw new Error(`${label} option ${index} is not visible`);
      boxes.push(box);
    }
    return boxes;
  }

  test('at 390×844, Taken, the three default ratings and Save lie within two phone screens', async () => {
    const { page, today } = await personWithPlan(PHONE);
    // Exactly the default tracked ratings are shown, in order; the other four wait under "More ratings".
    const shown = await today.symptoms.getByRole('radiogroup').evaluateAll((groups) =>
      groups.map((group) => {
        const labelId = group.getAttribute('aria-labelledby')?.split(' ')[0] ?? '';
        return document.getElementById(labelId)?.textContent;
      }),
    );
    expect(shown).toEqual(DEFAULT_SCALES.map((scale) => scale.label));
    expect(await today.moreRatingsButton().textContent()).toContain('More ratings (4)');
    expect(await today.moreRatingsButton().getAttribute('aria-expanded')).toBe('false');

    const save = today.symptoms.getByRole('button', { name: 'Save how I feel' });
    const offset = async (target: typeof save) => {
      const box = await target.boundingBox();
      const scrolled = await page.evaluate(() => window.scrollY);
      if (box === null) throw new Error('not visible');
      return box.y + box.height + scrolled;
    };
    const saveBottom = await offset(save);
    const takenBottom = await offset(today.takenButton());
    console.info(`Today at 390×844: Taken ends at ${takenBottom} px, Save ends at ${saveBottom} px`);
    expect(takenBottom).toBeLessThan(saveBottom);
    expect(saveBottom).toBeLessThanOrEqual(2 * PHONE.height);
    expect(await sidewaysOverflow(page)).toEqual([]);
  });

  for (const size of [PHONE, DESKTOP]) {
    test(`at ${size.width}×${size.height} each scale is one row of eleven, labelled with its direction`, async () => {
      const { today } = await personWithPlan(size);
      await today.moreRatingsButton().click();
      const allScales = [
        ...DEFAULT_SCALES,
        { label: 'Energy', direction: BETTER, ends: '0 = no energy at all … 10 = full of energy' },
        { label: 'Mood', direction: BETTER, ends: '0 = very low … 10 = very good' },
        { label: 'Sleep last night', direction: BETTER, ends: '0 = very poor … 10 = very good' },
        { label: 'Pain', direction: WORSE, ends: '0 = no pain … 10 = worst pain' },
      ];
      for (const { label, direction, ends } of allScales) {
        const boxes = await optionBoxes(today, label);
        expect(boxes).toHaveLength(11);
        const tops = new Set(boxes.map((box) => Math.round(box.y)));
        expect([...tops], `${label}: the options share one row`).toHaveLength(1);
        for (const box of boxes) {
          expect(box.width, `${label}: each option is wide enough to tap`).toBeGreaterThanOrEqual(
            size === PHONE ? 28 : 44,
          );
          expect(box.height).toBeGreaterThanOrEqual(44);
        }
        // The direction is visible and read with the group (its accessible description).
        const described = await today.scale(label).evaluate(
          (group) =>
            group
              .getAttribute('aria-describedby')
              ?.split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ') ?? '',
        );
        expect(described).toContain(direction);
        expect(described).toContain(ends);
        // The short direction is on screen, on the scale's own first line.
        const shown = today.scale(label).getByText(direction, { exact: true });
        expect(await shown.isVisible()).toBe(true);
      }
      if (SHOTS !== undefined) {
        await today.page.screenshot({
          path: `${SHOTS}/today-scales-${size.width}x${size.height}.png`,
          fullPage: true,
        });
      }
    });
  }

  test('choosing the tracked ratings persists over a reload and changes what Today shows', async () => {
    const { page, today } = await personWithPlan(PHONE);
    await today.symptoms.getByRole('button', { name: 'Choose what you rate' }).click();
    const chooser = today.symptoms.getByRole('form', { name: 'Choose what you rate' });
    // Nothing ticked is refused, with a reason.
    for (const label of DEFAULT_SCALES.map((scale) => scale.label)) {
      await chooser.getByText(label, { exact: true }).click();
    }
    await chooser.getByRole('button', { name: 'Save my choice' }).click();
    await chooser.getByText('Choose at least one rating.').waitFor();

    await chooser.getByText('Pain', { exact: true }).click();
    await chooser.getByText('Fatigue', { exact: true }).click();
    await chooser.getByRole('button', { name: 'Save my choice' }).click();
    await today.symptoms.getByText('Today now shows the ratings you chose.').waitFor();

    const expectShown = async () => {
      await today.scale('Pain').waitFor();
      expect(await today.symptoms.getByRole('radiogroup').count()).toBe(2);
      expect(await today.scale('Fatigue').count()).toBe(1);
      expect(await today.scale('Walking and getting about').count()).toBe(0);
      expect(await today.moreRatingsButton().textContent()).toContain('More ratings (5)');
    };
    await expectShown();
    const me = await page.request.get('/api/v1/me');
    expect(((await me.json()) as { profile: { trackedRatings: string[] } }).profile.trackedRatings).toEqual([
      'fatigue',
      'pain',
    ]);
    await page.reload();
    await today.heading.waitFor();
    await expectShown();

    // An untracked rating is still there behind "More ratings", and saves with the rest.
    await today.rate('Fatigue', 6);
    await today.rate('Walking and getting about', 4);
    await today.symptoms.getByRole('button', { name: 'Save how I feel' }).click();
    await today.symptoms.getByText('Saved how you feel today.').waitFor();
    await expect
      .poll(async () => (await listOnServer(page, 'symptom-checks')).map((check) => check.scores))
      .toEqual([{ fatigue: 6, mobility: 4 }]);
    // After a reload the saved untracked answer is shown, not folded away.
    await page.reload();
    await today.heading.waitFor();
    expect(await today.moreRatingsButton().getAttribute('aria-expanded')).toBe('true');
    expect(
      await today
        .scale('Walking and getting about')
        .getByRole('radio', { name: '4', exact: true })
        .isChecked(),
    ).toBe(true);
  });

  test('a dose, a rating and a flare-up logged for yesterday keep that date; no day ahead is possible', async () => {
    const { page, today } = await personWithPlan(PHONE);
    const todayDate = localToday(ZONE);
    const yesterday = shift(todayDate, -1);
    expect(await today.dayBar.getByText('Today', { exact: true }).count()).toBe(1);
    // On today there is no step forward.
    expect(await today.dayBar.getByRole('button', { name: 'Later day' }).count()).toBe(0);

    await today.stepBack();
    await today.dayBar.getByText('Yesterday', { exact: true }).waitFor();
    const longDate = new Intl.DateTimeFormat(await page.evaluate(() => navigator.language), {
      dateStyle: 'full',
      timeZone: 'UTC',
    }).format(new Date(`${yesterday}T12:00:00Z`));
    await today.dayBar.getByText(longDate, { exact: true }).waitFor();
    await today.dayBar.getByText(`You are filling in ${longDate}, not today.`).waitFor();
    await page.getByRole('region', { name: `Vitamin D on ${longDate}` }).waitFor();
    await page.getByRole('region', { name: `How were you on ${longDate}?` }).waitFor();
    expect(new URL(page.url()).searchParams.get('day')).toBe(yesterday);

    await today.takenButton().click();
    await today.doses.getByText('Taken ✓ (added later)').waitFor();
    await today.rate('Fatigue', 5);
    await today.symptoms.getByRole('button', { name: 'Save how I feel' }).click();
    await today.symptoms.getByText(`Saved how you felt on ${longDate}.`).waitFor();
    await today.flares.getByRole('button', { name: 'Start a flare-up' }).click();
    expect(await today.flares.getByLabel('First day').inputValue()).toBe(yesterday);
    expect(await today.flares.getByLabel('First day').getAttribute('max')).toBe(todayDate);
    await today.flares.getByText('Weakness').click();
    await today.flares.getByRole('button', { name: 'Save flare-up' }).click();
    await today.flares.getByText(/^Flare-up since /).waitFor();

    await expect.poll(async () => (await listOnServer(page, 'intakes')).length).toBe(1);
    const [intake] = await listOnServer(page, 'intakes');
    expect(intake).toMatchObject({ localDate: yesterday, status: 'taken' });
    expect(String(intake?.takenAt).slice(0, 10)).toBe(yesterday);
    await expect.poll(async () => (await listOnServer(page, 'symptom-checks')).length).toBe(1);
    expect((await listOnServer(page, 'symptom-checks'))[0]).toMatchObject({
      localDate: yesterday,
      scores: { fatigue: 5 },
    });
    await expect.poll(async () => (await listOnServer(page, 'flares')).length).toBe(1);
    expect((await listOnServer(page, 'flares'))[0]).toMatchObject({ startDate: yesterday });

    // A reload stays on yesterday and shows what was logged; today is untouched.
    await page.reload();
    await today.dayBar.getByText('Yesterday', { exact: true }).waitFor();
    await today.doses.getByText('Taken ✓ (added later)').waitFor();
    expect(await today.scale('Fatigue').getByRole('radio', { name: '5', exact: true }).isChecked()).toBe(
      true,
    );
    await today.dayBar.getByRole('button', { name: 'Back to today' }).click();
    await today.dayBar.getByText('Today', { exact: true }).waitFor();
    await today.takenButton().waitFor();
    expect(await today.symptoms.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('day')).toBeNull();

    // No day ahead: the picker stops at today, a typed future date is refused, and an address with
    // one (or with no real date) opens today.
    await today.stepBack();
    const picker = today.dayBar.getByLabel('Pick a day');
    expect(await picker.getAttribute('max')).toBe(todayDate);
    expect(await picker.getAttribute('min')).toBe(shift(todayDate, -7));
    await picker.fill(shift(todayDate, 1));
    await today.dayBar.getByText(/Sunlog does not log days ahead/).waitFor();
    await today.dayBar.getByText('Yesterday', { exact: true }).waitFor();
    await picker.fill(shift(todayDate, -3));
    await page.getByRole('region', { name: /^Vitamin D on / }).waitFor();
    expect(new URL(page.url()).searchParams.get('day')).toBe(shift(todayDate, -3));
    await today.dayBar.getByRole('button', { name: 'Later day' }).click();
    await today.dayBar.getByRole('button', { name: 'Later day' }).click();
    await today.dayBar.getByRole('button', { name: 'Later day' }).click();
    await today.dayBar.getByText('Today', { exact: true }).waitFor();
    expect(await today.dayBar.getByRole('button', { name: 'Later day' }).count()).toBe(0);
    for (const asked of [shift(todayDate, 1), shift(todayDate, 400), 'tomorrow', '2026-02-30']) {
      await page.goto(`/?day=${asked}`);
      await today.dayBar.getByText('Today', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Vitamin D today' }).waitFor();
    }
    // Seven days back is as far as Today goes.
    for (let step = 0; step < 7; step += 1) await today.stepBack();
    expect(await today.dayBar.getByRole('button', { name: 'Earlier day' }).isDisabled()).toBe(true);
    expect(new URL(page.url()).searchParams.get('day')).toBe(shift(todayDate, -7));
  });

  test('History adds an entry on any past day through Today, never a day ahead; untracked ratings still show there', async () => {
    const { page, today } = await personWithPlan(PHONE);
    const todayDate = localToday(ZONE);
    const longAgo = shift(todayDate, -40);
    const history = new HistoryPage(page);
    await history.goto();
    await page.getByRole('button', { name: 'Add an entry for a past day' }).click();
    const form = page.getByRole('form', { name: 'Add an entry for a past day' });
    expect(await form.getByLabel('Day', { exact: true }).getAttribute('max')).toBe(todayDate);
    await form.getByLabel('Day', { exact: true }).fill(shift(todayDate, 2));
    await form.getByRole('button', { name: 'Fill in this day' }).click();
    await form.getByText(/Sunlog does not log days ahead/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/history');

    await form.getByLabel('Day', { exact: true }).fill(longAgo);
    await form.getByRole('button', { name: 'Fill in this day' }).click();
    await today.heading.waitFor();
    const longDate = new Intl.DateTimeFormat(await page.evaluate(() => navigator.language), {
      dateStyle: 'full',
      timeZone: 'UTC',
    }).format(new Date(`${longAgo}T12:00:00Z`));
    await today.dayBar.getByText(`You are filling in ${longDate}, not today.`).waitFor();
    // The plan started a week ago, so none ran that day; ratings can still be logged.
    await page
      .getByRole('region', { name: `Vitamin D on ${longDate}` })
      .getByText('No supplement plan was running on this day.')
      .waitFor();
    await today.rate('Fatigue', 2);
    await today.rate('Sleep last night', 8);
    await today.symptoms.getByRole('button', { name: 'Save how I feel' }).click();
    await today.symptoms.getByText(`Saved how you felt on ${longDate}.`).waitFor();
    await expect
      .poll(async () => (await listOnServer(page, 'symptom-checks')).map((check) => check.localDate))
      .toEqual([longAgo]);

    // History shows the day's ratings, the untracked sleep rating included.
    await history.goto();
    await history.choosePeriod('Year');
    if (longAgo.slice(0, 4) !== todayDate.slice(0, 4)) {
      await page.getByRole('button', { name: 'Previous year' }).click();
    }
    await history.timeline
      .getByText(/Sleep 8/)
      .first()
      .waitFor();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a past day, the chooser and "More ratings" have no axe violations in the ${colorScheme} theme`, async () => {
      const { page, today } = await personWithPlan({ ...PHONE, colorScheme });
      const found = await axeViolations(page, `today-phone-${colorScheme}`);
      await today.moreRatingsButton().click();
      await today.symptoms.getByRole('button', { name: 'Choose what you rate' }).click();
      found.push(...(await axeViolations(page, `today-phone-chooser-${colorScheme}`)));
      await today.stepBack();
      await today.dayBar.getByText('Yesterday', { exact: true }).waitFor();
      await today.takenButton().click();
      await today.doses.getByText('Taken ✓ (added later)').waitFor();
      found.push(...(await axeViolations(page, `today-phone-yesterday-${colorScheme}`)));
      if (SHOTS !== undefined) {
        await page.screenshot({ path: `${SHOTS}/today-yesterday-390-${colorScheme}.png`, fullPage: true });
        await page.setViewportSize(DESKTOP);
        await page.screenshot({ path: `${SHOTS}/today-yesterday-1280-${colorScheme}.png`, fullPage: true });
        await today.dayBar.getByRole('button', { name: 'Back to today' }).click();
        await page.screenshot({ path: `${SHOTS}/today-1280-${colorScheme}.png`, fullPage: true });
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: `${SHOTS}/today-390-${colorScheme}.png`, fullPage: true });
        await page.screenshot({ path: `${SHOTS}/today-390-first-screen-${colorScheme}.png` });
      }
      // History's "Add an entry for a past day", closed and open.
      const history = new HistoryPage(page);
      await history.goto();
      found.push(...(await axeViolations(page, `history-add-closed-${colorScheme}`)));
      await page.getByRole('button', { name: 'Add an entry for a past day' }).click();
      await page
        .getByRole('form', { name: 'Add an entry for a past day' })
        .getByLabel('Day')
        .fill('2100-01-01');
      await page.getByRole('button', { name: 'Fill in this day' }).click();
      await page.getByText(/Sunlog does not log days ahead/).waitFor();
      found.push(...(await axeViolations(page, `history-add-open-${colorScheme}`)));
      if (SHOTS !== undefined) {
        await page.screenshot({ path: `${SHOTS}/history-add-390-${colorScheme}.png` });
        await page.setViewportSize(DESKTOP);
        await page.screenshot({ path: `${SHOTS}/history-add-1280-${colorScheme}.png` });
      }
      expect(found).toEqual([]);
    });
  }
});
