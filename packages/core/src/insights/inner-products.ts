/** Inner products of the long columns the association fits work on (one value per day used). */

/** Σ a_i·b_i, added up in index order. */
export const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

/**
 * The lower triangle of the columns' inner products, m ≤ l at l·size + m. The dominant cost of
 * the lag scan (29·30/2 products over every day used) and of each AR(1) fit's normal equations,
 * so four products are summed side by side: four independent sums run several times faster than
 * one, and each is still added up day by day in order, so every product is bit for bit `dot`'s.
 */
export function lowerGram(columns: readonly Float64Array[]): Float64Array {
  const size = columns.length;
  const products = new Float64Array(size * size);
  for (let l = 0; l < size; l++) {
    const a = columns[l] as Float64Array;
    const n = a.length;
    let m = 0;
    for (; m + 3 <= l; m += 4) {
      const b0 = columns[m] as Float64Array;
      const b1 = columns[m + 1] as Float64Array;
      const b2 = columns[m + 2] as Float64Array;
      const b3 = columns[m + 3] as Float64Array;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const v = a[i] as number;
        s0 += v * (b0[i] as number);
        s1 += v * (b1[i] as number);
        s2 += v * (b2[i] as number);
        s3 += v * (b3[i] as number);
      }
      products[l * size + m] = s0;
      products[l * size + m + 1] = s1;
      products[l * size + m + 2] = s2;
      products[l * size + m + 3] = s3;
    }
    for (; m <= l; m++) products[l * size + m] = dot(a, columns[m] as Float64Array);
  }
  return products;
}
