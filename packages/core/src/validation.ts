import type { z } from 'zod';
import { type DomainError, type DomainErrorCode, err, ok, type Result } from './result.ts';

/** Writes a zod issue path the way a person reads it: `intakes[3].amount.unit`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
    } else {
      const name = String(key);
      text += text === '' ? name : `.${name}`;
    }
  }
  return text;
}

/** Turns the first zod issue into a domain error whose message starts with the path of the problem. */
export function firstIssueError(error: z.ZodError, code: DomainErrorCode): DomainError {
  const issue = error.issues[0];
  if (issue === undefined) {
    return { code, message: 'The input is not valid' };
  }
  const path = formatIssuePath(issue.path);
  if (path === '') {
    return { code, message: issue.message };
  }
  return { code, message: `${path}: ${issue.message}`, path };
}

/** Parses `input` with `schema`; on failure the error names the first problem's path. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: DomainErrorCode = 'invalid-record',
): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return ok(parsed.data);
  }
  return err(firstIssueError(parsed.error, code));
}
