import type { Flare } from './flare.ts';

// A flare's wording, with no zod: Today's first load shows it (flare.ts re-exports it).

/**
 * A flare is a patient-reported *suspected* relapse. Only the MS team can tell a relapse (new or
 * worsening symptoms from demyelination, over 24 hours, not explained by fever, infection or metabolic
 * upset) from a pseudo-relapse (old symptoms returning with heat, infection, overexertion or stress).
 * Sunlog records the person's account and never decides. See: docs/medical-reference.md §4 (NHS England 2014; MSAA).
 */
export const FLARE_LABEL = 'Suspected relapse (reported by you)';

/**
 * A gentle prompt when the person named a pseudo-relapse trigger; null otherwise. It points to the MS
 * team and never classifies the flare. See: docs/medical-reference.md §4 (pseudo-relapse; MSAA advice).
 */
export function pseudoRelapsePrompt(flare: Pick<Flare, 'suspectedTrigger'>): string | null {
  switch (flare.suspectedTrigger) {
    case 'fever-or-infection':
    case 'heat':
    case 'stress':
      return 'Old symptoms can come back for a while with a fever, an infection, heat or stress. This might be a pseudo-relapse, but only your MS team can tell: let them know.';
    case 'none-known':
      return null;
    default: {
      const unreachable: never = flare.suspectedTrigger;
      return unreachable;
    }
  }
}
