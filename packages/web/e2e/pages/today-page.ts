import type { Locator, Page } from 'playwright-core';

export class TodayPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly greeting: Locator;
  readonly disclaimer: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Today' });
    this.greeting = page.getByText(/^Hello, /);
    this.disclaimer = page.getByRole('complementary', { name: 'Please keep in mind' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.heading.waitFor();
  }
}
