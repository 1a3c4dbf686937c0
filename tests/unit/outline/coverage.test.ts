import type { SlideSource } from '../../../scripts/deck-source'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeSlide, loadDeck } from '../../../scripts/deck-source'

/**
 * The deck covers the outline: every section and subsection title of the outline appears in the
 * slides as Slidev parses them (slides.md and every `src:` page, notes included), and the copy of
 * the outline in outline/ matches the team's shared seed.
 */

const root = resolve(__dirname, '../../..')
const outlinePath = resolve(root, 'outline/000_f68183d21df79685.txt')
/** The team's shared copy, beside the repository on the team's machines and in CI. */
const sharedSeed = resolve(root, '../shared/seed')

/** Known misspellings in the outline's titles and how the deck (correctly) spells them. */
const OUTLINE_TYPOS: Record<string, string> = {
  Chinchillla: 'Chinchilla',
}

/** Outline title lines: "2.4.1 T5", "4.2 Meta(Facebook)", "6 其它想法". */
function outlineTitles(outline: string): { no: string, title: string }[] {
  return outline
    .split(/\r?\n/)
    .map(line => /^(\d+(?:\.\d+)*)\s+(\S.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => ({ no: m[1], title: m[2].trim() }))
}

/** Compares titles loosely: full-width ↔ ASCII (NFKC), case, whitespace and dash variants. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, '')
}

describe('outline coverage', () => {
  const titles = outlineTitles(readFileSync(outlinePath, 'utf8'))
  let slides: SlideSource[]
  let deck: string

  beforeAll(async () => {
    slides = (await loadDeck(resolve(root, 'slides.md'))).slides
    deck = normalise(slides.map(s => `${s.content}\n${s.note}`).join('\n'))
  })

  it('normalises full-width punctuation, case, spaces and dashes', () => {
    expect(normalise('Meta（Facebook）')).toBe(normalise('meta(facebook)'))
    expect(normalise('Megatron–Turing NLG')).toBe(normalise('Megatron-Turing  NLG'))
  })

  it('finds the outline\'s section titles', () => {
    const numbers = titles.map(t => t.no)
    for (const no of ['1', '2', '2.1', '2.4.1', '2.4.2', '3', '4', '4.1', '4.7.2', '5', '6'])
      expect(numbers, `outline section ${no}`).toContain(no)
    expect(new Set(numbers).size, 'section numbers are unique').toBe(numbers.length)
  })

  it.each(titles.map(t => [t.no, t.title] as const))('section %s "%s" appears in the slides', (no, title) => {
    const wanted = OUTLINE_TYPOS[title] ?? title
    expect(deck.includes(normalise(wanted)), `outline section ${no} "${title}" is on no slide and in no notes`).toBe(true)
  })

  // Every slide's notes: the presenter view shows them (tests/browser/presenter-notes.ts).
  it('gives every slide a title', () => {
    const untitled = slides.filter(s => !s.title && s.frontmatter.layout !== 'cover' && s.frontmatter.layout !== 'end')
    expect(untitled.map(s => `${describeSlide(s)}: no "# Title"`)).toEqual([])
  })
})

describe('the outline copy in outline/', () => {
  it.runIf(existsSync(sharedSeed))('matches the shared seed', () => {
    for (const file of ['000_f68183d21df79685.txt', 'errata.md'])
      expect(readFileSync(resolve(root, 'outline', file), 'utf8'), file).toBe(readFileSync(resolve(sharedSeed, file), 'utf8'))
  })
})
