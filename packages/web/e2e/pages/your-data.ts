import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** Settings' "Download your data", "Import" and "Delete your account" sections, found by role and name. */
export class YourDataPage {
  readonly page: Page;
  readonly download: Locator;
  readonly importSection: Locator;
  readonly preview: Locator;
  readonly deleteSection: Locator;

  constructor(page: Page) {
    this.page = page;
    this.download = page.getByRole('region', { name: 'Download your data' });
    this.importSection = page.getByRole('region', { name: 'Import', exact: true });
    this.preview = this.importSection.getByRole('region', { name: 'What Sunlog found' });
    this.deleteSection = page.getByRole('region', { name: 'Delete your account' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }

  /** Clicks a download link and answers the saved file's name and text. */
  async downloadFrom(link: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Chooses a file through the "Choose a file" button, as a person does with the system's file picker. */
  async chooseFile(name: string, content: string | Buffer, mimeType: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.importSection.getByRole('button', { name: /^Choose (a|another) file$/ }).click(),
    ]);
    await chooser.setFiles({ name, mimeType, buffer: Buffer.from(content) });
  }

  importButton(): Locator {
    return this.importSection.getByRole('button', { name: /^Import (\d+ entr(y|ies)|with these choices)$/ });
  }
}
