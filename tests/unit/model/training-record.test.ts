import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseWeights } from '../../../snippets/tiny-gpt-weights'

/** The committed run (model/training-record.json) agrees with the committed weights and vocabulary. */
const dir = resolve(__dirname, '../../../model')
const read = (name: string) => JSON.parse(readFileSync(resolve(dir, name), 'utf8'))
const record = read('training-record.json')
const weightsBytes = statSync(resolve(dir, 'tiny-gpt.bin')).size
const { model, vocab, parameters } = parseWeights(new Uint8Array(readFileSync(resolve(dir, 'tiny-gpt.bin'))).buffer)
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

describe('the training record', () => {
  it('is a full run, one train loss per step', () => {
    expect(record.smoke).toBe(false)
    expect(record.trainLoss).toHaveLength(record.training.steps)
    expect(record.trainLoss.every(Number.isFinite)).toBe(true)
  })

  it('describes the committed weights: at most 3 MB, its size, config and parameter count', () => {
    expect(weightsBytes).toBeLessThanOrEqual(3_000_000)
    expect(record.weightsBytes).toBe(weightsBytes)
    expect(record.config).toEqual(model.config)
    expect(record.parameters).toBe(parameters)
  })

  it('and the committed vocabulary', () => {
    expect(read('vocab.json').tokens).toEqual(vocab)
    expect(record.corpus.vocabularyCharacters + 2).toBe(vocab.length) // + line break and <unk>
  })

  it('shows the loss going down, on the training batches and on the held-out poems', () => {
    expect(mean(record.trainLoss.slice(-100))).toBeLessThan(mean(record.trainLoss.slice(0, 10)))
    const heldOut = record.heldOutLoss as { step: number, loss: number }[]
    expect(heldOut[0]!.step).toBe(0)
    expect(heldOut.at(-1)!.step).toBe(record.training.steps)
    expect(heldOut.at(-1)!.loss).toBeLessThan(heldOut[0]!.loss)
  })

  it('has samples at step 0, early, in the middle and at the end, each continuing its prompt', () => {
    const steps = record.samples.map((s: { step: number }) => s.step)
    const last = record.training.steps
    expect(steps[0]).toBe(0)
    expect(steps.some((s: number) => s > 0 && s < last / 2)).toBe(true)
    expect(steps).toContain(Math.floor(last / 2))
    expect(steps.at(-1)).toBe(last)
    for (const { texts } of record.samples) {
      expect(texts).toHaveLength(record.sampling.prompts.length)
      texts.forEach((text: string, i: number) => expect(text.startsWith(record.sampling.prompts[i])).toBe(true))
    }
  })

  it('gives the corpus figures, consistent with each other', () => {
    const c = record.corpus
    expect(c.source).toMatchObject({ name: 'chinese-poetry', version: '2.0.1' })
    expect(c.trainPoems + c.heldOutPoems).toBe(c.poemsKept)
    expect(c.poemsKept + c.duplicatesDropped).toBeLessThanOrEqual(c.poemsRead)
    expect(c.coverage.train).toBeGreaterThan(0)
    expect(c.coverage.train).toBeLessThanOrEqual(1)
    expect(record.wallSeconds).toBeGreaterThanOrEqual(record.trainSeconds)
  })
})
