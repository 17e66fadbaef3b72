import type { ReminderPayload } from './payload.ts';

/** What a reminder notification looks like: pure, so it is unit-tested without a browser. */

export const ACTION_TAKEN = 'taken';
export const ACTION_SNOOZE = 'snooze';

/** NotificationOptions with `actions`, which TypeScript's DOM lib does not list. */
export type ReminderNotificationOptions = NotificationOptions & {
  actions?: { action: string; title: string }[];
};

/** The notification for a push message; `tag` is the delivery, so a repeat replaces rather than adds. */
export function notificationFor(payload: ReminderPayload): {
  title: string;
  options: ReminderNotificationOptions;
} {
  const canAct = payload.kind === 'dose' && payload.dose !== undefined;
  const options: ReminderNotificationOptions = {
    body: payload.body,
    icon: '/favicon.svg',
    tag: payload.deliveryId ?? `sunlog-${payload.kind}`,
    data: payload,
    // A reminder stays until the person answers it: people with fatigue or memory problems may miss
    // one that fades after a few seconds.
    requireInteraction: payload.kind !== 'test',
  };
  if (canAct) {
    options.actions = [{ action: ACTION_TAKEN, title: 'Taken' }];
    if (payload.deliveryId !== null) options.actions.push({ action: ACTION_SNOOZE, title: 'Snooze 1 hour' });
  }
  return { title: payload.title, options };
}
