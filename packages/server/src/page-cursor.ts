import { IdSchema } from '@sunlog/core/records/common';
import { SunlogError } from './errors.ts';

/**
 * Where a page of a newest-first list ended: the last item's sort key (a record's filed date, an audit
 * event's time) and its id, which breaks ties. The next page starts after it.
 */
export interface PagePosition {
  key: string;
  id: string;
}

const SEPARATOR = '/';

/** An opaque page cursor: base64url of `key/id`. Clients pass it back unchanged. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(`${position.key}${SEPARATOR}${position.id}`, 'utf8').toString('base64url');
}

/**
 * The position a cursor names, or undefined when it is not one this server made: its key must pass
 * `isKey` and its id must be a record id (so no stray text, NUL included, reaches a query).
 */
export function decodeCursor(cursor: string, isKey: (key: string) => boolean): PagePosition | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  const key = text.slice(0, at);
  const id = text.slice(at + 1);
  if (!isKey(key) || !IdSchema.safeParse(id).success) return undefined;
  return { key, id };
}

/**
 * The position a request's `cursor` names, or undefined for the first page; a cursor this server did
 * not make is invalid input naming the field.
 */
export function readCursor(
  cursor: string | undefined,
  isKey: (key: string) => boolean,
): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor, isKey);
  if (position === undefined) {
    throw new SunlogError('invalid-input', 'The page cursor is not valid.', {
      fields: [{ path: 'cursor', message: 'Pass back a nextCursor exactly as it was given.' }],
    });
  }
  return position;
}
