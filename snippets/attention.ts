export type Matrix = number[][]
/** Additive mask: 0 = may attend, -Infinity = hidden (softmax turns it into weight 0). */
export type Mask = Matrix

// #region masks
function buildMask(n: number, visible: (i: number, j: number) => boolean): Mask {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (visible(i, j) ? 0 : -Infinity)))
}

/** Encoder / BERT: every position sees every position (bidirectional). */
export const fullyVisibleMask = (n: number): Mask => buildMask(n, () => true)

/** Decoder / GPT: position i sees only positions j ≤ i (left to right). */
export const causalMask = (n: number): Mask => buildMask(n, (i, j) => j <= i)

/** Prefix LM (T5) / GLM: bidirectional inside the prefix, causal after it. */
export function prefixMask(n: number, prefixLen: number): Mask {
  return buildMask(n, (i, j) => j < prefixLen || j <= i)
}
// #endregion masks

// #region attention
function softmax(row: number[]): number[] {
  const max = Math.max(...row)
  const exps = row.map(x => Math.exp(x - max))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map(e => e / sum)
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0)

/** Scaled dot-product attention: softmax(Q·Kᵀ / √d + mask) · V. */
export function attention(q: Matrix, k: Matrix, v: Matrix, mask?: Mask) {
  const d = k[0].length
  const weights = q.map((qi, i) => softmax(
    k.map((kj, j) => dot(qi, kj) / Math.sqrt(d) + (mask?.[i][j] ?? 0)),
  ))
  const output = weights.map(w =>
    v[0].map((_, c) => w.reduce((s, wj, j) => s + wj * v[j][c], 0)))
  return { weights, output }
}
// #endregion attention
