import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import type { FieldIssue } from '../errors.ts';

/**
 * The lowest zxcvbn score accepted (0–4). 3 is "safely unguessable: moderate protection from an offline
 * slow-hash scenario" in zxcvbn's own words; passwords are stored with argon2id, a slow hash.
 */
export const MIN_PASSWORD_SCORE = 3;

const estimator = new ZxcvbnFactory({
  translations,
  graphs: adjacencyGraphs,
  dictionary: { ...commonDictionary, ...englishDictionary },
});

/**
 * Why a password may not be used, as field issues for `password` (empty when it may): all spaces, the
 * email address itself, or a zxcvbn score below 3, with the estimator's own warning and suggestions.
 * `userInputs` (the email, its name part, the display name) count as words an attacker would try first.
 */
export function passwordProblems(
  password: string,
  email: string,
  userInputs: readonly string[] = [],
): FieldIssue[] {
  const issue = (message: string): FieldIssue[] => [{ path: 'password', message }];
  if (password.trim() === '')
    return issue('A password of only spaces is too easy to guess. Use words or characters too.');
  const lowered = password.trim().toLowerCase();
  const emailName = email.split('@')[0] ?? '';
  if (lowered === email.toLowerCase() || lowered === emailName.toLowerCase()) {
    return issue('Do not use your email address as your password.');
  }
  const result = estimator.check(password, [email, emailName, ...userInputs]);
  if (result.score >= MIN_PASSWORD_SCORE) return [];
  const why = result.feedback.warning ?? 'This password would be easy to guess.';
  const suggestions = result.feedback.suggestions.join(' ');
  return issue(`${why.replace(/\.?$/, '.')} ${suggestions || 'Add another word or two.'}`.trim());
}
