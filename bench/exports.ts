/** Child processes the benchmark times: builds, the PDF export and the notes handout. */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { copyFile, readdir, readFile, rm, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import process from 'node:process'
import { inflateSync } from 'node:zlib'
import { findChromium } from '../scripts/browser'
import { PROJECT_ROOT } from './decks'
import { round } from './stats'

const STACK_LINE = /^\s+at /
const TSX_CLI = join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs')
const SLIDEV_CLI = join(PROJECT_ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs')

/**
 * Preloaded into the Slidev process: on exit, writes its CPU time (user + system, all threads,
 * Rolldown's native ones too) in ms to $BENCH_CPU_FILE. Steadier than wall time on a busy machine.
 */
const CPU_REPORTER = `data:text/javascript,${encodeURIComponent([
  `import { writeFileSync } from 'node:fs'`,
  `import process from 'node:process'`,
  `process.on('exit', () => {`,
  `  const cpu = process.cpuUsage()`,
  `  if (process.env.BENCH_CPU_FILE) writeFileSync(process.env.BENCH_CPU_FILE, String(Math.round((cpu.user + cpu.system) / 1000)))`,
  `})`,
].join('\n'))}`

export interface Timed {
  ms: number
  ok: boolean
  /** Last lines of the output when the command failed. */
  failure?: string
}

/** Runs `node ...args` from the project root, output to `log`; never throws. */
async function timeNode(args: string[], log: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  const out = createWriteStream(log)
  const started = performance.now()
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
    child.stdout.pipe(out, { end: false })
    child.stderr.pipe(out, { end: false })
    child.on('error', () => resolve(null))
    child.on('close', resolve)
  })
  const ms = round(performance.now() - started, 0)
  await new Promise(resolve => out.end(resolve))
  if (code === 0)
    return { ms, ok: true }
  const text = await readFile(log, 'utf8').catch(() => '')
  const tail = text.trim().split('\n').filter(line => !STACK_LINE.test(line)).slice(-8).join('\n')
  return { ms, ok: false, failure: `exit ${code}; ${log}:\n${tail}` }
}

/** Runs `tsx <script> ...args` from the project root, output to `log`; never throws. */
export function timeTsx(script: string, args: string[], log: string): Promise<Timed> {
  return timeNode([TSX_CLI, script, ...args], log)
}

export interface BuildTiming extends Timed {
  /** CPU ms of the Slidev process, null if it did not report. */
  cpuMs: number | null
}

/**
 * `slidev build <entry> --download false --out <dist>`, the CLI itself under plain Node (not
 * tsx, whose module hooks slow a build down by half), with the shared browser's path in case
 * a headmatter says `download: true` (which `--download false` does not override in Slidev 52.20).
 */
export async function timeSlidevBuild(entry: string, dist: string, log: string): Promise<BuildTiming> {
  const cpuFile = `${log}.cpu`
  await rm(cpuFile, { force: true })
  const args = ['--import', CPU_REPORTER, SLIDEV_CLI, 'build', entry, '--download', 'false', '--out', dist, '--executable-path', await findChromium()]
  const run = await timeNode(args, log, { BENCH_CPU_FILE: cpuFile })
  const cpu = Number.parseInt(await readFile(cpuFile, 'utf8').catch(() => ''), 10)
  return { ...run, cpuMs: Number.isNaN(cpu) ? null : cpu }
}

export interface DirSize {
  files: number
  bytes: number
  jsBytes: number
}

export async function dirSize(dir: string): Promise<DirSize> {
  const size: DirSize = { files: 0, bytes: 0, jsBytes: 0 }
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile())
      continue
    const { size: bytes } = await stat(join(entry.parentPath, entry.name))
    size.files++
    size.bytes += bytes
    if (['.js', '.mjs'].includes(extname(entry.name)))
      size.jsBytes += bytes
  }
  return size
}

/**
 * Page count of a PDF: `/Type /Page` objects, also inside compressed object streams
 * (pdf-lib, which Slidev uses to add the outline, writes those).
 */
