import { randomUUID } from 'node:crypto';
import type { APIResponse, Locator, Page } from 'playwright-core';

export type RecordPath = 'regimens' | 'intakes' | 'lab-results' | 'symptom-checks' | 'flares' | 'check-ins';

/** The local date in a time zone, "YYYY-MM-DD". */
export function localDateIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * Talks to the records API with the browser context's own session cookie (page.request shares it), so
 * tests can set up records quickly and check what the server holds after the page acted.
 */
export class RecordsApi {
  constructor(readonly page: Page) {}

  /** Registers a new person who has consented, and leaves this browser context signed in as them. */
  async register(timeZone = 'Europe/London'): Promise<{ email: string }> {
    const email = `history-${randomUUID().slice(0, 8)}@example.org`;
    const response = await this.page.request.post('/api/v1/auth/register', {
      data: { email, password: 'sunny meadow at noon', timeZone },
    });
    await expectOk(response, 'register');
    // Signed-in screens open onboarding until the person has consented; this person already has.
    const consent = await this.page.request.patch('/api/v1/me/profile', {
      data: { consentedAt: new Date().toISOString() },
    });
    await expectOk(consent, 'consent');
    return { email };
  }

  async create<T extends { id: string }>(kind: RecordPath, body: Omit<T, 'id'>): Promise<T & { id: string }> {
    const id = randomUUID();
    const response = await this.page.request.post(`/api/v1/${kind}`, { data: { id, ...body } });
    await expectOk(response, `create ${kind}`);
    const answer = (await response.json()) as { record: T };
    return answer.record;
  }

  /** The record as the server has it, or null when it answers 404 (deleted or never there). */
  async get(kind: RecordPath, id: string): Promise<Record<string, unknown> | null> {
    const response = await this.page.request.get(`/api/v1/${kind}/${id}`);
    if (response.status() === 404) return null;
    await expectOk(response, `get ${kind}`);
    return ((await response.json()) as { record: Record<string, unknown> }).record;
  }
}

async function expectOk(response: APIResponse, what: string): Promise<void> {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
}

/** The History screen, located the way a person or a screen reader finds things. */
export class HistoryPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly periodGroup: Locator;
  readonly charts: Locator;
  readonly figures: Locator;
  readonly timeline: Locator;
  readonly dialog: Locator;
  readonly alertDialog: Locator;
  readonly recentChanges: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'History' });
    this.periodGroup = page.getByRole('radiogroup', { name: 'Show one' });
    this.charts = page.getByRole('region', { name: 'At a glance' });
    this.figures = this.charts.getByRole('figure');
    this.timeline = page.getByRole('region', { name: 'Every entry' });
    this.dialog = page.getByRole('dialog');
    this.alertDialog = page.getByRole('alertdialog');
    this.recentChanges = page.getByRole('region', { name: 'Recent changes' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/history');
    await this.heading.waitFor();
    await this.charts.waitFor();
  }

  period(name: 'Week' | 'Month' | 'Year'): Locator {
    return this.periodGroup.getByRole('radio', { name });
  }

  async choosePeriod(name: 'Week' | 'Month' | 'Year'): Promise<void> {
    await this.period(name).click();
    await this.charts.waitFor();
  }

  figure(caption: string | RegExp): Locator {
    return this.charts.getByRole('figure', { name: caption });
  }

  /** An entry's Edit or Delete button; names read like "Edit vitamin d dose, 20 Nov 2026, 08:30". */
  entryButton(action: 'Edit' | 'Delete', kind: RegExp): Locator {
    return this.timeline.getByRole('button', { name: new RegExp(`^${action} ${kind.source}`, 'i') });
  }

  entries(): Locator {
    return this.timeline
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: /^Edit/ }) });
  }
}
