/**
 * Counted nouns in plain English ("1 month", "3 months"), choosing the form with the locale's plural
 * rules (Intl.PluralRules) so that a count is never written "1 months" or "1 points".
 */

/** The singular and plural forms of an English noun, e.g. ['month', 'months']. */
export type NounForms = readonly [one: string, other: string];

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** The noun's form for `count`: "month" for 1, "months" for 0, 2 or 1.5. */
export function nounFor(count: number, [one, other]: NounForms, locale = 'en'): string {
  return rulesFor(locale).select(count) === 'one' ? one : other;
}

/** The count written in the locale followed by its noun: "1 month", "12 months", "1,200 days". */
export function countOf(count: number, forms: NounForms, locale = 'en'): string {
  return `${new Intl.NumberFormat(locale).format(count)} ${nounFor(count, forms, locale)}`;
}
