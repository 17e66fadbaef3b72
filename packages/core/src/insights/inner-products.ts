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
 * so the products are worked out in blocks of two rows by four columns, eight sums side by side:
 * each value loaded serves several sums, and each sum is still added up day by day in order, so
 * every product is bit for bit `dot`'s.
 */
export function lowerGram(columns: readonly Float64Array[]): Float64Array {
  const size = columns.length;
  const products = new Float64Array(size * size);
  let l = 0;
  for (; l + 1 < size; l += 2) {
    const a0 = columns[l] as Float64Array;
    const a1 = columns[l + 1] as Float64Array;
    const n = a0.length;
    const row0 = l * size;
    const row1 = row0 + size;
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
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let i = 0; i < n; i++) {
        const u = a0[i] as number;
        const v = a1[i] as number;
        const c0 = b0[i] as number;
        const c1 = b1[i] as number;
        const c2 = b2[i] as number;
        const c3 = b3[i] as number;
        s0 += u * c0;
        s1 += u * c1;
        s2 += u * c2;
        s3 += u * c3;
        t0 += v * c0;
        t1 += v * c1;
        t2 += v * c2;
        t3 += v * c3;
      }
      products[row0 + m] = s0;
      products[row0 + m + 1] = s1;
      products[row0 + m + 2] = s2;
      products[row0 + m + 3] = s3;
      products[row1 + m] = t0;
      products[row1 + m + 1] = t1;
      products[row1 + m + 2] = t2;
      products[row1 + m + 3] = t3;
    }
    for (; m <= l; m++) {
      const b = columns[m] as Float64Array;
      let s = 0;
      let t = 0;
      for (let i = 0; i < n; i++) {
        const c = b[i] as number;
        s += (a0[i] as number) * c;
        t += (a1[i] as number) * c;
      }
      products[row0 + m] = s;
      products[row1 + m] = t;
    }
    products[row1 + l + 1] = dot(a1, a1);
  }
  if (l < size) {
    // The last row when the count is odd.
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
