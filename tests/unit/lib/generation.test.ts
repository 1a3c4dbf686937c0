import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_DEFAULTS, HEATMAP_LIMIT } from '../../../composables/demo-defaults'
import { TINY_GPT_SNAPSHOT } from '../../../composables/tiny-gpt-snapshot'
import { capChars, Continuation, continueWith, drawCharacter, heatmapInput, nextCharacter, promptNotes, readChars, shownToken, validIds } from '../../../lib/generation'
import { readModel, snapshotOf } from '../../../scripts/tiny-gpt-snapshot'
import { samplingDistribution } from '../../../snippets/sampling'
import { forward, generate } from '../../../snippets/tiny-gpt'
import { encode, UNK } from '../../../snippets/tiny-gpt-weights'

/** The generation demo's model side against the snippet's own `generate`, on the committed weights. */
const loaded = readModel()
const { model, vocab } = loaded
const { contextLength, vocabSize } = model.config
const record = JSON.parse(readFileSync(resolve(__dirname, '../../../model/training-record.json'), 'utf8'))
const settings = { temperature: 0.8, topK: 40, topP: 0.95 }
const ids = (text: string) => encode(text, vocab, contextLength).ids

describe('the generation demo, drawing one character per press', () => {
  it('writes what generate() writes with the same settings and seed, past the 64-character window', () => {
    const prompt = ids('床前明月')
    const expected = generate(model, prompt, settings, 7, 8)
    const run = new Continuation(model, prompt)
    for (let draw = 0; draw < contextLength + 20; draw++) {
      const want = expected.next().value!
      const next = nextCharacter(run.logits, settings, 8)
      expect(next.probs).toEqual(samplingDistribution([...run.logits], settings))
      const id = drawCharacter(next.probs, 7, draw)
      expect(id, `character ${draw}`).toBe(want.id)
      run.push(id)
    }
  })

  it('extends a continuation by one step when only a character was added, and starts over otherwise', () => {
    const prompt = ids('春眠不觉')
    const first = continueWith(model, undefined, prompt, [3, 10])
    const longer = continueWith(model, first, prompt, [3, 10, 20])
    expect(longer).toBe(first)
    const fresh = new Continuation(model, prompt)
    ;[3, 10, 20].forEach(id => fresh.push(id))
    expect(Array.from(longer.logits)).toEqual(Array.from(fresh.logits))
    expect(continueWith(model, longer, prompt, [3, 11])).not.toBe(longer)
    expect(continueWith(model, longer, ids('白日依山'), [3, 10, 20])).not.toBe(longer)
  })

  it('shows the likeliest candidates by the model\'s own distribution, the sampled one beside it, and the rest', () => {
    const { logits } = forward(model, ids('床前明月'))
    const next = nextCharacter(logits, settings, 8)
    expect(next.candidates).toHaveLength(8)
    const bases = next.candidates.map(c => c.base)
    expect([...bases].sort((a, b) => b - a)).toEqual(bases)
    for (const c of next.candidates)
      expect(c.probability).toBe(next.probs[c.id])
    expect(next.rest.count).toBe(vocabSize - 8)
    expect(bases.reduce((a, b) => a + b, 0) + next.rest.base).toBeCloseTo(1, 9)
    // Temperature 0: everything on the argmax, which is the first candidate.
    const greedy = nextCharacter(logits, { temperature: 0, topK: vocabSize, topP: 1 })
    expect(greedy.candidates[0]!.probability).toBe(1)
    expect(greedy.candidates.slice(1).every(c => c.probability === 0)).toBe(true)
    expect(greedy.candidates[0]!.id).toBe(Array.from(logits).indexOf(Math.max(...logits)))
  })

  it('starts from the settings the training run sampled its checkpoints with', () => {
    expect(DEMO_DEFAULTS.sampling.temperature).toBe(record.sampling.temperature)
    expect(DEMO_DEFAULTS.sampling.topK).toBe(record.sampling.topK)
    expect(record.sampling.prompts).toContain(DEMO_DEFAULTS.sampling.prompt)
  })
})

describe('odd prompts: a note for the room, never an error', () => {
  const notes = (text: string) => promptNotes(text, encode(text, vocab, contextLength), contextLength)

  it('says nothing about a plain prompt', () => {
    expect(notes('床前明月')).toEqual([])
  })

  it('names an empty prompt, unknown characters as <unk>, and a long paste cut to the context', () => {
    expect(notes('')).toEqual([expect.stringContaining('提示是空的')])
    expect(notes('   ')).toEqual([expect.stringContaining('提示是空的')])
    const emoji = notes('😀床前')
    expect(emoji).toHaveLength(1)
    expect(emoji[0]).toContain(`1 个字不在词表里，读作 ${UNK}：「😀」`)
    expect(notes('hello')[0]).toContain('5 个字不在词表里')
    // Traditional characters: the corpus was simplified; 覺 is not in the vocabulary, 觉 is.
    expect(notes('春眠不覺')[0]).toContain('「覺」')
    expect(notes('春眠不觉')).toEqual([])
    const long = notes('床'.repeat(500))
    expect(long).toEqual([`提示有 500 个字，模型只读最后 ${contextLength} 个`])
    expect(notes('abcdefghij')[0]).toMatch(/「a」「b」「c」「d」等（/)
  })

  it('caps a paste at the limit without splitting an emoji, and keeps only vocabulary ids', () => {
    expect(capChars('😀'.repeat(10), 3)).toBe('😀😀😀')
    expect(capChars('床前', 3)).toBe('床前')
    expect(validIds([2, 3, vocabSize, 4], vocabSize)).toEqual([2, 3])
    expect(validIds([2, -1], vocabSize)).toEqual([2])
    expect(validIds([2, 1.5], vocabSize)).toEqual([2])
  })

  it('reads a text for the heat map as the model does: <unk> shown as typed, the last characters kept', () => {
    const encoded = encode('a 床😀', vocab, contextLength)
    expect(readChars(encoded, vocab)).toEqual(['a', '床', '😀'])
    const text = '床前明月光，疑是地上霜。举头望明月，低头思故乡。春眠不觉晓'
    const input = heatmapInput(text, vocab, contextLength, HEATMAP_LIMIT)
    expect(input.ids).toHaveLength(HEATMAP_LIMIT)
    expect(input.chars).toEqual(Array.from(text).slice(-HEATMAP_LIMIT))
    expect(heatmapInput('', vocab, contextLength, HEATMAP_LIMIT).chars).toEqual(['\n'])
    expect(shownToken('\n')).toBe('↵')
  })
})

describe('the snapshot the PDF and the first paint show', () => {
  it('is what the committed weights compute for the default states (else: npx tsx scripts/tiny-gpt-snapshot.ts)', () => {
    expect(TINY_GPT_SNAPSHOT).toEqual(snapshotOf(loaded))
  })

  it('writes the default prompt\'s first line but its last character, which the PDF shows being chosen', () => {
    const { sampling } = TINY_GPT_SNAPSHOT
    expect(sampling.tokens).toContain('，')
    expect(sampling.tokens).not.toContain('。')
    expect(sampling.steps.at(-1)!.candidates[0]!.probability).toBeLessThan(0.5)
    expect(sampling.steps).toHaveLength(sampling.drawn.length + 1)
    expect(sampling.drawn.map(id => vocab[id])).toEqual(sampling.tokens)
  })
})
