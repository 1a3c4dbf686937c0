/**
 * Chinese typography by AutoCorrect (autocorrect-node; its native binary ships in the npm
 * package): full-width punctuation, spacing between CJK and Latin, one quote style and the
 * glossary (`.autocorrectrc` spellcheck words). Runs over
 * - slides.md and pages/*.md: slide text, Mermaid labels and notes; the glossary applies to the
 *   slide text and the notes' spoken part, not to their `## 备查` part (it may quote the outline);
 * - the Chinese string literals of data/*.ts, found with the TypeScript compiler (the glossary
 *   spares properties that quote the outline, e.g. `outline`);
 * - components/*.vue: template text with AutoCorrect's HTML support, script strings as above.
 * AutoCorrect leaves some ASCII punctuation in Chinese text (double quotes, brackets around
 * English, `MoE:每`); one small rule here reports those on lines AutoCorrect found clean.
 *
 * `npm run lint:zh` prints `file:line (slide n): … → …` and a count per file; exit code 1 on findings.
 */
import type { SlideSource } from './deck-source'
import { readdirSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import process from 'node:process'
import autocorrect from 'autocorrect-node'
import ts from 'typescript'
import { parse as parseSfc } from 'vue/compiler-sfc'
import { loadDeck } from './deck-source'

export interface Finding {
  file: string
  /** 1-based line in the file. */
  line: number
  /** Slide number, for Markdown files of the deck. */
  slide?: number
  /** What the text says, and what AutoCorrect (or the quote rule) suggests. */
  old: string
  fix: string
  /** Found by the project's ASCII-punctuation rule rather than by AutoCorrect. */
  extra?: boolean
}

/** Properties of data records that quote the outline verbatim: the glossary does not apply. */
export const OUTLINE_QUOTE_PROPERTIES = new Set(['outline'])

const HAN = /\p{Script=Han}/u
let configured = ''

/** Loads `.autocorrectrc` once (AutoCorrect's config is global to the process). */
function configure(rcPath: string) {
  if (configured === rcPath)
    return
  autocorrect.loadConfig(readFileSync(rcPath, 'utf8'))
  configured = rcPath
}

/**
 * Lints `text` as `kind` ('md', 'text', 'vue', …). With `glossary` false the spellcheck words
 * are switched off for this call (AutoCorrect merges configs, so the words stay loaded).
 */
function lint(text: string, kind: string, glossary: boolean): { l: number, old: string, fix: string }[] {
  autocorrect.loadConfig(JSON.stringify({ rules: { spellcheck: glossary ? 1 : 0 } }))
  const result = autocorrect.lintFor(text, kind)
  if (result.error)
    throw new Error(`AutoCorrect: ${result.error}`)
  return result.lines.map(line => ({ l: line.l, old: line.old, fix: line.new }))
}

const CHINESE = /[\p{Script=Han}，。：；！？、「」『』（）]/u

/**
 * ASCII punctuation in Chinese text that AutoCorrect's rules leave alone: double quotes
 * touching Chinese (→ 「」, paired in order), brackets that touch or hold Chinese (→ （）), and
 * `,:;!?` right before Chinese (e.g. `MoE:每`). HTML tags, inline code and link targets are
 * masked first (pass `tagsMasked` when a tag spans lines). Returns the line with the fix.
 */
export function asciiPunctuation(line: string, tagsMasked = line): { old: string, fix: string } | undefined {
  const masked = tagsMasked.replace(/<[^>]*>|`[^`]*`|\{\{.*?\}\}|\]\([^)]*\)|https?:\/\/\S+/g, match => ' '.repeat(match.length))
  const chars = line.split('')
  const isChinese = (i: number) => i >= 0 && i < masked.length && CHINESE.test(masked[i])
  const quotes = [...masked.matchAll(/"/g)].map(m => m.index)
  if (quotes.some(i => isChinese(i - 1) || isChinese(i + 1)))
    quotes.forEach((i, n) => chars[i] = n % 2 ? '」' : '「')
  for (const match of masked.matchAll(/\(([^()]*)\)/g)) {
    const open = match.index
    const close = open + match[0].length - 1
    const before = masked.slice(0, open).trimEnd()
    const after = masked.slice(close + 1).trimStart()
    if (CHINESE.test(match[1]) || CHINESE.test(before.at(-1) ?? '') || CHINESE.test(after[0] ?? '')) {
      chars[open] = '（'
      chars[close] = '）'
    }
  }
  const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' }
  for (const match of masked.matchAll(/[,:;!?](?= ?\p{Script=Han})/gu))
    chars[match.index] = FULL[match[0]]
  const fix = chars.join('')
  return fix === line ? undefined : { old: line, fix }
}

/** Which part of a Markdown file a line belongs to. */
type Region = 'skip' | 'text' | 'spoken' | 'reference' | 'mermaid'

/** Marks each line of one slide: frontmatter, body, Mermaid, the note's spoken and 备查 parts. */
function slideRegions(lines: string[], slide: Pick<SlideSource, 'line' | 'endLine'>, regions: Region[]) {
  const start = slide.line - 1
  const end = Math.min(slide.endLine - 1, lines.length)
  let i = start
  // Frontmatter (or the headmatter): from a `---` line to the next `---` line.
  if (lines[i]?.trim() === '---') {
    regions[i] = 'skip'
    // the agenda's summary line is slide text (lib/agenda.ts); the rest of the frontmatter is not
    for (i++; i < end && lines[i].trim() !== '---'; i++)
      regions[i] = lines[i].startsWith('agenda:') ? 'text' : 'skip'
    if (i < end)
      regions[i++] = 'skip'
  }
  // The note is the last HTML comment, closing the slide.
  let noteStart = -1
  let noteEnd = -1
  for (let j = end - 1; j >= i; j--) {
    if (!lines[j].trim())
      continue
    if (lines[j].trimEnd().endsWith('-->')) {
      noteEnd = j
      for (let k = j; k >= i; k--) {
        if (lines[k].includes('<!--')) {
          noteStart = k
          break
        }
      }
    }
    break
  }
  let fence: string | undefined
  for (let j = i; j < end; j++) {
    if (noteStart >= 0 && j >= noteStart)
      break
    const opening = /^\s*(`{3,}|~{3,})\s*(\w*)/.exec(lines[j])
    if (!fence && opening) {
      fence = opening[1]
      regions[j] = 'skip'
      // Mermaid labels are slide text; other code is not prose.
      const kind: Region = opening[2] === 'mermaid' ? 'mermaid' : 'skip'
      for (j++; j < end && !lines[j].trim().startsWith(fence); j++)
        regions[j] = kind
      if (j < end)
        regions[j] = 'skip'
      fence = undefined
      continue
    }
    regions[j] = 'text'
  }
  if (noteStart >= 0) {
    let part: Region = 'spoken'
    for (let j = noteStart; j <= noteEnd; j++) {
      if (/^##[ \t]+备查[ \t]*$/.test(lines[j].replace('<!--', '').trim()))
        part = 'reference'
      regions[j] = part
    }
  }
}

