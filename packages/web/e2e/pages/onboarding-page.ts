import type { Locator, Page } from 'playwright-core';

export class OnboardingPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly progress: Locator;
  readonly continueButton: Locator;
  readonly consent: Locator;
  readonly alert: Locator;
  readonly name: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Welcome to Sunlog' });
    this.progress = page.getByText(/^Step \d of 4$/);
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
    this.consent = page.getByRole('checkbox', { name: /I understand that Sunlog records and informs/ });
    this.alert = page.getByRole('main').getByRole('alert');
    this.name = page.getByRole('textbox', { name: 'What should Sunlog call you?' });
  }

  /** Ticks the consent box the way a person does: by pressing its card. */
  async agree(): Promise<void> {
    await this.page.getByText(/^I understand that Sunlog records and informs/).click();
  }

  stepHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }

  async waitForStep(step: number): Promise<void> {
    await this.page.getByText(`Step ${step} of 4`, { exact: true }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async choose(group: string, option: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: group })
      .locator('label')
      .filter({ hasText: option })
      .first()
      .click();
  }
}
