/**
 * `npm run lint:zh`: Chinese typography by AutoCorrect (autocorrect-node: its CLI and engine, native,
 * offline) with `.autocorrectrc`. AutoCorrect's CLI lints the deck's Markdown (slide text, frontmatter
 * values, notes, HTML and component text; fenced code is left alone) and the component templates.
 * This file adds only what the CLI cannot do:
 * - slide numbers in the messages (scripts/deck-source.ts);
 * - no glossary in the notes' `## 备查` part (it may quote the outline): a note is one HTML comment, so
 *   an `autocorrect-disable` marker or a second config cannot spare part of it; those lines are
 *   checked again with the spellcheck words off;
 * - Mermaid labels (code to AutoCorrect), line by line as text, Mermaid's brackets and pipes kept;
 * - the string literals of data/, charts/, lib/ and component scripts, found by a real parser:
 *   AutoCorrect's JavaScript grammar misses some, lints comments and reads the quotes as text (a
 *   glossary word at either end of a string goes unseen); fields quoting the outline get no glossary;
 * - quote style: ASCII double quotes, brackets and `,:;!?` touching Chinese, which AutoCorrect leaves.
 */
import type { SlideSource } from './deck-source'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { relative, resolve } from 'node:path'
import process from 'node:process'
import autocorrect from 'autocorrect-node'
import { babelParse, parse as parseSfc, walk } from 'vue/compiler-sfc'
import { loadDeck } from './deck-source'

export interface Finding {
  file: string
  line: number
  slide?: number
  old: string
  fix: string
  /** Found by the quote-style rule rather than by AutoCorrect. */
  extra?: boolean
}

/** Properties of data records that quote the outline verbatim: the glossary does not apply. */
const OUTLINE_QUOTE_PROPERTIES = new Set(['outline'])
const HAN = /\p{Script=Han}/u
const CHINESE = /[\p{Script=Han}，。：；！？、「」『』（）]/u
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' }

/**
 * Quote style: double quotes touching Chinese (→ 「」, paired in order), brackets touching or holding
 * Chinese (→ （）), `,:;!?` right before Chinese (`MoE:每`). Tags, inline code and links are masked
 * first (pass `masked` when a tag spans lines). Returns the line with the fix.
 */
