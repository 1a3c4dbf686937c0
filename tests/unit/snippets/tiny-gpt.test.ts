import type { TinyGpt } from '../../../snippets/tiny-gpt'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { samplingDistribution } from '../../../snippets/sampling'
import { emptyCache, forward, generate, step } from '../../../snippets/tiny-gpt'
import { decode, encode, parseWeights, UNK } from '../../../snippets/tiny-gpt-weights'

/**
 * The TypeScript forward pass against PyTorch's, on the committed weights. The only expected
 * numbers are model/reference-logits.json: PyTorch's float64 pass over the exported float16 weights.
 */
const root = resolve(__dirname, '../../..')
const { model, vocab } = parseWeights(new Uint8Array(readFileSync(resolve(root, 'model/tiny-gpt.bin'))).buffer)
const { contextLength, heads, layers, width } = model.config

interface Case {
  prompt: string
  ids: number[]
  lastLogits: number[]
  lastAttention: number[][][] // [layer][head][position]
  positionLogitSums?: number[]
  positionLogitSquares?: number[]
  firstLayerAttention?: number[][][] // [head][row][column], PyTorch's masked matrix
}
const { cases } = JSON.parse(readFileSync(resolve(root, 'model/reference-logits.json'), 'utf8')) as { cases: Case[] }
const long = cases.find(c => c.firstLayerAttention)!

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length)
  let worst = 0
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!))
  return worst
}

/**
 * A second, independent forward pass: the whole sequence at once, matrices and an explicit causal
 * mask, no cache. Slow and plain; the KV-cached `step` must agree with it at every position.
 */
function fullForward(m: TinyGpt, ids: number[]): number[][] {
  const norm = (x: number[], g: Float32Array, b: Float32Array) => {
    const mean = x.reduce((s, v) => s + v, 0) / x.length
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length + 1e-5)
    return x.map((v, i) => (v - mean) / sd * g[i]! + b[i]!)
  }
  const affine = (x: number[], w: Float32Array, b: Float32Array) =>
    Array.from(b, (bias, o) => x.reduce((s, v, i) => s + v * w[o * x.length + i]!, bias))
  let xs = ids.map((id, t) => Array.from({ length: width }, (_, i) => m.tokenEmbedding[id * width + i]! + m.positionEmbedding[t * width + i]!))
  const size = width / heads
  for (const layer of m.layers) {
    const qkv = xs.map(x => affine(norm(x, layer.norm1.gain, layer.norm1.bias), layer.qkv.weight, layer.qkv.bias))
    const mixed = xs.map(() => Array.from<number>({ length: width }).fill(0))
    for (let h = 0; h < heads; h++) {
      const part = (row: number[], which: number) => row.slice(which * width + h * size, which * width + (h + 1) * size)
      for (let t = 0; t < ids.length; t++) {
        const scores = qkv.map((row, s) => s > t ? -Infinity : part(qkv[t]!, 0).reduce((sum, q, i) => sum + q * part(row, 1)[i]!, 0) / Math.sqrt(size))
        const exps = scores.map(v => Math.exp(v - Math.max(...scores)))
        const total = exps.reduce((a, b) => a + b, 0)
        exps.forEach((e, s) => part(qkv[s]!, 2).forEach((v, i) => mixed[t]![h * size + i] += e / total * v))
      }
    }
    xs = xs.map((x, t) => {
      const attended = affine(mixed[t]!, layer.proj.weight, layer.proj.bias).map((v, i) => v + x[i]!)
      const up = affine(norm(attended, layer.norm2.gain, layer.norm2.bias), layer.up.weight, layer.up.bias)
        .map(v => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))))
      return affine(up, layer.down.weight, layer.down.bias).map((v, i) => v + attended[i]!)
    })
  }
  return xs.map((x) => {
    const h = norm(x, m.finalNorm.gain, m.finalNorm.bias)
    return Array.from({ length: m.config.vocabSize }, (_, v) => h.reduce((s, hi, i) => s + hi * m.tokenEmbedding[v * width + i]!, 0))
  })
}

