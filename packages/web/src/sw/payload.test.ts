import {
  bloodTestNotification,
  checkInNotification,
  doseNotification,
  testNotification,
} from '@sunlog/core/reminders/notification';
import { describe, expect, it } from 'vitest';
import { notificationFor } from './notification-view.ts';
import { FALLBACK_PAYLOAD, parsePayload, safePath } from './payload.ts';

const dose = doseNotification({
  deliveryId: '6f1d7c0e-2a4b-4c1e-9b7a-0d3e5f6a7b8c',
  regimenId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  localDate: '2026-03-29',
  amountPerDose: { value: 50, unit: 'ug' },
  intakeUnit: 'IU',
});

describe('parsePayload', () => {
  it('reads every notification the server makes', () => {
    for (const sent of [dose, checkInNotification('d-1'), bloodTestNotification('d-2'), testNotification()]) {
      expect(parsePayload(JSON.parse(JSON.stringify(sent)))).toEqual(sent);
    }
  });

  it('falls back to a plain reminder for anything it cannot read', () => {
    expect(parsePayload(undefined)).toBe(FALLBACK_PAYLOAD);
    expect(parsePayload({ kind: 'dose', title: 'x' })).toBe(FALLBACK_PAYLOAD);
    expect(parsePayload({ ...dose, dose: { ...dose.dose, unit: 'mg' } })).toBe(FALLBACK_PAYLOAD);
  });
});

describe('notificationFor', () => {
  it('gives a dose Taken and Snooze 1 hour, tagged by its delivery, with the payload as data', () => {
    const { title, options } = notificationFor(dose);
    expect(title).toBe('Vitamin D reminder');
    expect(options.body).toBe('Time for your vitamin D: 2,000 IU');
    expect(options.tag).toBe(dose.deliveryId);
    expect(options.data).toEqual(dose);
    expect(options.actions?.map((action) => action.title)).toEqual(['Taken', 'Snooze 1 hour']);
    expect(options.requireInteraction).toBe(true);
  });

  it('gives the check-in, the blood test and the test no actions; the test fades like any notification', () => {
    expect(notificationFor(checkInNotification('d-1')).options.actions).toBeUndefined();
    expect(notificationFor(bloodTestNotification('d-2')).options.actions).toBeUndefined();
    const test = notificationFor(testNotification()).options;
    expect(test.actions).toBeUndefined();
    expect(test.tag).toBe('sunlog-test');
    expect(test.requireInteraction).toBe(false);
  });

  it('offers no Snooze when there is no delivery to snooze', () => {
    const { options } = notificationFor({ ...dose, deliveryId: null });
    expect(options.actions?.map((action) => action.title)).toEqual(['Taken']);
  });
});

describe('safePath', () => {
  it('keeps paths on this origin and turns anything else into Today', () => {
    expect(safePath('/check-in')).toBe('/check-in');
    expect(safePath('/')).toBe('/');
    expect(safePath('//evil.example/x')).toBe('/');
    expect(safePath('/\\evil.example')).toBe('/');
    expect(safePath('https://evil.example/')).toBe('/');
    expect(safePath('javascript:alert(1)')).toBe('/');
  });
});