/** Lints one Markdown file of the deck; `slides` are the deck's slides from that file. */
export function lintMarkdown(path: string, file: string, slides: SlideSource[]): Finding[] {
  const source = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').split('\n')
  const regions: Region[] = source.map(() => 'skip')
  const slideAt: (number | undefined)[] = source.map(() => undefined)
  for (const slide of slides) {
    slideRegions(source, slide, regions)
    for (let j = slide.line - 1; j < Math.min(slide.endLine - 1, source.length); j++)
      slideAt[j] = slide.no
  }
  // Of a frontmatter `agenda:` line only the value is text: the key is blanked, columns kept.
  const lines = source.map((line, j) => regions[j] === 'text' && line.startsWith('agenda:') ? ' '.repeat(7) + line.slice(7) : line)
  // Notes parse as Markdown once their comment markers are blanked; line numbers stay.
  const masked = lines.map((line, j) =>
    regions[j] === 'skip' || regions[j] === 'mermaid' ? '' : line.replace(/<!--|-->/g, m => ' '.repeat(m.length)))
  const findings: Finding[] = []
  const add = (j: number, old: string, fix: string) =>
    findings.push({ file, line: j + 1, slide: slideAt[j], old, fix })
  const withGlossary = lint(masked.join('\n'), 'md', true)
  const without = lint(masked.join('\n'), 'md', false)
  const flagged = new Set<number>()
  for (const finding of [...withGlossary.filter(f => regions[f.l - 1] !== 'reference'), ...without.filter(f => regions[f.l - 1] === 'reference')]) {
    flagged.add(finding.l - 1)
    add(finding.l - 1, finding.old, finding.fix)
  }
  // Mermaid: each label line as text; full-width brackets would break Mermaid's node syntax.
  lines.forEach((line, j) => {
    if (regions[j] !== 'mermaid' || !HAN.test(line))
      return
    // Edge labels sit between pipes (`-->|标签| B`): the pipes are syntax, not punctuation.
    for (const finding of lint(line.replace(/\|/g, ' '), 'text', true)) {
      const fix = finding.fix.replace(/（/g, '(').replace(/）/g, ')')
      if (fix !== finding.old) {
        flagged.add(j)
        add(j, finding.old, fix)
      }
    }
  })
  // Attributes of a tag spread over several lines (a component's props) are not prose either.
  const tagsMasked = lines.join('\n').replace(/<[a-z/!][^>]*>/gi, tag => tag.replace(/[^\n]/g, ' ')).split('\n')
  lines.forEach((line, j) => {
    if ((regions[j] !== 'text' && regions[j] !== 'spoken' && regions[j] !== 'reference') || flagged.has(j))
      return
    const quotes = asciiPunctuation(line, tagsMasked[j])
    if (quotes)
      findings.push({ file, line: j + 1, slide: slideAt[j], ...quotes, extra: true })
  })
  return findings.sort((a, b) => a.line - b.line)
}