function take(prompt: number[], settings: Parameters<typeof generate>[2], seed: number, count: number) {
  const out = []
  for (const token of generate(model, prompt, settings, seed)) {
    out.push(token)
    if (out.length === count)
      break
  }
  return out
}

describe('tiny-gpt against PyTorch', () => {
  it('has fixture cases, the long one filling the context', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3)
    expect(long.ids).toHaveLength(contextLength)
  })

  it.each(cases.map(c => [JSON.stringify(c.prompt).slice(0, 24), c] as const))('%s: same ids, logits within 1e-3, last attention row within 1e-4', (_, c) => {
    expect(encode(c.prompt, vocab, contextLength).ids).toEqual(c.ids)
    const { logits, attention } = forward(model, c.ids)
    expect(maxDifference(logits, c.lastLogits)).toBeLessThan(1e-3)
    expect(attention).toHaveLength(layers)
    attention.forEach((layer, l) => layer.forEach((row, h) => expect(maxDifference(row, c.lastAttention[l]![h]!)).toBeLessThan(1e-4)))
  })

  it('the first layer\'s whole attention matrix matches PyTorch\'s, head by head', () => {
    const { matrix } = forward(model, long.ids)
    long.firstLayerAttention!.forEach((rows, h) => rows.forEach((reference, t) => {
      expect(maxDifference(matrix[0]![h]![t]!, reference.slice(0, t + 1))).toBeLessThan(1e-4)
    }))
  })
})

describe('causal masking', () => {
  it('no position attends to a later one and every row sums to 1 (here and in PyTorch)', () => {
    const { matrix } = forward(model, long.ids)
    for (const layer of matrix) {
      for (const rows of layer) {
        rows.forEach((row, t) => {
          expect(row).toHaveLength(t + 1) // columns t+1… do not exist: weight 0 above the diagonal
          expect(row.every(w => w >= 0)).toBe(true)
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
        })
      }
    }
    for (const rows of long.firstLayerAttention!)
      rows.forEach((row, t) => expect(row.slice(t + 1).every(w => w === 0)).toBe(true))
  })

  it('a later token does not change any earlier logits', () => {
    const ids = long.ids.slice(0, 12)
    const changed = [...ids.slice(0, 8), ...ids.slice(8).map(id => (id + 7) % model.config.vocabSize)]
    const a = fullForward(model, ids)
    const b = fullForward(model, changed)
    for (let t = 0; t < 8; t++)
      expect(maxDifference(a[t]!, b[t]!)).toBe(0)
    expect(maxDifference(a[8]!, b[8]!)).toBeGreaterThan(0)
  })
})

describe('kV cache', () => {
  it('incremental decoding gives a full forward pass\'s logits at every position', () => {
    const ids = long.ids.slice(0, 20)
    const full = fullForward(model, ids)
    const cache = emptyCache(model)
    ids.forEach((id, t) => expect(maxDifference(step(model, cache, id).logits, full[t]!)).toBeLessThan(1e-4))
  })

  it('matches PyTorch\'s full pass at every position of a full context (logit sums and squares)', () => {
    const cache = emptyCache(model)
    long.ids.forEach((id, t) => {
      const logits = step(model, cache, id).logits
      const sum = logits.reduce((a, b) => a + b, 0)
      const squares = logits.reduce((a, b) => a + b * b, 0)
      expect(Math.abs(sum - long.positionLogitSums![t]!)).toBeLessThan(5e-3)
      expect(Math.abs(squares - long.positionLogitSquares![t]!) / long.positionLogitSquares![t]!).toBeLessThan(1e-5)
    })
  })

  it('a prompt read in two parts, continuing the cache, gives what reading it at once gives', () => {
    const first = forward(model, long.ids.slice(0, 30))
    let last = first.logits
    for (const id of long.ids.slice(30))
      last = step(model, first.cache, id).logits
    expect(last).toEqual(forward(model, long.ids).logits)
  })

  it('refuses a position past the context, an unknown id and an empty prompt', () => {
    const { cache } = forward(model, long.ids)
    expect(() => step(model, cache, 0)).toThrow(/context is full/)
    expect(() => step(model, emptyCache(model), model.config.vocabSize)).toThrow(/not in the vocabulary/)
    expect(() => forward(model, [])).toThrow(/empty prompt/)
  })
})

