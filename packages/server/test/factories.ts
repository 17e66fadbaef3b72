import { randomBytes } from 'node:crypto';

export interface RegisterBody {
  email: string;
  password: string;
  displayName?: string;
  timeZone?: string;
}

/** A valid registration body with a unique email; override any field. */
export function buildRegisterInput(overrides: Partial<RegisterBody> = {}): RegisterBody {
  return {
    email: `person-${randomBytes(5).toString('hex')}@example.org`,
    password: 'sunlight over the harbour 42',
    ...overrides,
  };
}

/** A valid profile patch; override any field. */
export function buildProfilePatch(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: 'Ada',
    timeZone: 'Europe/Berlin',
    bloodUnit: 'nmol/L',
    reminders: { dailyDose: true, dailyDoseTimes: ['08:30'], monthlyCheckIn: true, labTestEveryWeeks: 12 },
    ...overrides,
  };
}
