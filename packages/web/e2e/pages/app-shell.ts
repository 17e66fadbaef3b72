import type { Locator, Page } from 'playwright-core';

/** The header every screen shares: app name, main navigation, sign out. */
export class AppShell {
  readonly page: Page;
  readonly nav: Locator;
  readonly signOutButton: Locator;
  readonly heading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.signOutButton = this.nav.getByRole('button', { name: 'Sign out', exact: true });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.getByRole('heading', { level: 1, name: 'Sign in to Sunlog' }).waitFor();
  }

  async openSettings(): Promise<void> {
    await this.nav.getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }
}
