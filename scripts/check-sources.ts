/**
 * Checks the slide sources before anything is built, and names the file and line of each problem:
 *
 *   tsx scripts/check-sources.ts [slides.md]       (also run by the unit tests, so by `npm test`)
 *
 * Slidev forgives these silently, and a room full of people finds them: frontmatter that is not
 * YAML, an unknown layout (both fall back to the default look and drop `routeAlias`), a section
 * the agenda does not list or cannot link to, a link with no slide behind it, two slides merged by
 * a missing `---`, a hand-numbered 「(n/m)」 in a title, a Mermaid block without `accTitle`/`accDescr`, one that shows its red error box
 * on the projector.
 *
 * The agenda is built from the slides (lib/agenda.ts): a slide with an `agenda:` summary in its
 * frontmatter is an entry and links to its `routeAlias`.
 */
import type { SourceSlideInfo } from '@slidev/types'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { load } from '@slidev/parser/fs'
import { THANKS_ALIAS } from './talk-rules'

export interface SourceProblem {
  /** Relative to the deck's folder. */
  file: string
  /** 1-based. */
  line: number
  message: string
}

export const formatProblem = (p: SourceProblem) => `${p.file}:${p.line}: ${p.message}`

/** Keys that only make sense in frontmatter: in a slide's body they mean a `---` went missing. */
const FRONTMATTER_KEYS = ['layout', 'routeAlias', 'agenda', 'minutes', 'class', 'clicks', 'clicksStart', 'transition', 'level', 'hideInToc', 'hide', 'disabled', 'src', 'zoom', 'preload', 'background', 'image', 'title']
const FRONTMATTER_LINE = new RegExp(`^(?:${FRONTMATTER_KEYS.join('|')}):(?:\\s|$)`)

/** Layouts Slidev can resolve: its own, the theme's, the deck's `layouts/`. */
function knownLayouts(root: string, theme: string): Set<string> {
  const require = createRequire(import.meta.url)
  const packageDir = (name: string) => {
    try {
      return dirname(require.resolve(`${name}/package.json`, { paths: [root, process.cwd()] }))
    }
    catch {
      return undefined
    }
  }
  const themeDir = theme.startsWith('.') || theme.startsWith('/')
    ? resolve(root, theme)
    : packageDir(theme.includes('/') || theme.startsWith('slidev-theme-') ? theme : `@slidev/theme-${theme}`)
  const folders = [packageDir('@slidev/client'), themeDir, root].filter(Boolean).map(dir => join(dir!, 'layouts'))
  return new Set(folders.filter(existsSync).flatMap(folder => readdirSync(folder).filter(f => f.endsWith('.vue')).map(f => basename(f, '.vue'))))
}

/** Lines of a slide body with their 1-based line numbers, outside code blocks and HTML comments. */
function proseLines(lines: string[], from: number, to: number): { line: number, text: string }[] {
  const result: { line: number, text: string }[] = []
  let fence: string | undefined
  let inComment = false
  for (let i = from; i < to; i++) {
    const text = lines[i] ?? ''
    if (fence) {
      if (text.trimStart().startsWith(fence))
        fence = undefined
      continue
    }
    if (inComment) {
      inComment = !text.includes('-->')
      continue
    }
    const opening = text.match(/^\s*(`{3,}|~{3,})/)
    if (opening) {
      fence = opening[1]
      continue
    }
    if (text.includes('<!--') && !text.slice(text.indexOf('<!--')).includes('-->')) {
      inComment = true
      continue
    }
    result.push({ line: i + 1, text })
  }
  return result
}

/** Mermaid blocks of a slide: their first code line (1-based) and text. */
function mermaidBlocks(lines: string[], from: number, to: number): { line: number, code: string }[] {
  const blocks: { line: number, code: string }[] = []
  for (let i = from; i < to; i++) {
    const opening = lines[i]?.match(/^\s*(`{3,})mermaid\b/)
    if (!opening)
      continue
    const end = lines.findIndex((l, j) => j > i && l.trimStart().startsWith(opening[1]!))
    const last = end < 0 ? to : end
    blocks.push({ line: i + 2, code: lines.slice(i + 1, last).join('\n') })
    i = last
  }
  return blocks
}

