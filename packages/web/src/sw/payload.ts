import { IntakeUnitSchema } from '@sunlog/core/records/profile';
import type { ReminderNotification } from '@sunlog/core/reminders/notification';
import { z } from 'zod';

/**
 * What a Sunlog push message carries (JSON; Web Push encrypts it end to end). It holds no health value
 * beyond the dose amount. Parsed strictly enough that a malformed message shows a plain notification
 * rather than offering actions it cannot carry out.
 */
export const NotificationDoseSchema = z.object({
  regimenId: z.string().min(1),
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** In the person's unit, as the notification shows it. */
  amount: z.number().positive(),
  unit: IntakeUnitSchema,
});
export type NotificationDose = z.infer<typeof NotificationDoseSchema>;

export const ReminderPayloadSchema = z.object({
  kind: z.enum(['dose', 'check-in', 'blood-test', 'test']),
  deliveryId: z.string().min(1).nullable(),
  title: z.string().min(1),
  body: z.string(),
  /** The screen to open when the notification itself is tapped. */
  url: z.string(),
  dose: NotificationDoseSchema.optional(),
});
export type ReminderPayload = z.infer<typeof ReminderPayloadSchema>;

/** Fails to compile if what the server sends (core's ReminderNotification) stops fitting this schema. */
const serverPayloadFits = (sent: ReminderNotification): ReminderPayload => sent;
void serverPayloadFits;

/** Shown when a push arrives that cannot be read: it still says something, and opens Sunlog. */
export const FALLBACK_PAYLOAD: ReminderPayload = {
  kind: 'test',
  deliveryId: null,
  title: 'Sunlog',
  body: 'You have a reminder. Open Sunlog to see it.',
  url: '/',
};

/** Only a path on Sunlog's own origin may be opened; anything else opens Today. */
export function safePath(url: string): string {
  return /^\/(?![/\\])/.test(url) ? url : '/';
}

export function parsePayload(json: unknown): ReminderPayload {
  const parsed = ReminderPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : FALLBACK_PAYLOAD;
}
