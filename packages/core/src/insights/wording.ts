/**
 * Shared wording for insight sentences. Sunlog reports what moved together in a person's own
 * records and never says why (docs/medical-reference.md §3, "one person's log
 * cannot settle these").
 */

/** Phrases that claim or imply cause; no insight sentence may contain them (checked in tests). */
export const BANNED_CAUSAL_PHRASES = [
  'cause',
  'causes',
  'caused',
  'causing',
  'improve',
  'improves',
  'improved',
  'because',
  'leads to',
  'led to',
  'effect of',
  'effects of',
  'due to',
  'results in',
  'resulted in',
  'thanks to',
  'works',
  'helps',
  'reduces',
  'prevents',
] as const;

/** Returns the banned phrases found in `sentence` (whole words, case-insensitive). */
export function causalPhrasesIn(sentence: string): string[] {
  const lower = sentence.toLowerCase();
  return BANNED_CAUSAL_PHRASES.filter((phrase) => new RegExp(`\\b${phrase}\\b`).test(lower));
}

/**
 * Disclaimers shown beside insights: the points of docs/medical-reference.md §6, in Sunlog's own words.
 * They are kept apart from the sentences because they must name causation to deny it.
 */
export const DISCLAIMERS = {
  patterns:
    'When two things rise and fall together in your records, that alone does not mean one brought about the other.',
  general:
    'Sunlog keeps and shares your own records. It does not diagnose, give medical advice or suggest doses. Before you start, stop or change any supplement or medicine, talk to your doctor or MS team.',
  flares:
    'Whether a flare-up is a relapse or a pseudo-relapse is for your MS team to judge. If symptoms are severe or come on suddenly, get urgent care.',
} as const;

/** One formatter per number of decimals: building an Intl.NumberFormat per call is slow. */
const formatters = new Map<number, Intl.NumberFormat>();

/** A number rounded for a sentence: `digits` decimals, trailing zeros dropped, '−' for minus. */
export function formatNumber(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  const size = Math.abs(rounded);
  // Below 1,000 (no grouping separator) a number already rounded to a few decimals reads the same
  // from String as from Intl, which costs far more; sentences format thousands of numbers.
  const text = size < 1000 && digits <= 6 ? String(size) : formatter.format(size);
  return rounded < 0 ? `−${text}` : text;
}

/** Decimals added at most so that an interval's two ends read differently. */
const MAX_EXTRA_DIGITS = 3;

/**
 * How many decimals an interval needs to be written honestly: `digits`, or more (up to three more)
 * when at `digits` its two ends would read the same ("0 to 0" for −0.035 to 0.039 reads "−0.04 to 0.04").
 */
export function intervalDigits(low: number, high: number, digits = 1): number {
  for (let d = digits; d <= digits + MAX_EXTRA_DIGITS; d++) {
    if (formatNumber(low, d) !== formatNumber(high, d)) return d;
  }
  return digits;
}

/** "−0.04 to 0.04": an interval's ends with the decimals it needs (see `intervalDigits`). */
export function formatInterval(low: number, high: number, digits = 1): string {
  const d = intervalDigits(low, high, digits);
  return `${formatNumber(low, d)} to ${formatNumber(high, d)}`;
}

/** "1 year", "1.5 years", "0.9 years": the noun agrees with the number as written, not as computed. */
export function pluralNumber(
  value: number,
  digits: number,
  singular: string,
  pluralForm = `${singular}s`,
): string {
  const text = formatNumber(value, digits);
  return `${text} ${text === '1' ? singular : pluralForm}`;
}

/** "a fatigue check", "an energy check": the indefinite article for a word starting with a vowel sound. */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** "1 day", "3 days". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "needs 3 more weeks of fatigue checks" style text for a shortfall in days. */
export function shortfallInDays(days: number, what: string): string {
  if (days <= 13) return `needs ${plural(Math.max(1, days), 'more day', 'more days')} of ${what}`;
  return `needs ${plural(Math.ceil(days / 7), 'more week', 'more weeks')} of ${what}`;
}
