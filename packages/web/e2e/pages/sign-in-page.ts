import type { Locator, Page } from 'playwright-core';

export class SignInPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;
  /** The form-level message (wrong credentials, too many attempts). */
  readonly alert: Locator;
  /** The polite notice above the form, such as "You have signed out." */
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in to Sunlog' });
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.submitButton = page.getByRole('button', { name: 'Sign in', exact: true });
    this.alert = page.locator('form').getByRole('alert');
    this.notice = page.getByRole('main').getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await this.heading.waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }
}
