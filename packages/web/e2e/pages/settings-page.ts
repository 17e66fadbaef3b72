import type { Locator, Page } from 'playwright-core';

export type IntakeUnitName = 'IU' | 'µg';
export type BloodUnitName = 'ng/mL' | 'nmol/L';

export class SettingsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly displayName: Locator;
  readonly timeZone: Locator;
  readonly intakeUnits: Locator;
  readonly bloodUnits: Locator;
  readonly saveButton: Locator;
  readonly savedStatus: Locator;
  readonly sessions: Locator;
  readonly activity: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    this.displayName = page.getByLabel('Your name', { exact: true });
    this.timeZone = page.getByLabel('Time zone', { exact: true });
    this.intakeUnits = page.getByRole('radiogroup', { name: 'Show vitamin D doses in' });
    this.bloodUnits = page.getByRole('radiogroup', { name: 'Show blood test results in' });
    this.saveButton = page.getByRole('button', { name: 'Save settings' });
    this.savedStatus = page.getByRole('form').getByRole('status');
    this.sessions = page.getByRole('region', { name: 'Your sessions' }).getByRole('listitem');
    this.activity = page.getByRole('region', { name: 'Account activity' }).getByRole('listitem');
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
    await this.heading.waitFor();
  }

  intakeUnit(name: IntakeUnitName): Locator {
    return this.intakeUnits.getByRole('radio', { name: new RegExp(`^${name}\\b`) });
  }

  bloodUnit(name: BloodUnitName): Locator {
    return this.bloodUnits.getByRole('radio', { name: new RegExp(`^${name.replace('/', '\\/')}`) });
  }

  /** Picks a unit the way a person does: by pressing its visible card. */
  async chooseIntakeUnit(name: IntakeUnitName): Promise<void> {
    await this.intakeUnits.locator('label').filter({ hasText: name }).click();
  }

  async chooseBloodUnit(name: BloodUnitName): Promise<void> {
    await this.bloodUnits.locator('label').filter({ hasText: name }).click();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await this.savedStatus.getByText('Your settings are saved.').waitFor();
  }

  /** What each listed event says happened (its first line), newest first. */
  async activityLines(): Promise<string[]> {
    return this.activity.locator('.activity__what').allTextContents();
  }

  sessionButton(name: 'End session' | 'Sign out of this device'): Locator {
    return this.sessions.getByRole('button', { name, exact: true });
  }
}
