import type { Locator, Page } from 'playwright-core';

export class TodayPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly greeting: Locator;
  readonly disclaimer: Locator;
  readonly doses: Locator;
  readonly symptoms: Locator;
  readonly flares: Locator;
  readonly blood: Locator;
  /** The day being filled in: its date, the steps back and forward, and "Back to today". */
  readonly dayBar: Locator;
  /** "2 entries waiting to sync" (empty when nothing waits). */
  readonly syncStatus: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Today' });
    this.greeting = page.getByText(/^Hello, /);
    this.disclaimer = page.getByRole('complementary', { name: 'Please keep in mind' });
    // Named for the day: "Vitamin D today" / "Vitamin D on Friday, 27 November 2026", and so on.
    this.doses = page.getByRole('region', { name: /^Vitamin D (today|on .+)$/ });
    this.symptoms = page.getByRole('region', { name: /^How (are you today|were you on .+)\?$/ });
    this.dayBar = page.getByRole('region', { name: 'Day you are filling in' });
    this.flares = page.getByRole('region', { name: 'Flare-ups' });
    this.blood = page.getByRole('region', { name: 'Blood test result' });
    this.syncStatus = page.locator('.sync-status [role="status"]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.heading.waitFor();
  }

  takenButton(): Locator {
    return this.doses.getByRole('button', { name: 'Taken', exact: true });
  }

  /** "Change my dose" or "Add another supplement", unfolding "Change my plan" first when it is folded. */
  async planAction(name: 'Change my dose' | 'Add another supplement'): Promise<Locator> {
    const fold = this.doses.getByRole('button', { name: 'Change my plan' });
    if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
    return this.doses.getByRole('button', { name, exact: true });
  }

  scale(name: string): Locator {
    return this.symptoms.getByRole('radiogroup', { name });
  }

  /** "More ratings (4)" / its closed or open state: the ratings the person does not track. */
  moreRatingsButton(): Locator {
    return this.symptoms.getByRole('button', { name: /^More ratings/ });
  }

  /** Rates a scale, opening "More ratings" first when the scale is one the person does not track. */
  async rate(name: string, score: number): Promise<void> {
    if ((await this.scale(name).count()) === 0) {
      const more = this.moreRatingsButton();
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    }
    await this.scale(name).getByText(String(score), { exact: true }).click();
  }

  /** Steps Today back one day with "‹ Earlier day". */
  async stepBack(): Promise<void> {
    await this.dayBar.getByRole('button', { name: 'Earlier day' }).click();
  }
}