/**
 * Lints the string literals with Chinese text in TypeScript source (found with the compiler
 * API, so comments and code are left alone). `firstLine` is the source's line in its file.
 */
export function lintStringsIn(code: string, file: string, firstLine = 1): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true)
  const findings: Finding[] = []
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text
      if (HAN.test(text)) {
        const property = ts.isPropertyAssignment(node.parent) && node.parent.initializer === node ? node.parent.name.getText(source) : undefined
        const glossary = !(property && OUTLINE_QUOTE_PROPERTIES.has(property))
        const first = firstLine + source.getLineAndCharacterOfPosition(node.getStart(source)).line
        const seen = new Set<number>()
        for (const finding of lint(text, 'text', glossary)) {
          seen.add(finding.l)
          findings.push({ file, line: first + finding.l - 1, old: finding.old, fix: finding.fix })
        }
        text.split('\n').forEach((line, i) => {
          const extra = seen.has(i + 1) ? undefined : asciiPunctuation(line)
          if (extra)
            findings.push({ file, line: first + i, ...extra, extra: true })
        })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings
}

/** Lints the string literals with Chinese text in a TypeScript module. */
export function lintStrings(path: string, file: string): Finding[] {
  return lintStringsIn(readFileSync(path, 'utf8'), file)
}

/**
 * Lints a Vue component: the template's text with AutoCorrect's Vue support (the script block
 * blanked, line numbers kept), and the script's string literals like a data module.
 */
export function lintComponent(path: string, file: string): Finding[] {
  const code = readFileSync(path, 'utf8')
  const { descriptor } = parseSfc(code, { filename: file })
  const findings: Finding[] = []
  for (const block of [descriptor.script, descriptor.scriptSetup]) {
    if (block)
      findings.push(...lintStringsIn(block.content, file, block.loc.start.line))
  }
  if (descriptor.template) {
    const { start, end } = descriptor.template.loc
    const blank = (text: string) => text.replace(/[^\n]/g, '')
    const templateOnly = blank(code.slice(0, start.offset)) + code.slice(start.offset, end.offset) + blank(code.slice(end.offset))
    const flagged = new Set<number>()
    for (const finding of lint(templateOnly, 'html', true)) {
      flagged.add(finding.l)
      findings.push({ file, line: finding.l, old: finding.old, fix: finding.fix })
    }
    const lines = templateOnly.split('\n')
    const tagsMasked = templateOnly.replace(/<[a-z/!][^>]*>/gi, tag => tag.replace(/[^\n]/g, ' ')).split('\n')
    lines.forEach((line, i) => {
      const extra = flagged.has(i + 1) || !HAN.test(line) ? undefined : asciiPunctuation(line, tagsMasked[i])
      if (extra)
        findings.push({ file, line: i + 1, ...extra, extra: true })
    })
  }
  return findings.sort((a, b) => a.line - b.line)
}

