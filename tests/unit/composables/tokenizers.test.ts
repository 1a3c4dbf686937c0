import { describe, expect, it } from 'vitest'
import { DEMO_DEFAULTS } from '../../../composables/demo-defaults'
import { capText, chipsOf, ENCODINGS, loadTokenizer, TEXT_LIMIT, tokenize } from '../../../composables/tokenizers'
import tokenizerSnapshot from '../../../data/generated/tokenizer-snapshot.json'
import { snapshotOf } from '../../../scripts/tokenizer-snapshot'

describe('the vocabularies shipped in gpt-tokenizer', () => {
  it('encode known examples (tiktoken\'s own test values)', async () => {
    const r50k = await loadTokenizer('r50k_base')
    const cl100k = await loadTokenizer('cl100k_base')
    expect(r50k.encode('hello world')).toEqual([31373, 995])
    expect(cl100k.encode('hello world')).toEqual([15339, 1917])
    expect(r50k.vocabularySize).toBe(50257)
    expect(cl100k.vocabularySize).toBeGreaterThan(100_000)
  })

  it('encode special-token text as plain text instead of throwing', async () => {
    const r50k = await loadTokenizer('r50k_base')
    const ids = r50k.encode('a<|endoftext|>b')
    expect(ids).not.toContain(50256)
    expect(ids.length).toBeGreaterThan(3)
  })

  it('load once: the same tokenizer object for every call', async () => {
    expect(await loadTokenizer('r50k_base')).toBe(await loadTokenizer('r50k_base'))
  })
})

describe('chips', () => {
  const samples = ['hello world', '大语言模型', 'unbelievable results', '👩‍💻 emoji ✨ and 漢字', 'tabs\tand\nnewlines  ', '']

  it.each(ENCODINGS.map(e => e.name))('of %s cover the text exactly, with every id once', async (name) => {
    const tokenizer = await loadTokenizer(name)
    for (const text of samples) {
      const { ids, chips } = tokenize(tokenizer, text)
      expect(chips.map(c => c.text).join('')).toBe(text)
      expect(chips.flatMap(c => c.ids)).toEqual(ids)
      expect(chips.every(c => c.text.length > 0)).toBe(true)
    }
  })

  it('group the byte tokens of one character: a CJK character costs r50k_base several tokens', async () => {
    const r50k = await loadTokenizer('r50k_base')
    const cl100k = await loadTokenizer('cl100k_base')
    const old = tokenize(r50k, '语言')
    expect(old.chips.map(c => c.text)).toEqual(['语', '言'])
    expect(old.ids.length).toBeGreaterThan(2)
    const current = tokenize(cl100k, '语言')
    expect(current.chips.map(c => c.text)).toEqual(['语', '言'])
    expect(current.chips.map(c => c.ids.length)).toEqual([1, 1])
  })

  it('keep the text when byte counts disagree, never dropping characters', () => {
    expect(chipsOf('abc', [1, 2], () => 1)).toEqual([{ text: 'a', ids: [1] }, { text: 'b', ids: [2] }, { text: 'c', ids: [] }])
    expect(chipsOf('ab', [1], () => 5)).toEqual([{ text: 'ab', ids: [1] }])
  })

  it('show the point of the slide on the default sentence: Chinese costs r50k_base about two tokens a character, cl100k_base about one', async () => {
    const chinese = DEMO_DEFAULTS.tokenizer.text.match(/^[^ a-z]+/i)![0]
    expect(Array.from(chinese).length).toBeGreaterThan(10)
    const [old, current] = await Promise.all(ENCODINGS.map(async e => tokenize(await loadTokenizer(e.name), chinese)))
    expect(old!.charsPerToken).toBeLessThan(0.6)
    expect(current!.charsPerToken).toBeGreaterThan(0.9)
    const [whole, wholeNow] = await Promise.all(ENCODINGS.map(async e => tokenize(await loadTokenizer(e.name), DEMO_DEFAULTS.tokenizer.text)))
    expect(whole!.ids.length).toBeGreaterThan(1.5 * wholeNow!.ids.length)
  })
})

describe('the input cap', () => {
  it('keeps at most TEXT_LIMIT characters, counting an emoji as one and never splitting it', () => {
    expect(Array.from(capText('x'.repeat(5000)))).toHaveLength(TEXT_LIMIT)
    const emoji = capText('😀'.repeat(5000))
    expect(Array.from(emoji)).toHaveLength(TEXT_LIMIT)
    expect(emoji).toBe('😀'.repeat(TEXT_LIMIT))
    expect(capText('短')).toBe('短')
  })
})

describe('the snapshot shown before a vocabulary loads', () => {
  it('is the current tokenization of the default sentence (regenerate: npx tsx scripts/tokenizer-snapshot.ts)', async () => {
    expect(tokenizerSnapshot.text).toBe(DEMO_DEFAULTS.tokenizer.text)
    expect(tokenizerSnapshot.encodings).toEqual(await snapshotOf(tokenizerSnapshot.text))
  })
})
