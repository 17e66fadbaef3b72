import type { Locator, Page } from 'playwright-core';

/** The monthly check-in, located the way a person or a screen reader finds things. */
export class CheckInPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly stepHeading: Locator;
  readonly month: Locator;
  readonly nextButton: Locator;
  readonly backButton: Locator;
  readonly questionInput: Locator;
  readonly questions: Locator;
  readonly past: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Monthly check-in' });
    this.stepHeading = page.getByRole('heading', { level: 2, name: /^Step \d of 6/ });
    this.month = page.getByLabel('Month to look back on', { exact: true });
    this.nextButton = page.getByRole('button', { name: 'Next', exact: true });
    this.backButton = page.getByRole('button', { name: 'Back', exact: true });
    this.questionInput = page.getByLabel('A question for your doctor', { exact: true });
    this.questions = page.locator('ol.question-list > li');
    this.past = page.getByRole('region', { name: 'Earlier check-ins' });
    this.status = page.getByRole('region', { name: /^Step/ }).getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/check-in');
    await this.stepHeading.waitFor();
  }

  /** Presses Tab until the element is focused: keyboard-only, as a person without a mouse would. */
  async tabTo(target: Locator, maxPresses = 80): Promise<void> {
    for (let i = 0; i < maxPresses; i += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  async pressWithKeyboard(target: Locator): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press('Enter');
  }

  stepTitle(step: number): Locator {
    return this.page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 6`) });
  }
}
