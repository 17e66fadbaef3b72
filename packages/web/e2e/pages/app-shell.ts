import type { Locator, Page } from 'playwright-core';

/**
 * What every screen shares: the header (app name, and on wide screens the main navigation), on a
 * phone the bottom tab bar (also named "Main"; only one of the two is shown at a time), and Sign out,
 * which lives in Settings.
 */
export class AppShell {
  readonly page: Page;
  readonly header: Locator;
  /** The main navigation that is showing: the header's on a wide screen, the tab bar on a phone. */
  readonly nav: Locator;
  readonly heading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.header = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** Signs out the way a person does: Settings, then its Sign out button. */
  async signOut(): Promise<void> {
    await this.openSettings();
    await this.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Sign in to Sunlog' }).waitFor();
  }

  /** Opens Settings from the navigation (through More on a phone). */
  async openSettings(): Promise<void> {
    const direct = this.nav.getByRole('link', { name: 'Settings' });
    if ((await direct.count()) === 0) {
      await this.nav.getByRole('link', { name: 'More' }).click();
      await this.page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
      await this.page
        .getByRole('navigation', { name: 'More screens' })
        .getByRole('link', { name: 'Settings' })
        .click();
    } else {
      await direct.click();
    }
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }
}
