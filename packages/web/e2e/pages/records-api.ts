import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

/** What the server holds, read through the API with the page's own session (never through the UI). */
export async function listOnServer(page: Page, kind: string): Promise<Record<string, unknown>[]> {
  const response = await page.request.get(`/api/v1/${kind}?limit=500`);
  if (!response.ok()) throw new Error(`GET ${kind} answered ${response.status()}`);
  const body = (await response.json()) as { items: Record<string, unknown>[] };
  return body.items;
}

/** A daily regimen created through the API, starting `startDate`. */
export async function createDailyRegimen(
  page: Page,
  startDate: string,
  amount: { value: number; unit: 'IU' | 'ug' } = { value: 1000, unit: 'IU' },
): Promise<string> {
  const id = randomUUID();
  const response = await page.request.post('/api/v1/regimens', {
    data: {
      id,
      productName: 'Sunvit D3',
      form: 'D3',
      amountPerDose: amount,
      schedule: { kind: 'daily' },
      startDate,
      reminderTimes: [],
    },
  });
  if (!response.ok()) throw new Error(`POST regimen answered ${response.status()}: ${await response.text()}`);
  return id;
}

/** Today's date in a time zone, as the app computes it. */
export function localToday(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
