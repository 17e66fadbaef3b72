import { describe, expect, test } from 'vitest';
import {
  bloodTestNotification,
  checkInNotification,
  doseNotification,
  testNotification,
} from './notification.ts';

describe('notification payloads', () => {
  test("a dose shows the amount in the person's unit, and carries what Taken records", () => {
    const inIu = doseNotification({
      deliveryId: 'd1',
      regimenId: 'r1',
      localDate: '2026-06-01',
      amountPerDose: { value: 50, unit: 'ug' },
      intakeUnit: 'IU',
    });
    expect(inIu).toMatchObject({
      kind: 'dose',
      deliveryId: 'd1',
      body: 'Time for your vitamin D: 2,000 IU',
      url: '/',
      dose: { regimenId: 'r1', localDate: '2026-06-01', amount: 2000, unit: 'IU' },
    });
    const inUg = doseNotification({
      deliveryId: 'd1',
      regimenId: 'r1',
      localDate: '2026-06-01',
      amountPerDose: { value: 2000, unit: 'IU' },
      intakeUnit: 'ug',
    });
    expect(inUg.body).toBe('Time for your vitamin D: 50 µg');
    expect(inUg.dose).toMatchObject({ amount: 50, unit: 'ug' });
  });

  test('check-in opens the check-in, the blood test opens History; neither carries a dose', () => {
    expect(checkInNotification('c')).toMatchObject({ kind: 'check-in', url: '/check-in', deliveryId: 'c' });
    expect(bloodTestNotification('b')).toMatchObject({ kind: 'blood-test', url: '/history' });
    expect(checkInNotification('c').dose).toBeUndefined();
    expect(testNotification()).toMatchObject({ kind: 'test', deliveryId: null });
  });
});
