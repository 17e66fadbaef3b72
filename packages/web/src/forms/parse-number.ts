/**
 * The one reader of numbers people type, for every number field in the web app. It accepts a decimal
 * point or a decimal comma ("32.5", "32,5") and thousands grouped with spaces or commas ("1 000",
 * "1,234,567"). Text it cannot read for certain is never guessed:
 * - one comma followed by exactly three digits ("1,234", "5,000") could be a thousands comma or a
 *   decimal comma, so the person is asked to write it plainly;
 * - a comma and a point together ("1.234,5", "1,234.5") follow two opposite conventions, so likewise.
 * A point is always a decimal point ("1.234" is one point two three four).
 */
export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; problem: 'empty' | 'not-a-number' }
  | { ok: false; problem: 'ambiguous'; text: string; readings: readonly [number, number] | null };

const SPACE = /[\s\u00a0\u202f]/;
const SPACES = /[\s\u00a0\u202f]/g;

export function parseNumber(input: string): ParsedNumber {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let compact = text;
  if (SPACE.test(text)) {
    // Spaces only as thousands groups: "1 000", "12 345,5".
    if (!/^\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(text))
      return { ok: false, problem: 'not-a-number' };
    compact = text.replace(SPACES, '');
  }
  if (/^\d+$/.test(compact)) return finite(Number(compact));
  if (/^\d+\.\d+$/.test(compact)) return finite(Number(compact));
  if (compact.includes(',') && compact.includes('.')) {
    return /^[\d.,]+$/.test(compact)
      ? { ok: false, problem: 'ambiguous', text, readings: null }
      : { ok: false, problem: 'not-a-number' };
  }
  // Several commas can only be thousands groups: "1,234,567".
  if (/^\d{1,3}(,\d{3}){2,}$/.test(compact)) return finite(Number(compact.replaceAll(',', '')));
  const oneComma = /^(\d+),(\d+)$/.exec(compact);
  if (oneComma === null) return { ok: false, problem: 'not-a-number' };
  const [, whole = '', fraction = ''] = oneComma;
  // "1,234": thousands (1234) or decimal (1.234)? A leading zero ("0,125") or a longer first group
  // ("1234,567") cannot be a thousands group, so those are decimals.
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    return {
      ok: false,
      problem: 'ambiguous',
      text,
      readings: [Number(`${whole}${fraction}`), Number(`${whole}.${fraction}`)],
    };
  }
  return finite(Number(`${whole}.${fraction}`));
}

function finite(value: number): ParsedNumber {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'not-a-number' };
}

/** The number, or undefined when the text is empty, not a number or ambiguous. */
export function parseNumberOrUndefined(text: string): number | undefined {
  const parsed = parseNumber(text);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * A field's message for text that is not a number: the question when it is ambiguous, otherwise the
 * field's own message. Undefined when the text is a number.
 */
export function numberProblem(text: string, otherwise: string): string | undefined {
  const parsed = parseNumber(text);
  if (parsed.ok) return undefined;
  if (parsed.problem !== 'ambiguous') return otherwise;
  const readings =
    parsed.readings === null
      ? `"${parsed.text}" mixes a comma and a point, so it could be read two ways.`
      : `"${parsed.text}" could mean ${plain(parsed.readings[0])} or ${plain(parsed.readings[1])}.`;
  return `${readings} Please write it plainly: no separator for thousands, and a point for decimals (for example 1234 or 32.5).`;
}

function plain(value: number): string {
  return new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 6 }).format(value);
}
