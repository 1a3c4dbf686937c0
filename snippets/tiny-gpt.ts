import type { SamplingSettings } from './sampling'
import { sampleIndex, samplingDistribution, seededUniform, softmax } from './sampling'

/** A decoder-only Transformer that reads and writes one character per position. */
export interface TinyGptConfig {
  vocabSize: number
  contextLength: number // positions it has embeddings for: the most it can look back
  width: number // numbers per position
  layers: number
  heads: number // each head works on width / heads of those numbers
}
/** y = W·x + b, W stored row by row as PyTorch stores it: [outputs][inputs]. */
export interface Linear { weight: Float32Array, bias: Float32Array }
export interface Norm { gain: Float32Array, bias: Float32Array }
export interface Layer { norm1: Norm, qkv: Linear, proj: Linear, norm2: Norm, up: Linear, down: Linear }
export interface TinyGpt {
  config: TinyGptConfig
  tokenEmbedding: Float32Array // [vocabSize][width]; read backwards it is also the output layer
  positionEmbedding: Float32Array // [contextLength][width], learned
  layers: Layer[]
  finalNorm: Norm
}

function linear(x: Float32Array, { weight, bias }: Linear): Float32Array {
  const out = new Float32Array(bias.length)
  for (let o = 0; o < out.length; o++) {
    let sum = bias[o]!
    for (let i = 0, row = o * x.length; i < x.length; i++)
      sum += weight[row + i]! * x[i]!
    out[o] = sum
  }
  return out
}

/** Shifts and scales x to mean 0, variance 1, then applies the learned gain and bias. */
function layerNorm(x: Float32Array, { gain, bias }: Norm): Float32Array {
  const mean = x.reduce((s, v) => s + v, 0) / x.length
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length
  const scale = 1 / Math.sqrt(variance + 1e-5)
  return x.map((v, i) => (v - mean) * scale * gain[i]! + bias[i]!)
}

/** GELU in its tanh form, as trained: a smooth ReLU. */
const gelu = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)))

/** Keys and values of every position fed so far, per layer: nothing is ever computed twice. */
export interface KvCache { length: number, keys: Float32Array[], values: Float32Array[] }

export function emptyCache({ config: { layers, contextLength, width } }: TinyGpt): KvCache {
  const blank = () => Array.from({ length: layers }, () => new Float32Array(contextLength * width))
  return { length: 0, keys: blank(), values: blank() }
}

/** One layer's cache as a head reads it: keys and values of positions 0…t, row by row. */
interface Kv { keys: Float32Array, values: Float32Array, width: number, size: number }

// #region attention
/** Head h of position t: its query meets the keys of 0…t, all the cache holds. */
function attendHead(qkv: Float32Array, kv: Kv, t: number, h: number, out: Float32Array) {
  const { width, size } = kv // numbers per position, and per head
  const scores = Array.from({ length: t + 1 }, (_, s) => {
    let dot = 0
    for (let i = h * size; i < (h + 1) * size; i++) // this head's slice only
      dot += qkv[i]! * kv.keys[s * width + i]!
    return dot / Math.sqrt(size) // scaled, so the softmax stays soft as heads get wider
  })
  const w = softmax(scores) // w[s]: how much position t takes from position s
  w.forEach((ws, s) => {
    for (let i = h * size; i < (h + 1) * size; i++) // mix the values by weight
      out[i] += ws * kv.values[s * width + i]!
  })
  return w
}
// #endregion attention

/**
 * Causal self-attention of the newest position t. Its query meets the keys of positions 0…t,
 * which is all the cache holds: later positions do not exist yet, so the mask is free.
 */
function attend(x: Float32Array, layer: Layer, keys: Float32Array, values: Float32Array, t: number, heads: number) {
  const width = x.length
  const qkv = linear(x, layer.qkv) // [query | key | value]
  keys.set(qkv.subarray(width, 2 * width), t * width)
  values.set(qkv.subarray(2 * width), t * width)
  const kv = { keys, values, width, size: width / heads }
  const mixed = new Float32Array(width) // each head fills its own slice
  const weights = Array.from({ length: heads }, (_, h) => attendHead(qkv, kv, t, h, mixed))
  return { out: linear(mixed, layer.proj), weights }
}

