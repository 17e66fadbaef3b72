/**
 * JSON text with every object's keys sorted, so two values that differ only in key order (or in
 * undefined members) have the same text. Array order is kept: it is part of the value. Records are
 * compared by it: a replayed create, and an imported record against the one already stored.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}
