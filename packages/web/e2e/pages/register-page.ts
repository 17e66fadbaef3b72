import type { Locator, Page } from 'playwright-core';

export class RegisterPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly showPasswordButton: Locator;
  readonly submitButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Create your Sunlog account' });
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Choose a password', { exact: true });
    this.showPasswordButton = page.getByRole('button', { name: /password/i });
    this.submitButton = page.getByRole('button', { name: 'Create account', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/register');
    await this.heading.waitFor();
  }

  async register(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }
}
