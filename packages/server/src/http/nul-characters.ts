import type { FastifyInstance } from 'fastify';
import { SunlogError } from '../errors.ts';

const NUL = '\u0000';

/** The dotted path of the first string (or key) in `value` that holds a NUL character, if any. */
function pathOfNul(value: unknown, path: readonly string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path.join('.') : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return [...path, key].join('.');
    const found = pathOfNul(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses text holding the NUL character (U+0000) anywhere in a request's path parameters, query or
 * body, with 400 naming the field. No one types it, PostgreSQL text cannot store it, and SQLite would
 * store what PostgreSQL refuses: one rule at the door keeps both engines answering alike.
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = pathOfNul(part);
      if (path === undefined) continue;
      throw new SunlogError('invalid-input', 'The request is not valid.', {
        fields: [{ path, message: 'Remove the NUL character (U+0000): text cannot contain it.' }],
      });
    }
  });
}
