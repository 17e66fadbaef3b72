import { canonicalJson } from '../canonical-json.ts';

/**
 * When a record brought in from a file is one the person already logged, though under another id:
 * a blood result with the same date, value and unit; a dose with the same date, amount and status; a
 * symptom check with the same date and ratings. Matching counts, so two doses logged the same day are
 * two, and a file with three such doses adds the third.
 */
export type DuplicateKind = 'intakes' | 'labResults' | 'symptomChecks';

interface Candidate {
  collection: DuplicateKind;
  body: Record<string, unknown>;
}

/** What makes two records of a kind the same entry, whatever their ids and notes. */
export function duplicateKey(collection: DuplicateKind, body: Record<string, unknown>): string {
  const field = (name: string) => canonicalJson(body[name] ?? null);
  switch (collection) {
    case 'labResults':
      return ['lab', field('sampleDate'), field('analyte'), field('level')].join('|');
    case 'intakes':
      return ['intake', field('localDate'), field('amount'), field('status')].join('|');
    case 'symptomChecks':
      return ['check', field('localDate'), field('scores'), field('custom')].join('|');
    default: {
      const unknown: never = collection;
      throw new Error(`Unknown kind ${String(unknown)}`);
    }
  }
}

/**
 * Splits candidates into those new to the person and those already logged. `withinFile` also treats a
 * repeat inside the file itself as a duplicate (right for lab results, where the same result twice is
 * one result; wrong for doses, where two equal doses on a day are two).
 */
export function splitDuplicates<T extends Candidate>(
  candidates: readonly T[],
  existing: readonly Candidate[],
  options: { withinFile: boolean },
): { fresh: T[]; duplicates: T[] } {
  const available = new Map<string, number>();
  for (const record of existing) {
    const key = duplicateKey(record.collection, record.body);
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  const fresh: T[] = [];
  const duplicates: T[] = [];
  const seenInFile = new Set<string>();
  for (const candidate of candidates) {
    const key = duplicateKey(candidate.collection, candidate.body);
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      duplicates.push(candidate);
    } else if (options.withinFile && seenInFile.has(key)) {
      duplicates.push(candidate);
    } else {
      fresh.push(candidate);
    }
    seenInFile.add(key);
  }
  return { fresh, duplicates };
}
