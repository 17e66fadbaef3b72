import { describe, expect, test } from 'vitest';
import { buildFlare } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { FlareSchema } from './flare.ts';
import { pseudoRelapsePrompt } from './flare-wording.ts';

describe('flare', () => {
  test('needs a symptom and an end date not before its start', () => {
    expect(firstProblem(FlareSchema, buildFlare({ symptoms: [] })).path).toBe('symptoms');
    expect(
      firstProblem(FlareSchema, buildFlare({ startDate: '2026-01-10', endDate: '2026-01-09' })).path,
    ).toBe('endDate');
    const { endDate: _e, ...ongoing } = buildFlare();
    expect(FlareSchema.safeParse(ongoing).success).toBe(true);
  });

  test('a heat, stress or infection trigger prompts a word with the MS team; none known does not', () => {
    expect(pseudoRelapsePrompt(buildFlare({ suspectedTrigger: 'heat' }))).toMatch(/MS team/);
    expect(pseudoRelapsePrompt(buildFlare({ suspectedTrigger: 'fever-or-infection' }))).toMatch(
      /pseudo-relapse/,
    );
    expect(pseudoRelapsePrompt(buildFlare({ suspectedTrigger: 'none-known' }))).toBeNull();
  });
});
