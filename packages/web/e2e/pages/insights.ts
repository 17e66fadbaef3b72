import type { Locator, Page } from 'playwright-core';

export const INSIGHT_SECTIONS = [
  'How regularly you took your vitamin D',
  'Your vitamin D blood level',
  'Your daily ratings, month by month',
  'Before and after you started your regimen',
  'Patterns between taking your doses and your ratings',
  'Flare-ups',
] as const;

/** The Insights screen. */
export class InsightsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly figures: Locator;
  readonly notEnoughData: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Insights' });
    this.figures = page.getByRole('figure');
    this.notEnoughData = page.getByText('Not enough data yet', { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/insights');
    // Generous: the records load and the engine runs in the page, which is slower on a busy machine.
    await this.section(INSIGHT_SECTIONS[0]).waitFor({ timeout: 60_000 });
  }

  /** The summary that leads the screen. */
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'In short', exact: true });
  }

  /** Each card's folded detail toggle ("Show details: <card heading>"). */
  get detailToggles(): Locator {
    return this.page.getByText(/Show details/);
  }

  /** Opens every card's details, as a person tapping each "Show details" would. */
  async openEveryCard(): Promise<void> {
    for (const toggle of await this.detailToggles.all()) await toggle.click();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
}
