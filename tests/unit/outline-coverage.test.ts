import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The deck must cover the outline: every section and subsection title of the outline appears in
 * the slide Markdown (slides.md + pages/*.md, notes included). Every slide of pages/*.md has a
 * title and speaker notes, and slides with clicks carry matching [click] markers in their notes.
 */

const root = resolve(__dirname, '../..')
const outlinePath = resolve(root, 'outline/000_f68183d21df79685.txt')
/** The team's shared copy, beside the repository on the team's machines and in CI. */
const sharedSeed = resolve(root, '../shared/seed')
const pagesDir = resolve(root, 'pages')

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

interface ParsedSlide {
  /** 1-based slide number within its file. */
  no: number
  /** 1-based line where the slide starts. */
  line: number
  frontmatter: string
  content: string
  note?: string
}

/**
 * Splits a Slidev Markdown file into slides the way Slidev's parser does: a `---` line ends a
 * slide; if the next line is not blank it opens that slide's frontmatter, closed by the next `---`.
 * Separators inside fenced code blocks and HTML comments do not count.
 */
function splitSlides(markdown: string): ParsedSlide[] {
  const lines = markdown.split(/\r?\n/)
  const slides: ParsedSlide[] = []
  let start = 0
  let fmStart = -1
  let fmEnd = -1
  let inComment = false

  const slice = (end: number) => {
    if (start === end)
      return
    const frontmatter = fmStart >= 0 ? lines.slice(fmStart + 1, fmEnd).join('\n') : ''
    let content = lines.slice(fmStart >= 0 ? fmEnd + 1 : start, end).join('\n').trim()
    let note: string | undefined
    const comments = [...content.matchAll(/<!--([\s\S]*?)-->/g)]
    const last = comments.at(-1)
    if (last?.index !== undefined && last.index + last[0].length >= content.length) {
      note = last[1].trim()
      content = content.slice(0, last.index).trim()
    }
    // Slidev keeps an empty leading chunk before the headmatter out of the deck; so do we.
    if (content || frontmatter || note !== undefined)
      slides.push({ no: slides.length + 1, line: start + 1, frontmatter, content, note })
    start = end + 1
    fmStart = -1
    fmEnd = -1
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd()
    if (inComment) {
      if (line.includes('-->'))
        inComment = false
      continue
    }
    if (line.startsWith('---')) {
      slice(i)
      if (line[3] !== '-' && lines[i + 1]?.trim()) {
        start = i
        fmStart = i
        for (i += 1; i < lines.length; i++) {
          if (lines[i].trimEnd() === '---')
            break
        }
        fmEnd = i
      }
    }
    else if (line.trimStart().startsWith('```')) {
      const fence = /^\s*`+/.exec(line)![0].trim()
      let j = i + 1
      while (j < lines.length && !lines[j].trimStart().startsWith(fence))
        j++
      if (j < lines.length)
        i = j
    }
    else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) {
      inComment = true
    }
  }
  slice(lines.length)
  return slides
}

/** The text without fenced code blocks (their `v-click` or `# ` lines are code, not slide markup). */
function stripFences(text: string): string {
  let fence = ''
  return text.split('\n').filter((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (!fence && marker) {
      fence = marker
      return false
    }
    if (fence) {
      if (marker?.startsWith(fence))
        fence = ''
      return false
    }
    return true
  }).join('\n')
}

/** Clicks a slide's own Markdown asks for, or `undefined` when a component decides how many. */
function expectedClicks(content: string, clickingComponents: string[]): { exact?: number, any: boolean } {
  const stripped = stripFences(content)
  let count = 0
  // <v-clicks> … </v-clicks>: one click per top-level list item.
  const withoutBlocks = stripped.replace(/<v-clicks\b[^>]*>([\s\S]*?)<\/v-clicks>/g, (_, body: string) => {
    const items = body.split('\n').filter(l => /^\s*(?:[-*+]|\d+\.)\s/.test(l))
    const indent = Math.min(...items.map(l => /^\s*/.exec(l)![0].length))
    count += items.filter(l => /^\s*/.exec(l)![0].length === indent).length
    return ''
  })
  // v-click attributes and <v-click> elements (not v-click-hide's twin v-after, which adds none).
  count += (withoutBlocks.match(/<v-click\b|\sv-click(?=[\s=>/])/g) ?? []).length
  const fromComponents = clickingComponents.some(name => new RegExp(`<${name}\\b`).test(stripped))
  return fromComponents ? { any: true } : { exact: count, any: count > 0 }
}

const clickMarkers = (note = '') => (note.match(/\[click(?::\d+)?\]/g) ?? []).length

/** Components whose template reveals parts with v-click: their slides need at least one marker. */
function clickingComponents(): string[] {
  const dir = resolve(root, 'components')
  return readdirSync(dir)
    .filter(f => f.endsWith('.vue'))
    .filter(f => /\sv-click(?=[\s=>/])|<v-clicks?\b/.test(readFileSync(resolve(dir, f), 'utf8')))
    .map(f => f.replace(/\.vue$/, ''))
}

const pageFiles = readdirSync(pagesDir).filter(f => f.endsWith('.md')).sort()
const pages = pageFiles.map(f => ({ file: `pages/${f}`, slides: splitSlides(readFileSync(resolve(pagesDir, f), 'utf8')) }))
const deckMarkdown = [readFileSync(resolve(root, 'slides.md'), 'utf8'), ...pageFiles.map(f => readFileSync(resolve(pagesDir, f), 'utf8'))].join('\n')

describe('slide splitter', () => {
  it('splits on separators, reads frontmatter and notes, ignores --- in code and comments', () => {
    const md = [
      '---',
      'layout: section',
      'routeAlias: intro',
      '---',
      '',
      '# One',
      '',
      '<!--',
      'note one',
      '---',
      '-->',
      '',
      '---',
      '',
      '# Two',
      '',
      '```yaml',
      '---',
      'a: 1',
      '---',
      '```',
      '',
      '---',
      'class: x',
      '---',
      '',
      '# Three',
    ].join('\n')
    const slides = splitSlides(md)
    expect(slides.map(s => s.no)).toEqual([1, 2, 3])
    expect(slides[0].frontmatter).toContain('routeAlias: intro')
    expect(slides[0].note).toBe('note one\n---')
    expect(slides[1].content).toContain('a: 1')
    expect(slides[1].note).toBeUndefined()
    expect(slides[2].frontmatter).toBe('class: x')
    expect(slides[2].content).toBe('# Three')
  })

  it('counts clicks from v-click, <v-click> and <v-clicks> lists', () => {
    expect(expectedClicks('<div v-click>a</div>\n<v-click>b</v-click>', [])).toEqual({ exact: 2, any: true })
    expect(expectedClicks('<v-clicks>\n\n- a\n  - a.1\n- b\n\n</v-clicks>', [])).toEqual({ exact: 2, any: true })
    expect(expectedClicks('# Plain', [])).toEqual({ exact: 0, any: false })
    expect(expectedClicks('```html\n<div v-click>x</div>\n```', [])).toEqual({ exact: 0, any: false })
    expect(expectedClicks('<Masks />', ['Masks'])).toEqual({ any: true })
  })
})

describe('outline coverage', () => {
  const titles = outlineTitles(readFileSync(outlinePath, 'utf8'))

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

  const deck = normalise(deckMarkdown)
  it.each(titles.map(t => [t.no, t.title] as const))('section %s "%s" appears in the slides', (no, title) => {
    const wanted = OUTLINE_TYPOS[title] ?? title
    expect(deck.includes(normalise(wanted)), `outline section ${no} "${title}" is not in slides.md or pages/*.md (slides or notes)`).toBe(true)
  })
})

describe('slide hygiene in pages/*.md', () => {
  const clicking = clickingComponents()
  const all = pages.flatMap(p => p.slides.map(s => ({ ...s, file: p.file })))

  it('every page file has slides', () => {
    for (const p of pages)
      expect(p.slides.length, `${p.file} has no slides`).toBeGreaterThan(0)
  })

  it.each(all.map(s => [`${s.file} slide ${s.no} (line ${s.line})`, s] as const))('%s has a title and notes', (where, slide) => {
    const layout = /^layout:\s*(\S+)/m.exec(slide.frontmatter)?.[1]
    if (layout !== 'cover' && layout !== 'end')
      expect(/^# \S/m.test(stripFences(slide.content)), `${where}: no "# Title" (h1)`).toBe(true)
    expect(slide.note?.trim(), `${where}: no speaker notes <!-- … --> at the end of the slide`).toBeTruthy()
  })

  it.each(all.map(s => [`${s.file} slide ${s.no} (line ${s.line})`, s] as const))('%s has [click] markers matching its clicks', (where, slide) => {
    const clicks = expectedClicks(slide.content, clicking)
    const markers = clickMarkers(slide.note)
    if (clicks.exact !== undefined)
      expect(markers, `${where}: ${clicks.exact} click(s) on the slide but ${markers} [click] marker(s) in the notes`).toBe(clicks.exact)
    else
      expect(markers, `${where}: a component on this slide reveals parts on click, but the notes have no [click] marker`).toBeGreaterThan(0)
  })
})

describe('the outline copy in outline/', () => {
  it.runIf(existsSync(sharedSeed))('matches the shared seed', () => {
    for (const file of ['000_f68183d21df79685.txt', 'errata.md'])
      expect(readFileSync(resolve(root, 'outline', file), 'utf8'), file).toBe(readFileSync(resolve(sharedSeed, file), 'utf8'))
  })
})