// #region block
/** One pre-LayerNorm block: x += attention(norm(x)), then x += MLP(norm(x)). */
function block(x: Float32Array, layer: Layer, cache: KvCache, l: number, heads: number) {
  const attention = attend(layerNorm(x, layer.norm1), layer, cache.keys[l]!, cache.values[l]!, cache.length, heads)
  const mid = x.map((v, i) => v + attention.out[i]!)
  const mlp = linear(linear(layerNorm(mid, layer.norm2), layer.up).map(gelu), layer.down)
  return { x: mid.map((v, i) => v + mlp[i]!), weights: attention.weights }
}
// #endregion block

/** Scores for the next token, and attention[layer][head][s]: what the newest position took from s. */
export interface StepResult { logits: Float32Array, attention: number[][][] }

/** Feeds one token at the next free position and keeps its keys and values in the cache. */
export function step(model: TinyGpt, cache: KvCache, id: number): StepResult {
  const { width, contextLength, vocabSize, heads } = model.config
  const t = cache.length
  if (t >= contextLength)
    throw new RangeError(`tiny-gpt: the context is full (${contextLength} positions)`)
  if (!Number.isInteger(id) || id < 0 || id >= vocabSize)
    throw new RangeError(`tiny-gpt: token id ${id} is not in the vocabulary`)
  let x = model.tokenEmbedding.slice(id * width, (id + 1) * width).map((v, i) => v + model.positionEmbedding[t * width + i]!)
  const attention = model.layers.map((layer, l) => {
    const out = block(x, layer, cache, l, heads)
    x = out.x
    return out.weights
  })
  cache.length++
  // Tied output: the token embedding read backwards, a score per token for how close x is to it.
  const logits = linear(layerNorm(x, model.finalNorm), { weight: model.tokenEmbedding, bias: new Float32Array(vocabSize) })
  return { logits, attention }
}

/** A whole prompt, position by position; `matrix[layer][head]` holds every row (a heat map). */
export function forward(model: TinyGpt, ids: number[]) {
  if (ids.length === 0)
    throw new RangeError('tiny-gpt: nothing to read (empty prompt)')
  const cache = emptyCache(model)
  const matrix = model.layers.map(() => Array.from({ length: model.config.heads }, () => [] as number[][]))
  let last!: StepResult
  for (const id of ids) {
    last = step(model, cache, id)
    last.attention.forEach((heads, l) => heads.forEach((row, h) => matrix[l]![h]!.push(row)))
  }
  return { ...last, cache, matrix }
}

// #region generate
export interface Candidate { id: number, probability: number }
/** The chosen token, the likeliest candidates as sampled, and the attention that led to them. */
export interface Generated { id: number, candidates: Candidate[], attention: number[][][] }

/**
 * One character per next(): logits → samplingDistribution (temperature, top-k, top-p) → the
 * seed's draw. When the window is full it keeps its newer half and recomputes that half's cache,
 * once every contextLength / 2 characters; every other step is a single position.
 */
export function* generate(model: TinyGpt, promptIds: number[], settings: SamplingSettings, seed: number, shown = 5): Generator<Generated> {
  const { contextLength } = model.config
  let window = promptIds.slice(-contextLength)
  let { logits, attention, cache } = forward(model, window)
  for (let draw = 0; ; draw++) {
    const probs = samplingDistribution([...logits], settings)
    const id = sampleIndex(probs, seededUniform(seed, draw))
    const candidates = probs.map((probability, i) => ({ id: i, probability }))
      .sort((a, b) => b.probability - a.probability || a.id - b.id)
      .slice(0, shown)
    yield { id, candidates, attention }
    window = [...window, id]
    if (cache.length === contextLength) {
      window = window.slice(-contextLength / 2);
      ({ logits, attention, cache } = forward(model, window))
    }
    else {
      ({ logits, attention } = step(model, cache, id))
    }
  }
}
// #endregion generate
