/**
 * The talk's rules that can be read from the sources, before any browser runs: the time budget
 * (section minutes, 【计时】 lines, the closing slide's Q&A minutes against the headmatter
 * `duration`) and the speaker notes (a spoken part of 2–6 sentences on every presented slide,
 * characters within the time, `## 备查` at most once, nothing about the code base).
 *
 * `npm run check:talk` prints the budget per section and every problem, for the authors.
 */
import type { DeckSource, SlideSource } from './deck-source'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import process from 'node:process'
import { parseTimeString } from '@slidev/parser/utils'
import { describeSlide, loadDeck, splitPresented } from './deck-source'
import { clockAt, codeBaseMentions, countChars, parseTiming, sentences, splitNote } from './notes'

/** `routeAlias` of the closing slide 「谢谢」, which holds the Q&A minutes. */
export const THANKS_ALIAS = 'thanks'
/** Spoken characters a minute can hold (≈ 230 planned, 250 allowed). */
export const CHARS_PER_MINUTE = 250
/** All presented slides' spoken parts together: ≈ 55 minutes at 230 a minute. */
export const SPOKEN_TOTAL_LIMIT = 13_000
export const SENTENCES = { min: 2, max: 6 } as const

export interface Section {
  /** Number of the section's page files (`pages/04-1-google.md` → `04`); the cover joins the first. */
  key?: string
  first: SlideSource
  slides: SlideSource[]
  /** Declared in the first slide's frontmatter. */
  minutes?: number
  /** The closing slide, alone: Q&A. */
  qa?: boolean
}

export interface TalkReport {
  sections: Section[]
  /** Minutes of the headmatter `duration`. */
  durationMinutes?: number
  /** Spoken characters per presented slide. */
  spoken: { no: number, chars: number, sentences: number }[]
  spokenTotal: number
  /** One list per rule; every entry names the slide (file, number, line). */
  timing: string[]
  spokenPart: string[]
  budget: string[]
  noteFormat: string[]
  codeTalk: string[]
}

/** `pages/04-1-google.md` → `04`; files without a leading number (slides.md) → undefined. */
export function sectionKey(file: string): string | undefined {
  return /^(\d+)(?=[-_.])/.exec(basename(file))?.[1]
}

/**
 * The presented part in sections: a section is the run of page files sharing a leading number
 * (`04-overview`, `04-1-google` … are section 4); the cover and agenda (`slides.md`) join the
 * first section, whose first page slide declares its minutes; the closing slide is a section of its
 * own (Q&A).
 */
export function sectionsOf(presented: SlideSource[]): Section[] {
  const sections: Section[] = []
  let current: Section | undefined
  for (const slide of presented) {
    const minutes = typeof slide.frontmatter.minutes === 'number' ? slide.frontmatter.minutes : undefined
    if (slide.frontmatter.routeAlias === THANKS_ALIAS) {
      sections.push({ key: sectionKey(slide.file), first: slide, slides: [slide], minutes, qa: true })
      current = undefined
      continue
    }
    const key = sectionKey(slide.file)
    if (!current || (key !== undefined && current.key !== undefined && key !== current.key)) {
      current = { key, first: slide, slides: [], minutes }
      sections.push(current)
    }
    else if (current.key === undefined && key !== undefined) {
      // The cover and agenda belong to section 1, whose own first slide declares the minutes.
      current.key = key
      current.first = slide
      current.minutes = minutes
    }
    current.slides.push(slide)
  }
  return sections
}

