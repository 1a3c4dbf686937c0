/** Result of routing one token: the chosen experts and their mixing weights. */
export interface Routing {
  /** Indices of the chosen experts, highest gate probability first. */
  indices: number[]
  /** Mixing weights of the chosen experts; they sum to 1. */
  weights: number[]
}

// #region gating
/** Numerically stable softmax. */
export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits)
  const exps = logits.map(l => Math.exp(l - max))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map(e => e / sum)
}

/** Top-k gating (GLaM: k = 2 of 64 experts). */
export function topKGating(logits: number[], k: number): Routing {
  if (!Number.isInteger(k) || k < 1 || k > logits.length)
    throw new RangeError(`k must be in 1..${logits.length}, got ${k}`)
  const probs = softmax(logits)
  const indices = probs
    .map((p, i) => [p, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i)
  const kept = indices.reduce((s, i) => s + probs[i]!, 0)
  return { indices, weights: indices.map(i => probs[i]! / kept) }
}
// #endregion gating

// #region layer
export type Vector = number[]
export type Expert = (x: Vector) => Vector

/** One MoE feed-forward layer for one token: only the k routed experts run. */
export function moeLayer(x: Vector, experts: Expert[], gate: (x: Vector) => number[], k: number): Vector {
  const logits = gate(x)
  if (logits.length !== experts.length)
    throw new RangeError(`gate gave ${logits.length} logits for ${experts.length} experts`)
  const { indices, weights } = topKGating(logits, k)
  const out: Vector = x.map(() => 0)
  indices.forEach((e, j) => {
    const y = experts[e]!(x) // unchosen experts are never called: that is the saving
    y.forEach((v, d) => (out[d]! += weights[j]! * v))
  })
  return out
}
// #endregion layer
