import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/** How the next token is chosen from the model's scores (logits). */
export interface SamplingSettings {
  /** 0 = always the most likely token (greedy); 1 = the model's own distribution; > 1 flatter. */
  temperature: number
  /** Keep only the k most likely tokens (k ≥ number of tokens: no cut). */
  topK: number
  /** Keep the smallest set of most likely tokens whose probability reaches p (1: no cut). */
  topP: number
}

// #region temperature
/** Softmax of logits / T; T → 0 puts all the probability on the argmax. */
export function softmax(logits: number[], temperature = 1): number[] {
  if (temperature <= 0) {
    const best = logits.indexOf(Math.max(...logits))
    return logits.map((_, i) => (i === best ? 1 : 0))
  }
  const scaled = logits.map(l => l / temperature)
  const max = Math.max(...scaled) // subtract the max: exp() never overflows
  const exps = scaled.map(s => Math.exp(s - max))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map(e => e / sum)
}
// #endregion temperature

// #region top-k
/** Token indices, most likely first (ties: lower index first). */
function byProbability(probs: number[]): number[] {
  return probs.map((_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b)
}

/** Zeroes every token outside `keep`, then rescales the rest to sum to 1. */
function renormalise(probs: number[], keep: Set<number>): number[] {
  const mass = probs.reduce((s, p, i) => (keep.has(i) ? s + p : s), 0)
  return probs.map((p, i) => (keep.has(i) ? p / mass : 0))
}

/** Top-k: keep the k most likely tokens. */
export function topK(probs: number[], k: number): number[] {
  return renormalise(probs, new Set(byProbability(probs).slice(0, Math.max(1, k))))
}
// #endregion top-k

// #region top-p
/** Top-p (nucleus): the fewest most likely tokens whose mass reaches p. */
export function topP(probs: number[], p: number): number[] {
  const keep = new Set<number>()
  let mass = 0
  for (const i of byProbability(probs)) {
    keep.add(i)
    mass += probs[i]!
    if (mass >= p - 1e-12) // 1e-12: rounding must not drop a token the maths keeps
      break
  }
  return renormalise(probs, keep)
}
// #endregion top-p

// #region sample
/** The distribution actually sampled from: temperature, then top-k, then top-p. */
export function samplingDistribution(logits: number[], s: SamplingSettings) {
  return topP(topK(softmax(logits, s.temperature), s.topK), s.topP)
}

/** Picks a token with a uniform u in [0, 1): walk the cumulative sums. */
export function sampleIndex(probs: number[], u: number): number {
  let cumulative = 0
  for (let i = 0; i < probs.length; i++) {
    cumulative += probs[i]!
    if (u < cumulative)
      return i
  }
  // u ≈ 1 and rounding: the last token still allowed
  let last = probs.length - 1
  while (last > 0 && probs[last] === 0)
    last--
  return last
}
// #endregion sample

/**
 * The first `count` uniform numbers in [0, 1) of a seeded generator: the same seed replays the
 * same draws, so a rehearsal and the talk show the same tokens.
 */
export function seededUniforms(seed: number, count: number): number[] {
  const rng = xoroshiro128plus(seed)
  return Array.from({ length: count }, () => uniformFloat64(rng))
}

/** The `draw`-th (0-based) of those numbers. */
export function seededUniform(seed: number, draw: number): number {
  return seededUniforms(seed, draw + 1)[draw]!
}