export function asciiPunctuation(line: string, masked = line): { old: string, fix: string } | undefined {
  const text = masked.replace(/<[^>]*>|`[^`]*`|\{\{.*?\}\}|\]\([^)]*\)|https?:\/\/\S+/g, m => ' '.repeat(m.length))
  const chars = line.split('')
  const isChinese = (i: number) => CHINESE.test(text[i] ?? '')
  const quotes = [...text.matchAll(/"/g)].map(m => m.index)
  if (quotes.some(i => isChinese(i - 1) || isChinese(i + 1)))
    quotes.forEach((i, n) => chars[i] = n % 2 ? '」' : '「')
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const close = m.index + m[0].length - 1
    if (CHINESE.test(m[1]) || CHINESE.test(text.slice(0, m.index).trimEnd().at(-1) ?? '') || CHINESE.test(text.slice(close + 1).trimStart()[0] ?? ''))
      [chars[m.index], chars[close]] = ['（', '）']
  }
  for (const m of text.matchAll(/[,:;!?](?= ?\p{Script=Han})/gu))
    chars[m.index] = FULL[m[0]]
  const fix = chars.join('')
  return fix === line ? undefined : { old: line, fix }
}

let glossaryLoaded: boolean | undefined
/** AutoCorrect's engine on `text` read as `kind`, with or without the glossary (spellcheck words). */
function lint(text: string, kind: string, glossary: boolean) {
  if (glossaryLoaded !== glossary)
    autocorrect.loadConfig(JSON.stringify({ rules: { spellcheck: glossary ? 1 : 0 } }))
  glossaryLoaded = glossary
  return autocorrect.lintFor(text, kind).lines
}

/** AutoCorrect's CLI over `files` (relative to `root`): one finding per line it would change. */
function autocorrectCli(root: string, rc: string, files: string[]): Finding[] {
  const cli = createRequire(import.meta.url).resolve('autocorrect-node/cli.js')
  const out = execFileSync(process.execPath, [cli, '--lint', '--format', 'json', '--quiet', '--config', rc, ...files], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
  const { messages } = JSON.parse(out) as { messages: { filepath: string, lines: { l: number, old: string, new: string }[] }[] }
  return messages.flatMap(m => m.lines.map(l => ({ file: m.filepath, line: l.l, old: l.old, fix: l.new })))
}

/** Chinese string literals of TypeScript `code` (Babel, through Vue's compiler) linted as text; `first` is its first line. */
function lintStringsIn(code: string, file: string, first = 1): Finding[] {
  const findings: Finding[] = []
  walk(babelParse(code, { plugins: ['typescript'], sourceType: 'module' }) as never, {
    enter(node: any, parent: any) {
      const text: string | undefined = node.type === 'StringLiteral' ? node.value : node.type === 'TemplateElement' ? node.value.cooked : undefined
      if (!text || !HAN.test(text))
        return
      const outline = parent?.type === 'ObjectProperty' && parent.value === node && OUTLINE_QUOTE_PROPERTIES.has(parent.key.name ?? parent.key.value)
      const at = first + node.loc.start.line - 1
      const flagged = new Set<number>()
      for (const r of lint(text, 'text', !outline)) {
        flagged.add(r.l)
        findings.push({ file, line: at + r.l - 1, old: r.old, fix: r.new })
      }
      text.split('\n').forEach((line, i) => {
        const quote = flagged.has(i + 1) ? undefined : asciiPunctuation(line)
        if (quote)
          findings.push({ file, line: at + i, ...quote, extra: true })
      })
    },
  })
  return findings
}

/** Per line of a deck file: its slide, and what it is: text, note, reference (备查), code, mermaid, agenda or meta. */
function classify(lines: string[], slides: SlideSource[]) {
  const kind = lines.map(() => 'meta')
  const slideOf: (number | undefined)[] = []
  for (const slide of slides) {
    let meta = lines[slide.line - 1]?.startsWith('---') // Slidev's frontmatter: to the next `---`
    let fence: { close: string, kind: string } | undefined
    let [comment, reference] = [false, false]
    for (let j = slide.line - 1; j < Math.min(slide.endLine - 1, lines.length); j++) {
      const [line, open] = [lines[j], /^\s*(`{3,}|~{3,})\s*(\w*)/.exec(lines[j])]
      slideOf[j] = slide.no
      if (meta) { // of the frontmatter, the agenda summary is slide text (lib/agenda.ts)
        kind[j] = line.startsWith('agenda:') ? 'agenda' : 'meta'
        meta = j < slide.line || line.trimEnd() !== '---'
      }
      else if (fence) {
        const closing = line.trim().startsWith(fence.close)
        kind[j] = closing ? 'code' : fence.kind
        fence = closing ? undefined : fence
      }
      else if (open) {
        [kind[j], fence] = ['code', { close: open[1], kind: open[2] === 'mermaid' ? 'mermaid' : 'code' }]
      }
      else { // HTML comments: the notes, their spoken part, then 备查
        comment ||= line.includes('<!--')
        reference ||= comment && /^(?:<!--)?\s*##\s+备查\s*$/.test(line.trim())
        kind[j] = reference ? 'reference' : comment ? 'note' : 'text'
        comment &&= !line.includes('-->')
      }
    }
  }
  return { kind, slideOf }
}

export interface TypographyOptions {
  /** Folder of the deck, data/, charts/, lib/ and components/ (default: the current one). */
  root?: string
  entry?: string
  /** AutoCorrect config (default: `.autocorrectrc` in the current folder, the repository's). */
  rc?: string
}

/** Quote style on the lines of `text` that `check` accepts and no other finding in `out` names. */
function quoteStyle(out: Finding[], file: string, text: string, check: (j: number, line: string) => boolean, slideOf: (number | undefined)[] = []) {
  // a tag's attributes (a component's props, over several lines) are not prose
  const masked = text.replace(/<[a-z/][^>]*>/gi, tag => tag.replace(/[^\n]/g, ' ')).split('\n')
  const flagged = new Set(out.map(f => f.line))
  text.split('\n').forEach((line, j) => {
    const quote = check(j, line) && !flagged.has(j + 1) ? asciiPunctuation(line, masked[j]) : undefined
    if (quote)
      out.push({ file, line: j + 1, slide: slideOf[j], ...quote, extra: true })
  })
}

/** One deck file: AutoCorrect's findings with slide numbers (备查 without the glossary), Mermaid, quote style. */
function lintMarkdown(text: string, file: string, slides: SlideSource[], byCli: Finding[]): Finding[] {
  const lines = text.split('\n')
  const { kind, slideOf } = classify(lines, slides)
  const out: Finding[] = []
  for (const f of byCli.filter(f => !['code', 'mermaid'].includes(kind[f.line - 1]))) {
    const fix = kind[f.line - 1] === 'reference' ? lint(f.old, file, false)[0]?.new : f.fix
    if (fix)
      out.push({ ...f, slide: slideOf[f.line - 1], fix })
  }
  lines.forEach((line, j) => { // Mermaid: each label line as text, its pipes and brackets kept
    const r = kind[j] === 'mermaid' && HAN.test(line) ? lint(line.replace(/\|/g, ' '), 'text', true)[0] : undefined
    const fix = r?.new.replace(/（/g, '(').replace(/）/g, ')')
    if (r && fix && fix !== r.old)
      out.push({ file, line: j + 1, slide: slideOf[j], old: r.old, fix })
  })
  const agendaValue = (line: string, j: number) => kind[j] === 'agenda' ? ' '.repeat(7) + line.slice(7) : line
  quoteStyle(out, file, lines.map(agendaValue).join('\n'), j => kind[j] === 'text' || kind[j] === 'agenda', slideOf)
  return out
}