/** Component names and package names a note must not mention (read from the repository). */
export function codeBaseNames(root = '.'): { components: string[], packages: string[] } {
  const components = readdirSync(resolve(root, 'components'))
    .filter(name => name.endsWith('.vue'))
    .map(name => name.replace(/\.vue$/, ''))
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>
  const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    // Fonts and type packages are named after what they are for (Inter, node): not code talk.
    .filter(name => !/^@(?:types|fontsource|fontsource-variable)\//.test(name))
  return { components, packages }
}

function durationMinutes(duration: unknown): number | undefined {
  if (typeof duration !== 'string' && typeof duration !== 'number')
    return undefined
  try {
    return parseTimeString(duration).seconds / 60
  }
  catch {
    return undefined
  }
}

/** Checks the time budget and the speaker notes of a parsed deck. */
export function checkTalk(deck: DeckSource, names = codeBaseNames()): TalkReport {
  const { presented } = splitPresented(deck.slides)
  const sections = sectionsOf(presented)
  const where = (slide: SlideSource) => describeSlide(slide)
  const report: TalkReport = {
    sections,
    durationMinutes: durationMinutes(deck.headmatter.duration),
    spoken: [],
    spokenTotal: 0,
    timing: [],
    spokenPart: [],
    budget: [],
    noteFormat: [],
    codeTalk: [],
  }

  // Time budget: minutes on each section's first slide, Q&A on the closing slide, sum = duration.
  const thanks = presented.filter(slide => slide.frontmatter.routeAlias === THANKS_ALIAS)
  if (!thanks.length)
    report.timing.push(`no closing slide with \`routeAlias: ${THANKS_ALIAS}\` in the presented part (it holds the Q&A minutes)`)
  else if (thanks[0] !== presented.at(-1))
    report.timing.push(`${where(thanks[0])}: the closing slide must be the last presented slide (the backup part starts after it with \`routeAlias: backup\`)`)
  const firsts = new Set(sections.map(section => section.first))
  for (const slide of presented) {
    const { minutes } = slide.frontmatter
    if (minutes !== undefined && (typeof minutes !== 'number' || !(minutes > 0)))
      report.timing.push(`${where(slide)}: \`minutes: ${String(minutes)}\` is not a positive number`)
    else if (minutes !== undefined && !firsts.has(slide))
      report.timing.push(`${where(slide)}: declares \`minutes: ${minutes}\` but does not open a section (only a section's first slide and the closing slide do)`)
  }
  let elapsed = 0
  for (const section of sections) {
    const { first } = section
    if (section.minutes === undefined) {
      report.timing.push(`${where(first)}: opens ${section.qa ? 'Q&A (the closing slide)' : 'a section'} but declares no \`minutes\` in its frontmatter`)
      continue
    }
    elapsed += section.minutes
    const { timing } = splitNote(first.note)
    if (!timing) {
      if (!section.qa)
        report.timing.push(`${where(first)}: a section's first slide opens its notes with 【计时】本节 ${section.minutes} 分钟，计时器到 ${clockAt(elapsed)} 讲完。`)
      continue
    }
    const stated = parseTiming(timing)
    if (stated.minutes !== section.minutes)
      report.timing.push(`${where(first)}: 【计时】 says ${stated.minutes ?? 'no'} minutes, the frontmatter says ${section.minutes}`)
    if (stated.end !== clockAt(elapsed))
      report.timing.push(`${where(first)}: 【计时】 says the section ends at ${stated.end ?? '(no MM:SS)'}, the minutes add up to ${clockAt(elapsed)}`)
  }
  const declared = sections.map(section => section.minutes ?? 0)
  const sum = declared.reduce((a, b) => a + b, 0)
  if (report.durationMinutes === undefined)
    report.timing.push(`the headmatter has no readable \`duration\` (e.g. \`duration: 60min\`)`)
  else if (sum !== report.durationMinutes)
    report.timing.push(`the minutes add up to ${sum} (${declared.join(' + ')}), the headmatter \`duration\` is ${report.durationMinutes}`)

  // Notes: spoken part, 【计时】 only on first slides, 备查 once, no code talk.
  for (const slide of deck.slides) {
    const note = splitNote(slide.note)
    if (note.referenceHeadings > 1)
      report.noteFormat.push(`${where(slide)}: \`## 备查\` appears ${note.referenceHeadings} times (at most once)`)
    const otherHeadings = slide.note.split('\n').filter(line => /^##\s/.test(line) && !/^##\s+备查\s*$/.test(line))
    if (otherHeadings.length)
      report.noteFormat.push(`${where(slide)}: notes use a level-2 heading other than \`## 备查\` (the presenter view quiets everything from the first one): ${otherHeadings[0].trim()}`)
  }
  for (const slide of presented) {
    const note = splitNote(slide.note)
    for (const line of note.misplacedTiming)
      report.timing.push(`${where(slide)}: 【计时】 on line ${line} of the notes; it belongs on the first line`)
    if (note.timing && !firsts.has(slide))
      report.timing.push(`${where(slide)}: 【计时】 line on a slide that does not open a section`)
    const said = sentences(note.spoken)
    const chars = countChars(note.spoken)
    report.spoken.push({ no: slide.no, chars, sentences: said.length })
    report.spokenTotal += chars
    if (!said.length)
      report.spokenPart.push(`${where(slide)}: no spoken part (the notes must open with what to say, before \`## 备查\`)`)
    else if (said.length < SENTENCES.min || said.length > SENTENCES.max)
      report.spokenPart.push(`${where(slide)}: spoken part has ${said.length} sentences (${SENTENCES.min}–${SENTENCES.max}): "${note.spoken.replace(/\s+/g, ' ').slice(0, 40)}…"`)
    const mentions = codeBaseMentions(slide.note, names)
    if (mentions.length)
      report.codeTalk.push(`${where(slide)}: notes talk about the code base: ${mentions.slice(0, 5).join(', ')}`)
  }
  if (report.spokenTotal > SPOKEN_TOTAL_LIMIT)
    report.budget.push(`the presented slides' spoken parts hold ${report.spokenTotal} characters (at most ${SPOKEN_TOTAL_LIMIT})`)
  const charsOf = new Map(report.spoken.map(s => [s.no, s.chars]))
  for (const section of sections) {
    if (section.minutes === undefined)
      continue
    const chars = section.slides.reduce((n, slide) => n + (charsOf.get(slide.no) ?? 0), 0)
    const budget = section.minutes * CHARS_PER_MINUTE
    if (chars > budget)
      report.budget.push(`${where(section.first)}: the section's spoken parts hold ${chars} characters, ${section.minutes} minutes allow ${budget}`)
  }
  return report
}

/** A table of the budget per section, for `npm run check:talk` and the test output. */
export function budgetTable(report: TalkReport): string {
  const charsOf = new Map(report.spoken.map(s => [s.no, s.chars]))
  const rows = report.sections.map((section) => {
    const chars = section.slides.reduce((n, slide) => n + (charsOf.get(slide.no) ?? 0), 0)
    const budget = section.minutes === undefined ? '—' : String(section.minutes * CHARS_PER_MINUTE)
    const name = section.qa ? 'Q&A' : section.first.title
    return `  ${String(section.slides.length).padStart(3)} slides  ${String(section.minutes ?? '?').padStart(3)} min  ${String(chars).padStart(6)} / ${budget.padStart(5)} chars  ${section.first.file}: ${name}`
  })
  return [
    ...rows,
    `  spoken total ${report.spokenTotal} / ${SPOKEN_TOTAL_LIMIT} characters; presented slides ${report.spoken.length}; duration ${report.durationMinutes ?? '?'} min`,
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = checkTalk(await loadDeck(process.argv[2] ?? 'slides.md'))
  console.log(budgetTable(report))
  const lists = { 'timing': report.timing, 'spoken part': report.spokenPart, 'budget': report.budget, 'note format': report.noteFormat, 'code talk': report.codeTalk }
  let count = 0
  for (const [name, problems] of Object.entries(lists)) {
    count += problems.length
    if (problems.length)
      console.log(`\n${name} (${problems.length}):\n  ${problems.join('\n  ')}`)
  }
  process.exitCode = count ? 1 : 0
}
