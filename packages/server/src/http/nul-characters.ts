import type { FastifyInstance } from 'fastify';
import { SunlogError } from '../errors.ts';

const NUL = '\u0000';

/**
 * How deeply a request's JSON may nest. Sunlog's deepest request (an export file inside an import) nests
 * under ten levels; 64 leaves room and refuses the thousands of levels that only an attack sends.
 */
export const MAX_JSON_DEPTH = 64;

/** One value still to look at, with how it was reached (a parent link, so no path is copied per level). */
interface Pending {
  value: unknown;
  key: string | undefined;
  parent: Pending | undefined;
  depth: number;
}

type Finding = { kind: 'nul'; path: string } | { kind: 'too-deep'; path: string };

/**
 * Walks `root` with an explicit stack (never the call stack, so no nesting can overflow it) and reports
 * the first string or key holding a NUL character, or the first value nested deeper than `MAX_JSON_DEPTH`.
 */
export function inspectRequestPart(root: unknown): Finding | undefined {
  const stack: Pending[] = [{ value: root, key: undefined, parent: undefined, depth: 0 }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { value } = entry;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return { kind: 'nul', path: pathOf(entry) };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (entry.depth >= MAX_JSON_DEPTH) return { kind: 'too-deep', path: pathOf(entry) };
    const keys = Object.keys(value);
    // Pushed in reverse so the first key is looked at first, as a person reads the body.
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as string;
      const child: Pending = {
        value: (value as Record<string, unknown>)[key],
        key,
        parent: entry,
        depth: entry.depth + 1,
      };
      if (key.includes(NUL)) return { kind: 'nul', path: pathOf(child) };
      stack.push(child);
    }
  }
  return undefined;
}

function pathOf(entry: Pending): string {
  const keys: string[] = [];
  for (let at: Pending | undefined = entry; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * Refuses text holding the NUL character (U+0000) anywhere in a request's path parameters, query or
 * body, with 400 naming the field. No one types it, PostgreSQL text cannot store it, and SQLite would
 * store what PostgreSQL refuses: one rule at the door keeps both engines answering alike.
 * Also refuses JSON nested deeper than `MAX_JSON_DEPTH`, before any schema walks it.
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const finding = inspectRequestPart(part);
      if (finding === undefined) continue;
      if (finding.kind === 'too-deep') {
        throw new SunlogError(
          'invalid-input',
          `The request nests more than ${MAX_JSON_DEPTH} levels deep; no Sunlog request needs that.`,
        );
      }
      throw new SunlogError('invalid-input', 'The request is not valid.', {
        fields: [
          { path: finding.path, message: 'Remove the NUL character (U+0000): text cannot contain it.' },
        ],
      });
    }
  });
}
