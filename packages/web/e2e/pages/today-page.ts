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
  /** "2 entries waiting to sync" (empty when nothing waits). */
  readonly syncStatus: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Today' });
    this.greeting = page.getByText(/^Hello, /);
    this.disclaimer = page.getByRole('complementary', { name: 'Please keep in mind' });
    this.doses = page.getByRole('region', { name: 'Vitamin D today' });
    this.symptoms = page.getByRole('region', { name: 'How are you today?' });
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

  scale(name: string): Locator {
    return this.symptoms.getByRole('radiogroup', { name });
  }

  async rate(name: string, score: number): Promise<void> {
    await this.scale(name).getByText(String(score), { exact: true }).click();
  }
}
