/**
 * The format of a presented slide's speaker notes:
 *
 *   【计时】本节 12 分钟，计时器到 15:00 讲完。   ← a section's first slide only, first line
 *   Two to six spoken sentences, [click] paragraphs.
 *   ## 备查                                       ← optional, once: reference material
 *   - 大纲原文：……
 */
import { formatClock } from '../lib/pacing'

/** The heading that starts the reference part, exactly as written in the notes. */
export const REFERENCE_HEADING = '## 备查'
/** Marks the timing line. */
export const TIMING_MARK = '【计时】'

const REFERENCE_LINE = /^##[ \t]+备查[ \t]*$/
const CLICK_MARKER = /\[click(?::\d+)?\]/g

export interface SplitNote {
  /** The 【计时】 line when the note opens with one. */
  timing?: string
  /** What the speaker says: before `## 备查`, without the 【计时】 line and [click] markers. */
  spoken: string
  /** Everything after the `## 备查` heading ('' when there is none). */
  reference: string
  /** How many `## 备查` headings the note has (at most one is allowed). */
  referenceHeadings: number
  /** 1-based lines (within the note) of 【计时】 marks that are not the note's first line. */
  misplacedTiming: number[]
  /** 1-based line (within the note) where the reference part's heading is, if any. */
  referenceLine?: number
}

/** Splits a slide's raw notes into the 【计时】 line, the spoken part and the 备查 part. */
export function splitNote(note: string): SplitNote {
  const lines = note.replace(/\r\n?/g, '\n').split('\n')
  const headingLines = lines.flatMap((line, i) => REFERENCE_LINE.test(line) ? [i] : [])
  const cut = headingLines[0] ?? lines.length
  const before = lines.slice(0, cut)
  const firstText = before.findIndex(line => line.trim() !== '')
  let timing: string | undefined
  if (firstText >= 0 && before[firstText].trim().startsWith(TIMING_MARK)) {
    timing = before[firstText].trim()
    before.splice(firstText, 1, '')
  }
  const misplacedTiming = lines.flatMap((line, i) =>
    line.includes(TIMING_MARK) && !(i === firstText && timing) ? [i + 1] : [])
  return {
    timing,
    spoken: before.join('\n').replace(CLICK_MARKER, '').trim(),
    reference: headingLines.length ? lines.slice(cut + 1).join('\n').trim() : '',
    referenceHeadings: headingLines.length,
    misplacedTiming,
    referenceLine: headingLines.length ? cut + 1 : undefined,
  }
}

/** Characters that count: everything but whitespace. */
export function countChars(text: string): number {
  return text.replace(/\s+/g, '').length
}

/**
 * The sentences of a spoken part: runs ending in 。？！ (closing quotes after the mark belong to
 * the sentence); a final run without the mark counts as a sentence too. Markdown list bullets
 * and emphasis do not matter here.
 */
export function sentences(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/[^。？！]+(?:[。？！]+[」』）”]*|$)/g)) {
    const sentence = match[0].trim()
    if (/[\p{L}\p{N}]/u.test(sentence))
      found.push(sentence)
  }
  return found
}

/** `15` → `15:00`, `2.5` → `02:30`: the timer's reading after that many minutes. */
export function clockAt(minutes: number): string {
  return formatClock(minutes * 60)
}

/** Reads 「本节 12 分钟，计时器到 15:00 讲完」: the minutes and the end time it states. */
export function parseTiming(line: string): { minutes?: number, end?: string } {
  const minutes = /(\d+(?:\.\d+)?)\s*分钟/.exec(line)
  const end = /(\d{1,3}:\d{2})/.exec(line)
  return {
    minutes: minutes ? Number(minutes[1]) : undefined,
    end: end ? end[1].padStart(5, '0') : undefined,
  }
}

/**
 * Mentions of the code base in a note: file paths and source extensions, the deck's own
 * component names, the packages it is built with, and tests. `components` and `packages` come
 * from the repository (components/*.vue, package.json), so new ones are covered.
 */
export function codeBaseMentions(text: string, known: { components: string[], packages: string[] }): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const patterns: RegExp[] = [
    /(?:^|[\s(（「])(?:\.{0,2}\/)?(?:[\w@-]+\/)+[\w.-]+\.\w+/gm, // a path with a file name
    /\b[\w-]+\.(?:ts|tsx|js|mjs|vue|css|json|md)\b/g, // a source file
    /单元测试|浏览器测试|测试文件|测试用例|\bunit tests?\b|\bvitest\b|\bplaywright\b|\bslidev\b|\bunocss\b|\bd3\b/gi,
  ]
  if (known.components.length)
    patterns.push(new RegExp(`(?<![\\w-])(?:${known.components.map(escape).join('|')})(?![\\w-])`, 'g'))
  if (known.packages.length)
    patterns.push(new RegExp(`(?<![\\w@/-])(?:${known.packages.map(escape).join('|')})(?![\\w-])`, 'gi'))
  // Links to sources are fine: a URL's path is not the code base.
  const prose = text.replace(/https?:\/\/\S+/g, ' ')
  const found = new Set<string>()
  for (const pattern of patterns) {
    for (const match of prose.matchAll(pattern))
      found.add(match[0].trim().replace(/^[(（「]/, ''))
  }
  // `data/models.ts` also matches as `models.ts`, `d3-scale` as `d3`: name each mention once.
  return [...found].filter(item => ![...found].some(other => other !== item && other.includes(item)))
}
