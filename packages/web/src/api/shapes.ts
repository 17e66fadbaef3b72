/**
 * Hand-written checks of the server's answers on Today's path (who is signed in, record lists, a saved
 * record, an error body), so the first load does not carry zod (about 25 KiB gzip of a 100 KiB budget;
 * docs/benchmarks.md). They check the shape the screens rely on, so a contract drift still fails
 * loudly at the edge; the values themselves were checked in full by the server (the core schemas) when
 * they were written. Writes are checked in full in the browser too, with the same core schemas, loaded
 * after the first paint (api/record-checks.ts).
 */

/** What requestJson needs of a parser; zod schemas fit it as well. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parser from a check; the value is passed on unchanged (the checks never transform). */
export function parserOf<T>(check: (value: unknown) => boolean): Parser<T> {
  return {
    safeParse: (value) => (check(value) ? { success: true, data: value as T } : { success: false }),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isOptional = (value: unknown, check: (value: unknown) => boolean) =>
  value === undefined || check(value);
const isNullable = (value: unknown, check: (value: unknown) => boolean) => value === null || check(value);
const isArrayOf = (value: unknown, check: (value: unknown) => boolean) =>
  Array.isArray(value) && value.every(check);
/** "YYYY-MM-DD" (the server checked it is a real date). */
const isLocalDate = (value: unknown) => isString(value) && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The contract's error body: `{ error: { code, message, fields? } }`. */
export function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; fields?: { path: string; message: string }[] } } {
  if (!isObject(value) || !isObject(value.error)) return false;
  const { code, message, fields } = value.error;
  return (
    isString(code) &&
    isString(message) &&
    isOptional(fields, (list) =>
      isArrayOf(list, (field) => isObject(field) && isString(field.path) && isString(field.message)),
    )
  );
}

/** The signed-in person: `{ user: { id, email }, profile }` with the profile fields every screen reads. */
export function isMe(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.user) || !isObject(value.profile)) return false;
  const { user, profile } = value;
  return (
    isString(user.id) &&
    user.id.length > 0 &&
    isString(user.email) &&
    isString(profile.displayName) &&
    isString(profile.timeZone) &&
    (profile.intakeUnit === 'IU' || profile.intakeUnit === 'ug') &&
    (profile.bloodUnit === 'ng/mL' || profile.bloodUnit === 'nmol/L') &&
    isString(profile.locale) &&
    isObject(profile.reminders) &&
    isNullable(profile.consentedAt, isString) &&
    isOptional(profile.bloodTarget, (target) => isNullable(target, isObject)) &&
    isOptional(profile.trackedRatings, (ratings) => isArrayOf(ratings, isString)) &&
    isOptional(profile.lastAppointment, (day) => isNullable(day, isLocalDate))
  );
}

/**
 * A stored record: its client-made id, the server's timestamps, and the date it is filed under (read
 * by `filedDate`, which lists sort and filter by).
 */
export function isStoredRecord(value: unknown, filedDate: (record: never) => unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.createdAt) &&
    isString(value.updatedAt) &&
    isLocalDate(filedDate(value as never))
  );
}

/** One page of a record list: `{ items, nextCursor }`. */
export function isRecordPage(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return isObject(value) && isArrayOf(value.items, isItem) && isNullable(value.nextCursor, isString);
}
