/**
 * Writes data/generated/tiny-gpt-snapshot.json: what the tiny GPT's two demos show in their default
 * state, computed from model/tiny-gpt.bin, so their slides show the real model before (or
 * without) loading its weights: in the PDF, the notes handout, the pptx, the overview and the
 * first paint. The generation demo's default prompt, its first characters drawn with the default
 * settings and seed (the PDF shows them), and the candidates at each of those steps; the
 * attention demo's default text with every head's matrix. `tests/unit/lib/generation.test.ts`
 * fails when it is stale.
 *   npx tsx scripts/tiny-gpt-snapshot.ts
 */
import type { TinyGptSnapshot } from '../lib/generation'
import type { LoadedModel } from '../snippets/tiny-gpt-weights'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import process from 'node:process'
import { DEMO_DEFAULTS, HEATMAP_LIMIT } from '../composables/demo-defaults'
import { Continuation, drawCharacter, heatmapInput, nextCharacter } from '../lib/generation'
import { forward } from '../snippets/tiny-gpt'
import { encode, parseWeights } from '../snippets/tiny-gpt-weights'

/** Candidates shown per step, as the slide shows them. */
export const SHOWN = 8
/**
 * The PDF's continuation: the model's first line (until 「。」, at most this many characters) but
 * its last character, so the page shows the model choosing how to end the line.
 */
const MAX_PREWRITTEN = 16

const fixed = (x: number, digits: number) => Number(x.toFixed(digits))
/** Six significant digits: a probability of 1e-7 stays above zero (zero means cut). */
const precise = (x: number) => Number(x.toPrecision(6))

export function readModel(): LoadedModel {
  return parseWeights(new Uint8Array(readFileSync('model/tiny-gpt.bin')).buffer)
}

export function snapshotOf({ model, vocab }: LoadedModel): TinyGptSnapshot {
  const { prompt, temperature, topK, topP, seed } = DEMO_DEFAULTS.sampling
  const settings = { temperature, topK, topP }
  const run = new Continuation(model, encode(prompt, vocab, model.config.contextLength).ids)
  const steps: TinyGptSnapshot['sampling']['steps'] = []
  for (;;) {
    const next = nextCharacter(run.logits, settings, SHOWN)
    steps.push({
      candidates: next.candidates.map(c => ({ token: vocab[c.id]!, base: precise(c.base), probability: precise(c.probability) })),
      rest: { count: next.rest.count, base: precise(next.rest.base), probability: precise(next.rest.probability) },
    })
    if (run.drawn.length && (vocab[run.drawn.at(-1)!] === '。' || run.drawn.length >= MAX_PREWRITTEN))
      break
    run.push(drawCharacter(next.probs, seed, run.drawn.length))
  }
  const kept = Math.max(1, run.drawn.length - 2)
  const { ids, chars } = heatmapInput(DEMO_DEFAULTS.attention.text, vocab, model.config.contextLength, HEATMAP_LIMIT)
  const { matrix } = forward(model, ids)
  return {
    sampling: { prompt, temperature, topK, topP, seed, drawn: run.drawn.slice(0, kept), tokens: run.drawn.slice(0, kept).map(id => vocab[id]!), steps: steps.slice(0, kept + 1) },
    attention: { text: DEMO_DEFAULTS.attention.text, chars, matrix: matrix.map(heads => heads.map(rows => rows.map(row => row.map(w => fixed(w, 3))))) },
  }
}

/** Generated, not edited: the demos' default states, for their first paint and the PDF. */
export const SNAPSHOT_FILE = 'data/generated/tiny-gpt-snapshot.json'

if (import.meta.url === `file://${process.argv[1]}`) {
  const snapshot = snapshotOf(readModel())
  await writeFile(SNAPSHOT_FILE, `${JSON.stringify(snapshot)}\n`)
  console.log(`${SNAPSHOT_FILE} written`)
}
