/**
 * Seeds a person's records through the real records API, with the browser context's own session
 * (page.request shares its cookies). Requests go out in parallel batches to keep tests quick.
 */
import { randomUUID } from 'node:crypto';
import { addDays, localDateOf } from '@sunlog/core/calendar';
import type { Page } from 'playwright-core';

export const SEED_TIME_ZONE = 'Europe/London';
const BATCH = 25;

export interface SeededPerson {
  email: string;
  password: string;
  today: string;
}

async function post(page: Page, origin: string, path: string, body: unknown, method = 'POST'): Promise<void> {
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    data: body,
    // page.request is not a page, so it sends no Fetch Metadata; the server then checks Origin.
    headers: { Origin: origin },
  });
  if (!response.ok())
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
}

async function postAll(page: Page, origin: string, path: string, bodies: readonly unknown[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += BATCH) {
    await Promise.all(bodies.slice(i, i + BATCH).map((body) => post(page, origin, path, body)));
  }
}

/** Registers a new person through the API; the session cookie lands in the page's context. */
export async function registerThroughApi(page: Page, origin: string): Promise<SeededPerson> {
  const email = `check-${randomUUID().slice(0, 8)}@example.org`;
  const password = 'sunny meadow at noon';
  await post(page, origin, '/auth/register', { email, password, timeZone: SEED_TIME_ZONE });
  // Consent as onboarding records it, and a personal target as if agreed with a doctor.
  await post(
    page,
    origin,
    '/me/profile',
    {
      consentedAt: new Date().toISOString(),
      locale: 'en-GB',
      bloodTarget: { low: 30, high: 50, unit: 'ng/mL' },
    },
    'PATCH',
  );
  return { email, password, today: localDateOf(Date.now(), SEED_TIME_ZONE) };
}

/**
 * About 120 days of records ending yesterday: a daily 1,000 IU regimen started 100 days ago (most
 * doses taken, some skipped, some not logged), daily ratings, three blood results and a flare-up.
 */
export async function seedFourMonths(page: Page, origin: string, today: string): Promise<void> {
  const regimenId = randomUUID();
  const regimenStart = addDays(today, -100);
  await post(page, origin, '/regimens', {
    id: regimenId,
    productName: 'Sunny D3 1000',
    form: 'D3',
    amountPerDose: { value: 1000, unit: 'IU' },
    schedule: { kind: 'daily' },
    startDate: regimenStart,
    reminderTimes: ['08:00'],
  });

  const intakes = [];
  for (let day = 100; day >= 1; day -= 1) {
    const localDate = addDays(today, -day);
    if (day % 9 === 4) continue; // nothing logged
    intakes.push({
      id: randomUUID(),
      regimenId,
      takenAt: `${localDate}T08:10:00Z`,
      localDate,
      // Half the doses are logged in micrograms: 25 µg is the same 1,000 IU.
      amount: day % 2 === 0 ? { value: 1000, unit: 'IU' } : { value: 25, unit: 'ug' },
      status: day % 11 === 5 ? 'skipped' : 'taken',
    });
  }

  const checks = [];
  for (let day = 120; day >= 1; day -= 1) {
    // Day-to-day ups and downs without a long smooth swing, like real ratings.
    const wave = ((day * 7) % 5) - 2;
    checks.push({
      id: randomUUID(),
      localDate: addDays(today, -day),
      scores: {
        fatigue: Math.min(10, Math.max(0, 5 + wave + (day > 60 ? 1 : 0))),
        energy: Math.min(10, Math.max(0, 5 - wave)),
        mood: 6 + (day % 3 === 0 ? 1 : 0),
      },
      custom: [],
    });
  }

  const labs = [
    { day: 105, level: { value: 18, unit: 'ng/mL' } },
    { day: 50, level: { value: 26, unit: 'ng/mL' } },
    { day: 12, level: { value: 75, unit: 'nmol/L' }, referenceRange: { low: 50, high: 250, unit: 'nmol/L' } },
  ].map(({ day, ...rest }) => ({
    id: randomUUID(),
    analyte: '25-hydroxyvitamin-d-total',
    sampleDate: addDays(today, -day),
    labName: 'City Lab',
    ...rest,
  }));

  await Promise.all([
    postAll(page, origin, '/intakes', intakes),
    postAll(page, origin, '/symptom-checks', checks),
    postAll(page, origin, '/lab-results', labs),
    post(page, origin, '/flares', {
      id: randomUUID(),
      startDate: addDays(today, -40),
      endDate: addDays(today, -33),
      symptoms: ['blurred vision', 'tingling'],
      severity: 'moderate',
      steroidTreatment: false,
      suspectedTrigger: 'heat',
    }),
  ]);
}

/** Three days of ratings only: too little for any insight. */
export async function seedThreeDays(page: Page, origin: string, today: string): Promise<void> {
  const checks = [1, 2, 3].map((day) => ({
    id: randomUUID(),
    localDate: addDays(today, -day),
    scores: { fatigue: 4, energy: 6 },
    custom: [],
  }));
  await postAll(page, origin, '/symptom-checks', checks);
}
