import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { emptyCache, generate, step } from '../snippets/tiny-gpt'
import { encode, parseWeights } from '../snippets/tiny-gpt-weights'

/**
 * `npm run model:bench`: time per generated character in Node for the shipped weights, reported
 * (never asserted). Generation = one KV-cached step + samplingDistribution + the seeded draw; the
 * step alone is timed too. Medians over `--chars` characters (default 100) after a warm-up.
 */
const chars = Number(process.argv[process.argv.indexOf('--chars') + 1]) || 100
const file = join(dirname(fileURLToPath(import.meta.url)), 'tiny-gpt.bin')

const loadStart = performance.now()
const { model, vocab, parameters } = parseWeights(new Uint8Array(readFileSync(file)).buffer)
const loadMs = performance.now() - loadStart
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!

function timeGeneration(count: number): number[] {
  const tokens = generate(model, encode('床前明月', vocab, model.config.contextLength).ids, { temperature: 0.8, topK: 40, topP: 0.95 }, 1)
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    tokens.next()
    times.push(performance.now() - t0)
  }
  return times.slice(1) // the first call also reads the prompt
}

function timeSteps(count: number): number[] {
  const cache = emptyCache(model)
  const times: number[] = []
  for (let i = 0; i < Math.min(count, model.config.contextLength); i++) {
    const t0 = performance.now()
    step(model, cache, 2 + (i % 50))
    times.push(performance.now() - t0)
  }
  return times
}

timeGeneration(30) // warm-up: let the JIT compile the loops
timeSteps(30)
const generation = timeGeneration(chars + 1)
const steps = timeSteps(chars)
const ms = (x: number) => `${x.toFixed(2)} ms`
process.stdout.write([
  `tiny-gpt: ${parameters.toLocaleString('en')} parameters, ${model.config.layers} layers × ${model.config.heads} heads, width ${model.config.width}, vocabulary ${model.config.vocabSize}, context ${model.config.contextLength}`,
  `Node ${process.version}; weights parsed in ${ms(loadMs)}`,
  `per generated character (${generation.length}): median ${ms(median(generation))}, p90 ${ms(percentile(generation, 0.9))}, max ${ms(Math.max(...generation))} (includes a context slide every ${model.config.contextLength / 2} characters)`,
  `forward step alone (${steps.length} positions from an empty cache): median ${ms(median(steps))}`,
].join('\n').concat('\n'))
