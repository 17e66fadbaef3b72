import { LocalDateSchema } from '@sunlog/core/records/common';
import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor } from './page-cursor.ts';

const isLocalDate = (key: string) => LocalDateSchema.safeParse(key).success;

describe('page cursors', () => {
  test('a cursor is URL-safe and reads back as the position it was made from', () => {
    const position = { key: '2026-02-28', id: '3f0c2b9e-5d7a-4c1e-9b8a-0d2e4f6a8b1c' };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isLocalDate)).toEqual(position);
  });

  test('text that is not a cursor this server made is refused', () => {
    const made = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    for (const cursor of [
      '',
      'not-a-cursor',
      made('2026-02-30/abc'),
      made('2026-02-01/'),
      made('2026-02-01'),
      made('2026-02-01/not-a-record-id'),
      made('2026-02-01/3f0c2b9e-5d7a-4c1e-9b8a-0d2e4f6a8b1c\u0000'),
    ]) {
      expect(decodeCursor(cursor, isLocalDate), cursor).toBeUndefined();
    }
  });
});