describe('generation', () => {
  const prompt = encode('床前明月', vocab, contextLength).ids
  const settings = { temperature: 1, topK: 50, topP: 0.95 }

  it('is deterministic for a seed, and another seed gives another text', () => {
    const ids = (seed: number) => take(prompt, settings, seed, 40).map(t => t.id)
    expect(ids(1)).toEqual(ids(1))
    expect(ids(2)).not.toEqual(ids(1))
  })

  it('reports the probabilities it sampled from (samplingDistribution), most likely first', () => {
    const [first] = take(prompt, settings, 3, 1)
    const probs = samplingDistribution([...forward(model, prompt).logits], settings)
    for (const c of first!.candidates)
      expect(c.probability).toBe(probs[c.id])
    expect(first!.candidates.map(c => c.probability)).toEqual(first!.candidates.map(c => c.probability).sort((a, b) => b - a))
    expect(first!.candidates[0]!.probability).toBe(Math.max(...probs))
    expect(probs[first!.id]).toBeGreaterThan(0)
  })

  it('at temperature 0 takes the argmax of the logits, step after step', () => {
    const [a, b] = take(prompt, { temperature: 0, topK: 50, topP: 1 }, 4, 2)
    const argmax = (xs: Float32Array) => xs.indexOf(Math.max(...xs))
    expect(a!.id).toBe(argmax(forward(model, prompt).logits))
    expect(b!.id).toBe(argmax(forward(model, [...prompt, a!.id]).logits))
  })

  it('when the context is full, keeps its newer half and goes on from there', () => {
    const [a, b, c] = take(long.ids, settings, 5, 3)
    const window = [...long.ids, a!.id].slice(-contextLength / 2)
    const expected = samplingDistribution([...forward(model, window).logits], settings)
    b!.candidates.forEach(candidate => expect(candidate.probability).toBe(expected[candidate.id]))
    expect(c!.candidates[0]!.probability).toBe(Math.max(...samplingDistribution([...forward(model, [...window, b!.id]).logits], settings)))
  })
})

describe('text to ids', () => {
  const unk = vocab.indexOf(UNK)

  it('maps characters outside the vocabulary to <unk> and reports them; an emoji is one character', () => {
    const { ids, unknown } = encode('Hi😀风', vocab, contextLength)
    expect(ids).toEqual([unk, unk, unk, vocab.indexOf('风')])
    expect(unknown).toEqual([{ char: 'H', index: 0 }, { char: 'i', index: 1 }, { char: '😀', index: 2 }])
  })

  it('knows only simplified characters: the corpus was converted (风 is in, 風 is not)', () => {
    expect(vocab).toContain('风')
    expect(vocab).not.toContain('風')
    expect(encode('風', vocab, contextLength).unknown).toEqual([{ char: '風', index: 0 }])
  })

  it('starts an empty prompt from the line break', () => {
    expect(encode('', vocab, contextLength)).toEqual({ ids: [vocab.indexOf('\n')], unknown: [], dropped: 0 })
  })

  it('keeps the last contextLength characters of a long paste', () => {
    const paste = Array.from({ length: 100 }).fill('床前明月光，').join('').slice(0, 500)
    const { ids, dropped } = encode(paste, vocab, contextLength)
    expect(ids).toHaveLength(contextLength)
    expect(dropped).toBe(500 - contextLength)
    expect(decode(ids, vocab)).toBe(paste.slice(-contextLength))
  })

  it('reads ASCII , . as ，。, drops spaces, and decodes back', () => {
    expect(encode('床前 明月光,疑是.\r\n', vocab, contextLength).ids).toEqual(encode('床前明月光，疑是。\n', vocab, contextLength).ids)
    expect(decode(encode('举头望明月，\n', vocab, contextLength).ids, vocab)).toBe('举头望明月，\n')
  })
})