export interface TypographyOptions {
  /** Folder the entry, data and component folders are relative to (default: the current one). */
  root?: string
  entry?: string
  /** AutoCorrect config (default: `.autocorrectrc` in the current folder, the repository's). */
  rc?: string
  /** Folders of TypeScript data modules and Vue components to lint. */
  dataDirs?: string[]
  componentDirs?: string[]
}

/** Lints the deck (entry and every page it imports), the data modules and the components. */
export async function lintTypography(options: TypographyOptions = {}): Promise<Finding[]> {
  const root = resolve(options.root ?? '.')
  configure(resolve(options.rc ?? '.autocorrectrc'))
  const { slides } = await loadDeck(resolve(root, options.entry ?? 'slides.md'))
  const findings: Finding[] = []
  const files = [...new Set(slides.map(slide => slide.file))]
  const entryDir = resolve(root, options.entry ?? 'slides.md', '..')
  for (const file of files) {
    const path = resolve(entryDir, file)
    findings.push(...lintMarkdown(path, relative(root, path), slides.filter(slide => slide.file === file)))
  }
  const list = (dir: string, ext: string) => {
    try {
      return readdirSync(resolve(root, dir)).filter(name => name.endsWith(ext)).sort().map(name => `${dir}/${name}`)
    }
    catch {
      return []
    }
  }
  for (const file of (options.dataDirs ?? ['data', 'charts', 'lib']).flatMap(dir => list(dir, '.ts')))
    findings.push(...lintStrings(resolve(root, file), file))
  for (const file of (options.componentDirs ?? ['components']).flatMap(dir => list(dir, '.vue')))
    findings.push(...lintComponent(resolve(root, file), file))
  return findings
}

/**
 * What changes between `old` and `fix`, as short `before → after` pieces with a little context:
 * a character diff (longest common subsequence), so a long line shows only its edits.
 */
export function showChange(old: string, fix: string, context = 6): string {
  const a = [...old]
  const b = [...fix]
  // LCS table from the end: lcs[i][j] = common length of a[i:] and b[j:].
  const lcs = Array.from({ length: a.length + 1 }, () => Array.from<number>({ length: b.length + 1 }).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  }
  /** Per position of `a`: kept, or the edit that replaces a run starting there. */
  const hunks: { from: number, to: number, insert: string }[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++
      j++
      continue
    }
    const hunk = { from: i, to: i, insert: '' }
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j]))
        hunk.insert += b[j++]
      else
        hunk.to = ++i
    }
    const last = hunks.at(-1)
    // Edits close together read better as one piece.
    if (last && hunk.from - last.to <= context) {
      last.insert += a.slice(last.to, hunk.from).join('') + hunk.insert
      last.to = hunk.to
    }
    else {
      hunks.push(hunk)
    }
  }
  return hunks.map(({ from, to, insert }) => {
    const before = a.slice(Math.max(0, from - context), from).join('')
    const after = a.slice(to, to + context).join('')
    return `${from > context ? '…' : ''}${before}${a.slice(from, to).join('')}${after} → ${before}${insert}${after}`.replace(/\s+/g, ' ')
  }).join(' | ')
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}${finding.slide ? ` (slide ${finding.slide})` : ''}: ${showChange(finding.old, finding.fix)}${finding.extra ? ' [ASCII punctuation]' : ''}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const entry = args.find(arg => !arg.startsWith('--'))
  const findings = await lintTypography({ entry })
  if (!args.includes('--summary')) {
    for (const finding of findings)
      console.log(formatFinding(finding))
  }
  const perFile = new Map<string, number>()
  for (const finding of findings)
    perFile.set(finding.file, (perFile.get(finding.file) ?? 0) + 1)
  if (findings.length) {
    console.log(`\n${findings.length} typography finding(s) (AutoCorrect, .autocorrectrc):`)
    for (const [file, count] of perFile)
      console.log(`  ${String(count).padStart(4)}  ${file}`)
    process.exitCode = 1
  }
  else {
    console.log('Chinese typography: no findings.')
  }
}
