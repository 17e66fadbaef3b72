import type { z } from 'zod';
import type { DomainError } from '../src/result.ts';
import { parseWith } from '../src/validation.ts';

/** The domain error for an input the schema must reject; throws if the schema accepts it. */
export function firstProblem(schema: z.ZodType, input: unknown): DomainError {
  const result = parseWith(schema, input);
  if (result.ok) {
    throw new Error('expected the input to be rejected');
  }
  return result.error;
}
