import { LocalDateSchema } from '@sunlog/core/records/common';
import { z } from 'zod';
import type { RecordKind } from './kinds.ts';

/** Largest page a list answers; the default is `DEFAULT_PAGE_SIZE`. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

// Any string: an id that is not the person's answers 404 whether or not it looks like a UUID.
export const RecordIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const ListQuerySchema = z
  .object({
    from: LocalDateSchema.optional().describe('Earliest filed date, inclusive.'),
    to: LocalDateSchema.optional().describe('Latest filed date, inclusive.'),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    cursor: z.string().min(1).max(200).optional().describe('The nextCursor of the previous page.'),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    error: 'The end of the range cannot be before its start',
    path: ['to'],
  });

/** The answer schemas of one kind's routes, built from its core schema. */
export function recordResponseSchemas(kind: RecordKind) {
  return {
    one: z.object({ record: kind.schema }),
    page: z.object({
      items: z.array(kind.schema).describe('Newest filed date first; ties by id, descending.'),
      nextCursor: z.string().nullable().describe('Null on the last page.'),
    }),
  };
}
