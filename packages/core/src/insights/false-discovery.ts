/**
 * Benjamini–Hochberg step-up procedure: controls the expected share of false claims among all
 * claims at `q`, and under no true association at all, the chance of any claim.
 * See: Benjamini & Hochberg 1995, J R Stat Soc B 57:289–300.
 */

/** For each p-value, whether BH rejects it at level `q` (same order as the input). */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cutoff = -1;
  order.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) / m) * q) cutoff = rank;
  });
  const rejected = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank <= cutoff; rank++) {
    const entry = order[rank];
    if (entry) rejected[entry.i] = true;
  }
  return rejected;
}

/** BH-adjusted p-values (q-values): the smallest q at which each p-value would be rejected. */
export function adjustedPValues(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  order.forEach(({ p, i }, k) => {
    const rank = m - k;
    running = Math.min(running, (p * m) / rank);
    adjusted[i] = Math.min(1, running);
  });
  return adjusted;
}
