import { IdSchema } from '@sunlog/core/records/common';
import { describe, expect, it } from 'vitest';
import { doseIntakeId, uuidV5 } from './dose-intake-id.ts';

describe('uuidV5', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', async () => {
    expect(await uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('doseIntakeId', () => {
  it('is the same for the same person, plan and day, and a valid record id', async () => {
    const first = await doseIntakeId('user-1', 'plan-1', '2026-03-29');
    expect(await doseIntakeId('user-1', 'plan-1', '2026-03-29')).toBe(first);
    expect(IdSchema.safeParse(first).success).toBe(true);
  });

  it('differs when the day, the plan or the person differs', async () => {
    const ids = new Set([
      await doseIntakeId('user-1', 'plan-1', '2026-03-29'),
      await doseIntakeId('user-1', 'plan-1', '2026-03-30'),
      await doseIntakeId('user-1', 'plan-2', '2026-03-29'),
      await doseIntakeId('user-2', 'plan-1', '2026-03-29'),
    ]);
    expect(ids.size).toBe(4);
  });
});
