import type { Locator, Page } from 'playwright-core';

export class LearnPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly contents: Locator;
  readonly disclaimer: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Learn' });
    this.contents = page.getByRole('navigation', { name: 'On this page' });
    this.disclaimer = page.getByRole('complementary', { name: 'Please keep in mind' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/learn');
    await this.heading.waitFor();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
}
