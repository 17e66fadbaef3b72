import type { ApiError } from '../api/api-error.ts';

/** One message per field, keyed by the field's dotted path ("password", "reminders.dailyDoseTimes"). */
export type FieldErrors = Partial<Record<string, string>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Turns zod issues from checking a form in the browser into one message per field. `messages` gives
 * plainer words for a field than zod's own; the first issue of a field wins.
 */
export function fieldErrorsFromIssues(
  issues: readonly Issue[],
  messages: Partial<Record<string, string>> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= messages[path] ?? issue.message;
  }
  return errors;
}

/** The server's 400 `fields`, one message per path. */
export function fieldErrorsFromApi(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.fields) errors[field.path] ??= field.message;
  return errors;
}

/** Focuses the first field (in form order) that has an error, so the person lands where to fix it. */
export function focusFirstInvalid(
  errors: FieldErrors,
  fieldsInOrder: readonly [path: string, element: HTMLElement | null][],
): void {
  for (const [path, element] of fieldsInOrder) {
    if (errors[path] !== undefined && element !== null) {
      element.focus();
      return;
    }
  }
}

/**
 * Messages for paths the form has no field for (say, a rejected time zone sent automatically), joined
 * into one line for the form-level alert; undefined when every message has a field to sit beside.
 */
export function messagesOutside(errors: FieldErrors, shownPaths: readonly string[]): string | undefined {
  const others = Object.entries(errors)
    .filter(([path]) => !shownPaths.includes(path))
    .map(([, message]) => message);
  return others.length === 0 ? undefined : others.join(' ');
}
