import type { IntakeAmount } from '../records/common.ts';
import type { IntakeUnit } from '../records/profile.ts';
import { convertIntake, formatQuantity, roundForDisplay } from '../units.ts';
import type { ReminderKind } from './schedule.ts';

/**
 * What a Web Push notification carries (JSON, encrypted end to end by Web Push). The service worker shows
 * `title` and `body` and opens `url` when tapped. It holds no health values beyond the dose amount.
 */
export interface ReminderNotification {
  kind: ReminderKind | 'test';
  /** The delivery this notification is (for Snooze); null for a test notification. */
  deliveryId: string | null;
  title: string;
  body: string;
  /** The screen to open: Today for a dose, the check-in for the check-in, History (where blood results are added) for the blood test. */
  url: string;
  /** For a dose: what Taken records. `amount` is in the person's unit. */
  dose?: { regimenId: string; localDate: string; amount: number; unit: IntakeUnit };
}

/** The screens notifications open; the paths of the web app's route table. */
export const NOTIFICATION_URLS: Readonly<Record<ReminderNotification['kind'], string>> = {
  dose: '/',
  'check-in': '/check-in',
  'blood-test': '/history',
  test: '/settings',
};

export interface DoseNotificationInput {
  deliveryId: string;
  regimenId: string;
  localDate: string;
  amountPerDose: IntakeAmount;
  /** The person's unit: the amount is shown in it. */
  intakeUnit: IntakeUnit;
  locale?: string;
}

/** "Time for your vitamin D: 2,000 IU", with the dose Taken records. */
export function doseNotification(input: DoseNotificationInput): ReminderNotification {
  const amount = convertIntake(input.amountPerDose, input.intakeUnit);
  return {
    kind: 'dose',
    deliveryId: input.deliveryId,
    title: 'Vitamin D reminder',
    body: `Time for your vitamin D: ${formatQuantity(amount, input.locale ?? 'en')}`,
    url: NOTIFICATION_URLS.dose,
    dose: {
      regimenId: input.regimenId,
      localDate: input.localDate,
      amount: roundForDisplay(amount),
      unit: input.intakeUnit,
    },
  };
}

/** The monthly check-in: opens the check-in screen. */
export function checkInNotification(deliveryId: string): ReminderNotification {
  return {
    kind: 'check-in',
    deliveryId,
    title: 'Monthly check-in',
    body: 'A few minutes to look back on the month, and note questions for your doctor.',
    url: NOTIFICATION_URLS['check-in'],
  };
}

/** The blood-test reminder: opens History, where blood results are added. */
export function bloodTestNotification(deliveryId: string): ReminderNotification {
  return {
    kind: 'blood-test',
    deliveryId,
    title: 'Blood test reminder',
    body: 'It may be time to book your next vitamin D blood test. Talk to your doctor about when.',
    url: NOTIFICATION_URLS['blood-test'],
  };
}

/** The test notification sent from Settings. */
export function testNotification(): ReminderNotification {
  return {
    kind: 'test',
    deliveryId: null,
    title: 'Sunlog notifications work',
    body: 'This is a test. Your reminders will arrive like this.',
    url: NOTIFICATION_URLS.test,
  };
}