/** One component: AutoCorrect's findings in the template, the script's strings, quote style in the template. */
function lintComponent(code: string, file: string, byCli: Finding[]): Finding[] {
  const { template, script, scriptSetup } = parseSfc(code, { filename: file }).descriptor
  const inTemplate = (line: number) => !!template && line >= template.loc.start.line && line <= template.loc.end.line
  const out = byCli.filter(f => inTemplate(f.line))
  for (const block of [script, scriptSetup])
    out.push(...block ? lintStringsIn(block.content, file, block.loc.start.line) : [])
  const templateOnly = template ? code.slice(0, template.loc.start.offset).replace(/[^\n]/g, '') + template.content : ''
  quoteStyle(out, file, templateOnly, (j, line) => inTemplate(j + 1) && HAN.test(line))
  return out
}

/** Lints the deck (entry and every page it imports), the TypeScript modules and the components. */
export async function lintTypography(options: TypographyOptions = {}): Promise<Finding[]> {
  const root = resolve(options.root ?? '.')
  const rc = resolve(options.rc ?? '.autocorrectrc')
  autocorrect.loadConfig(readFileSync(rc, 'utf8'))
  glossaryLoaded = undefined
  const entry = resolve(root, options.entry ?? 'slides.md')
  const { slides } = await loadDeck(entry)
  const deck = [...new Set(slides.map(s => s.file))].map(file => ({ path: relative(root, resolve(entry, '..', file)), slides: slides.filter(s => s.file === file) }))
  const list = (dirs: string[], ext: string) => dirs.filter(dir => existsSync(resolve(root, dir)))
    .flatMap(dir => readdirSync(resolve(root, dir)).filter(name => name.endsWith(ext)).sort().map(name => `${dir}/${name}`))
  const [modules, components] = [list(['data', 'charts', 'lib'], '.ts'), list(['components'], '.vue')]
  const byCli = autocorrectCli(root, rc, [...deck.map(d => d.path), ...components])
  const read = (file: string) => readFileSync(resolve(root, file), 'utf8').replace(/\r\n?/g, '\n')
  const ofFile = (file: string) => byCli.filter(f => f.file === file)
  const byLine = (findings: Finding[]) => findings.sort((a, b) => a.line - b.line)
  return [
    ...deck.flatMap(({ path, slides }) => byLine(lintMarkdown(read(path), path, slides, ofFile(path)))),
    ...modules.flatMap(file => byLine(lintStringsIn(read(file), file))),
    ...components.flatMap(file => byLine(lintComponent(read(file), file, ofFile(file)))),
  ]
}

/** `old → fix`, cut to the part that changed with a little context (AutoCorrect reports whole lines). */
export function showChange(old: string, fix: string, context = 6): string {
  const [a, b] = [[...old], [...fix]]
  let start = 0
  while (start < a.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a.at(-1 - end) === b.at(-1 - end)) end++
  const from = Math.max(0, start - context)
  const cut = (s: string[]) => `${from ? '…' : ''}${s.slice(from, s.length - Math.max(0, end - context)).join('')}${end > context ? '…' : ''}`
  return `${cut(a)} → ${cut(b)}`.replace(/\s+/g, ' ')
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}${f.slide ? ` (slide ${f.slide})` : ''}: ${showChange(f.old, f.fix)}${f.extra ? ' [ASCII punctuation]' : ''}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const findings = await lintTypography({ entry: args.find(arg => !arg.startsWith('--')) })
  if (!args.includes('--summary'))
    findings.forEach(f => console.log(formatFinding(f)))
  const perFile = new Map<string, number>()
  findings.forEach(f => perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1))
  if (findings.length) {
    console.log(`\n${findings.length} typography finding(s) (AutoCorrect, .autocorrectrc):`)
    perFile.forEach((count, file) => console.log(`  ${String(count).padStart(4)}  ${file}`))
    process.exitCode = 1
  }
  else {
    console.log('Chinese typography: no findings.')
  }
}
