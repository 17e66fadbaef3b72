import { IdSchema, LocalDateSchema } from '@sunlog/core/records/common';

/** Where a page ended: the last item's filed date and id. The next page starts after it. */
export interface PagePosition {
  filedOn: string;
  id: string;
}

const SEPARATOR = '/';

/** An opaque page cursor: base64url of `filedOn/id`. Clients pass it back unchanged. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(`${position.filedOn}${SEPARATOR}${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this server made. */
export function decodeCursor(cursor: string): PagePosition | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  const filedOn = text.slice(0, at);
  const id = text.slice(at + 1);
  if (!LocalDateSchema.safeParse(filedOn).success || !IdSchema.safeParse(id).success) return undefined;
  return { filedOn, id };
}