export async function pdfPages(file: string): Promise<number> {
  const raw = await readFile(file)
  const text = raw.toString('latin1')
  const page = /\/Type\s*\/Page(?![a-z])/gi
  let count = text.match(page)?.length ?? 0
  for (const match of text.matchAll(/\/Type\s*\/ObjStm/g)) {
    const keyword = text.indexOf('stream', match.index)
    if (keyword < 0)
      continue
    const start = keyword + 'stream'.length + (text[keyword + 6] === '\r' ? 2 : 1)
    const end = text.indexOf('endstream', start)
    try {
      count += inflateSync(raw.subarray(start, end)).toString('latin1').match(page)?.length ?? 0
    }
    catch {}
  }
  return count
}

/**
 * Pages whose text contains `needle`, read with poppler's `pdftotext` when it is installed
 * (null when it is not): a cheap check that an export shows slides, not placeholders.
 */
export async function pagesWithText(file: string, needle: string): Promise<number | null> {
  const text = await new Promise<string | null>((resolve) => {
    let out = ''
    const child = spawn('pdftotext', ['-enc', 'UTF-8', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => out += chunk)
    child.on('error', () => resolve(null))
    child.on('close', code => resolve(code === 0 ? out : null))
  })
  return text === null ? null : text.split('\f').filter(page => page.includes(needle)).length
}

export interface ExportResult {
  /** Why it was not measured (e.g. skipped by a flag), or null. */
  skipped: string | null
  ms: number | null
  pages: number | null
  bytes: number | null
  /** Text that marks a bad page (e.g. Slidev's "Loading slide..." placeholder). */
  suspectText?: string
  /** Pages containing suspectText (null: not checked, no pdftotext). */
  suspectPages?: number | null
  /** The built deck the notes handout was made from. */
  input?: string
  failure?: string
}

const skipped = (reason: string): ExportResult => ({ skipped: reason, ms: null, pages: null, bytes: null })

async function timedPdf(script: string, args: string[], produced: string, output: string, log: string, suspectText: string): Promise<ExportResult> {
  await rm(produced, { force: true })
  const run = await timeTsx(script, args, log)
  if (!run.ok || !existsSync(produced))
    return { skipped: null, ms: run.ms, pages: null, bytes: null, failure: run.failure ?? `no ${produced} written` }
  if (produced !== output)
    await copyFile(produced, output)
  return {
    skipped: null,
    ms: run.ms,
    pages: await pdfPages(output),
    bytes: (await stat(output)).size,
    suspectText,
    suspectPages: await pagesWithText(output, suspectText),
  }
}

/** What a slide still loading prints as (Slidev's SlideLoading.vue). */
export const LOADING_TEXT = 'Loading slide'
/** What scripts/export-notes.ts prints for a slide without notes. */
export const NO_NOTES_TEXT = '(无备注)'

/**
 * The slides PDF the way `npm run export` (scripts/export-slides.ts) makes it, for any entry:
 * `tsx scripts/slidev.ts build <entry> --download --timeout 120000 --out <pdfDist>`, a static
 * build whose PDF Slidev exports from it. The time includes that build. The dist it leaves
 * has the /presenter/print page the notes handout reads (Slidev builds it only with download on).
 */
export async function exportPdf(entry: string, exportFilename: string, pdfDist: string, output: string, log: string, skip: string | null): Promise<ExportResult> {
  if (skip)
    return skipped(skip)
  await rm(pdfDist, { recursive: true, force: true })
  const args = ['build', entry, '--download', '--timeout', '120000', '--out', pdfDist]
  return timedPdf('scripts/slidev.ts', args, join(pdfDist, `${exportFilename}.pdf`), output, log, LOADING_TEXT)
}

export const NOTES_SCRIPT = 'scripts/export-notes.ts'

/** `npm run export:notes -- --dist <dist> --output <pdf>`, run through tsx directly. */
export async function exportNotesPdf(dist: string, output: string, log: string, skip: string | null): Promise<ExportResult> {
  if (skip)
    return skipped(skip)
  if (!existsSync(join(PROJECT_ROOT, NOTES_SCRIPT)))
    return skipped('export:notes missing')
  return timedPdf(NOTES_SCRIPT, ['--dist', dist, '--output', output], output, output, log, NO_NOTES_TEXT)
}
