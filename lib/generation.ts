/**
 * The live generation demo's model side, without the DOM: a prompt and the ids drawn after it fed
 * to the tiny GPT exactly as `generate` (snippets/tiny-gpt.ts) feeds them, the next character's
 * distribution under the sampling settings, and what to tell the room about an odd prompt. The
 * sampling itself is snippets/sampling.ts, unchanged.
 */
import type { SamplingSettings } from '../snippets/sampling'
import type { KvCache, TinyGpt } from '../snippets/tiny-gpt'
import type { Encoded } from '../snippets/tiny-gpt-weights'
import { sampleIndex, samplingDistribution, seededUniform, softmax } from '../snippets/sampling'
import { forward, step } from '../snippets/tiny-gpt'
import { encode, LINE_BREAK, UNK } from '../snippets/tiny-gpt-weights'

/**
 * A prompt's ids and the ids drawn after it, fed one at a time. When the 64 positions are full it
 * keeps the newer half and recomputes it, as `generate` does, so the same seed and settings give
 * the same characters here as there.
 */
export class Continuation {
  readonly drawn: number[] = []
  logits: Float32Array
  /** attention[layer][head][s]: what the newest position took from position s of the window. */
  attention: number[][][]
  private window: number[]
  private cache: KvCache

  constructor(private readonly model: TinyGpt, readonly prompt: readonly number[]) {
    this.window = prompt.slice(-model.config.contextLength)
    const { logits, attention, cache } = forward(model, this.window)
    this.logits = logits
    this.attention = attention
    this.cache = cache
  }

  push(id: number): void {
    this.drawn.push(id)
    this.window.push(id)
    if (this.cache.length === this.model.config.contextLength) {
      this.window = this.window.slice(-this.model.config.contextLength / 2)
      ;({ logits: this.logits, attention: this.attention, cache: this.cache } = forward(this.model, this.window))
    }
    else {
      ;({ logits: this.logits, attention: this.attention } = step(this.model, this.cache, id))
    }
  }
}

const samePrefix = (a: readonly number[], b: readonly number[]) => a.length <= b.length && a.every((x, i) => x === b[i])

/**
 * The continuation of `prompt` by `drawn`: `previous` extended when it is the same prompt and has
 * drawn a prefix of these ids (a new draw costs one step), a fresh one otherwise.
 */
export function continueWith(model: TinyGpt, previous: Continuation | undefined, prompt: readonly number[], drawn: readonly number[]): Continuation {
  const reuse = previous && previous.prompt.length === prompt.length && samePrefix(previous.prompt, prompt) && samePrefix(previous.drawn, drawn)
  const run = reuse ? previous : new Continuation(model, prompt)
  for (const id of drawn.slice(run.drawn.length))
    run.push(id)
  return run
}

/** One candidate for the next character: the model's own probability and the one sampled from. */
export interface Candidate { id: number, base: number, probability: number }

export interface NextCharacter {
  /** The distribution actually sampled from (temperature, top-k, top-p), over the whole vocabulary. */
  probs: number[]
  /** The `shown` likeliest by the model's own distribution (temperature 1), likeliest first. */
  candidates: Candidate[]
  /** Everything else together. */
  rest: { count: number, base: number, probability: number }
}

export function nextCharacter(logits: ArrayLike<number>, settings: SamplingSettings, shown = 8): NextCharacter {
  const scores = Array.from(logits)
  const base = softmax(scores, 1)
  const probs = samplingDistribution(scores, settings)
  const order = base.map((_, i) => i).sort((a, b) => base[b]! - base[a]! || a - b).slice(0, shown)
  const candidates = order.map(id => ({ id, base: base[id]!, probability: probs[id]! }))
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  return {
    probs,
    candidates,
    rest: {
      count: scores.length - candidates.length,
      base: Math.max(0, 1 - sum(candidates.map(c => c.base))),
      probability: Math.max(0, 1 - sum(candidates.map(c => c.probability))),
    },
  }
}

/** The `draw`-th character (0-based) after the prompt: the seed's `draw`-th number, as `generate` draws. */
export function drawCharacter(probs: number[], seed: number, draw: number): number {
  return sampleIndex(probs, seededUniform(seed, draw))
}

/** A token as the slide prints it: the line break as ↵. */
export function shownToken(token: string): string {
  return token === LINE_BREAK ? '↵' : token
}

/** Notes for the room about a prompt the model reads differently from how it was typed. */
export function promptNotes(typed: string, encoded: Encoded, contextLength: number): string[] {
  const notes: string[] = []
  const read = Array.from(typed.replace(/[ \t\u3000\r\n]/g, ''))
  if (read.length === 0)
    notes.push('提示是空的：模型从换行写起，像开始一首新诗')
  if (encoded.unknown.length) {
    const unique = [...new Set(encoded.unknown.map(u => u.char))]
    const listed = unique.slice(0, 4).map(c => `「${c}」`).join('')
    notes.push(`${encoded.unknown.length} 个字不在词表里，读作 ${UNK}：${listed}${unique.length > 4 ? '等' : ''}（字母、表情、繁体字都不认识）`)
  }
  if (encoded.dropped)
    notes.push(`提示有 ${encoded.ids.length + encoded.dropped} 个字，模型只读最后 ${contextLength} 个`)
  return notes
}

/** The first `limit` characters (code points) of a paste, never cutting a surrogate pair. */
export function capChars(text: string, limit: number): string {
  const chars = Array.from(text)
  return chars.length <= limit ? text : chars.slice(0, limit).join('')
}

/** The leading ids that are tokens of the vocabulary: a window never feeds the model anything else. */
export function validIds(ids: readonly number[], vocabSize: number): number[] {
  const bad = ids.findIndex(id => !Number.isInteger(id) || id < 0 || id >= vocabSize)
  return (bad < 0 ? ids : ids.slice(0, bad)) as number[]
}

/** The characters the model read, one per id: each <unk> shown as the character typed there. */
export function readChars(encoded: Encoded, vocab: readonly string[]): string[] {
  const chars = encoded.ids.map(id => vocab[id] ?? UNK)
  for (const { char, index } of encoded.unknown)
    chars[index - encoded.dropped] = char
  return chars
}

/** The attention demo's input: the last `limit` characters the model reads of `text`, with their ids. */
export function heatmapInput(text: string, vocab: readonly string[], contextLength: number, limit: number) {
  const encoded = encode(text, vocab as string[], contextLength)
  return { encoded, ids: encoded.ids.slice(-limit), chars: readChars(encoded, vocab).slice(-limit) }
}

/** What data/generated/tiny-gpt-snapshot.json holds (written by scripts/tiny-gpt-snapshot.ts): the demos' default states, computed. */
export interface SnapshotCandidate { token: string, base: number, probability: number }
export interface TinyGptSnapshot {
  sampling: {
    prompt: string
    temperature: number
    topK: number
    topP: number
    seed: number
    /** Drawn with those settings and that seed: the first line after the prompt, but its last character. */
    drawn: number[]
    tokens: string[]
    /** steps[k]: the candidates after k of those characters. */
    steps: { candidates: SnapshotCandidate[], rest: { count: number, base: number, probability: number } }[]
  }
  attention: {
    text: string
    /** The characters along the axes, as the model read them (an <unk> as it was typed). */
    chars: string[]
    /** matrix[layer][head][t][s], three decimals. */
    matrix: number[][][][]
  }
}
