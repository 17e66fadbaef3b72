import { type RefObject, useState } from 'react';
import { type FieldErrors, focusFirstInvalid } from './field-errors.ts';

/** The elements that can take focus, by field path; fields without one are skipped when focusing. */
export type FieldRefs = Partial<Record<string, RefObject<HTMLElement | null>>>;

/**
 * A form's field messages. Showing new ones (an empty set clears them) moves focus to the first field,
 * in `fields` order, that has one, so the person lands where to fix it.
 */
export function useFieldErrors(fields: readonly string[], refs: FieldRefs) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    focusFirstInvalid(
      next,
      fields.map((path) => [path, refs[path]?.current ?? null]),
    );
  };
  /** Drops one field's message as soon as the person changes that field, so no stale error stays. */
  const clearError = (path: string) => {
    setErrors((old) => {
      if (old[path] === undefined) return old;
      const { [path]: _dropped, ...rest } = old;
      return rest;
    });
  };
  return { errors, showErrors, clearError };
}