/** Mermaid's parser in Node: its sanitiser needs a DOM, which happy-dom provides when none is there. */
async function mermaidParser(): Promise<(code: string) => Promise<void>> {
  if (typeof globalThis.document === 'undefined') {
    const { Window } = await import('happy-dom')
    const window = new Window()
    Object.assign(globalThis, { window, document: window.document })
  }
  const { default: mermaid } = await import('mermaid')
  return async (code) => {
    await mermaid.parse(code)
  }
}

/** `<Link to="alias">` in a slide's body (a number is a slide number, not an alias). */
const LINK_TO = /<Link\b[^>]*?\sto="([^"]+)"/g
/** A hand-numbered page in a title, 「勘误（2/7）」: the table components print their own. */
const HAND_NUMBERED = /[（(]\s*\d+\s*\/\s*\d+\s*[)）]/

export async function checkSources(entry = 'slides.md'): Promise<SourceProblem[]> {
  const entryPath = resolve(entry)
  const root = dirname(entryPath)
  const data = await load({ roots: [root], userRoot: root }, entryPath)
  const problems: SourceProblem[] = []
  const at = (filepath: string, line: number, message: string) => problems.push({ file: relative(root, filepath), line, message })

  const layouts = knownLayouts(root, String(data.headmatter.theme ?? 'default'))
  const parseMermaid = await mermaidParser()
  /** Every slide with its file, for the alias checks; and every `<Link to>` with where it is written. */
  const slides: { source: SourceSlideInfo }[] = []
  const links: { alias: string, filepath: string, line: number }[] = []

  for (const [filepath, file] of Object.entries(data.markdownFiles)) {
    const lines = file.raw.split(/\r?\n/)
    for (const source of file.slides) {
      slides.push({ source })
      const fmLine = source.start + 2 // the line after the opening `---`, 1-based
      const doc = source.frontmatterDoc

      const fmLines = (source.frontmatterRaw ?? '').split('\n')
      // A title followed by a blank line is Markdown, not a YAML comment: the slide's body ran
      // into its frontmatter because the closing `---` is missing (and the next slide merged in).
      const title = fmLines.findIndex((line, i) => /^# \S/.test(line) && !fmLines[i + 1]?.trim())
      const hint = title >= 0 ? ` (line ${fmLine + title} is a slide title: is the closing \`---\` missing?)` : ''
      // An unclosed bracket is reported at the end of the frontmatter: point at its last line instead.
      const lastLine = fmLines.map(line => Boolean(line.trim())).lastIndexOf(true) + 1
      for (const error of doc?.errors ?? []) {
        const line = Math.min(error.linePos?.[0].line ?? 1, Math.max(1, lastLine))
        at(filepath, fmLine + line - 1, `frontmatter is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}${hint}`)
      }

      const layout = source.frontmatter.layout
      if (layout !== undefined && !(typeof layout === 'string' && layouts.has(layout))) {
        const line = fmLines.findIndex(l => l.startsWith('layout:'))
        at(filepath, fmLine + Math.max(0, line), `unknown layout "${String(layout)}" (known: ${[...layouts].sort().join(', ')})`)
      }

      // The body: everything after the frontmatter up to the next slide.
      const prose = proseLines(lines, source.contentStart, source.end)
      const titles = prose.filter(({ text }) => /^# \S/.test(text))
      if (titles.length > 1)
        at(filepath, titles[1]!.line, `second top-level title "${titles[1]!.text.slice(2)}" in one slide: a \`---\` between two slides is missing`)
      const stray = prose.find(({ text }) => FRONTMATTER_LINE.test(text))
      if (stray)
        at(filepath, stray.line, `"${stray.text.trim()}" in the slide's body looks like frontmatter: a \`---\` is missing or has a blank line after it`)
      const numbered = titles.find(({ text }) => HAND_NUMBERED.test(text))
      if (numbered)
        at(filepath, numbered.line, `hand-numbered page in the title "${numbered.text.slice(2)}": the table components print their own page numbers`)
      for (const { line, text } of prose) {
        for (const [, alias] of text.matchAll(LINK_TO)) {
          if (!/^\d+$/.test(alias!))
            links.push({ alias: alias!, filepath, line })
        }
      }

      for (const block of mermaidBlocks(lines, source.contentStart, source.end)) {
        // Its text alternative (setup/mermaid-renderer.ts makes it the figure's name in the PDF,
        // the pptx and the hosted copy): a title and a sentence of what the diagram shows.
        const missing = ['accTitle', 'accDescr'].filter(key => !new RegExp(`^\\s*${key}\\s*:\\s*\\S`, 'm').test(block.code))
        if (missing.length)
          at(filepath, block.line, `Mermaid diagram without its text alternative: add ${missing.map(key => `\`${key}:\``).join(' and ')} (accTitle: what it is; accDescr: what it shows, in a sentence)`)
        try {
          await parseMermaid(block.code)
        }
        catch (error) {
          const { message, hash } = error as { message: string, hash?: { loc?: { first_line?: number } } }
          const offset = (hash?.loc?.first_line ?? 1) - 1
          const [first, ...rest] = message.split('\n').filter(l => l.trim())
          const expected = rest.find(l => l.startsWith('Expecting'))?.slice(0, 120) ?? ''
          at(filepath, block.line + offset, `Mermaid does not parse: ${first ?? message} ${expected}`.trim())
        }
      }
    }
  }

  // Route aliases: unique; on every slide the agenda lists and every section's first slide; every link has one.
  const aliasLine = (source: SourceSlideInfo) => source.start + 2 + Math.max(0, (source.frontmatterRaw ?? '').split('\n').findIndex(l => l.startsWith('routeAlias:')))
  const aliasOwner = new Map<string, { source: SourceSlideInfo }>()
  for (const { source } of slides) {
    const { routeAlias: alias, minutes, agenda, layout } = source.frontmatter
    const line = aliasLine(source)
    if (minutes !== undefined && !alias)
      at(source.filepath, source.start + 1, `a section's first slide (it has \`minutes\`) without a \`routeAlias\`: the agenda and the timer cannot find it`)
    else if (agenda !== undefined && !alias)
      at(source.filepath, source.start + 1, `the agenda lists this slide (it has \`agenda:\`), but it has no \`routeAlias\`: its entry would link to the cover`)
    // A section opens with `minutes` (the closing slide's are the Q&A) or as a section slide with an alias.
    const opensSection = (minutes !== undefined && alias !== THANKS_ALIAS) || (layout === 'section' && typeof alias === 'string')
    if (opensSection && typeof alias === 'string' && typeof agenda !== 'string')
      at(source.filepath, line, `section slide "${alias}" has no \`agenda:\` summary in its frontmatter: the agenda does not list it`)
    if (typeof alias !== 'string')
      continue
    const first = aliasOwner.get(alias)
    if (first)
      at(source.filepath, line, `routeAlias "${alias}" is used twice (first at ${relative(root, first.source.filepath)}:${first.source.start + 1}): links go to one of them`)
    else
      aliasOwner.set(alias, { source })
  }
  for (const link of links) {
    if (!aliasOwner.has(link.alias))
      at(link.filepath, link.line, `<Link> to "${link.alias}", which no slide has as its routeAlias: the link would go to the cover`)
  }

  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entry = process.argv[2] ?? 'slides.md'
  checkSources(entry).then((problems) => {
    for (const problem of problems)
      console.error(formatProblem(problem))
    console.log(problems.length ? `${problems.length} problem(s) in ${entry} and the files it imports` : `${entry}: sources OK`)
    process.exit(problems.length ? 1 : 0)
  }).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
