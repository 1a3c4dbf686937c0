/**
 * npm run bench [-- --quick] [--skip-export] [--reuse] [--loads N] [--builds N]: this deck, a
 * minimal deck with the same setup and this deck with every page imported twice, measured side by
 * side in one run, with the live demos and `npm run present`. Prints one table and writes
 * bench/results/latest.json; flags and fields in bench/README.md. Figures are reported, never asserted.
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { launchChromium } from '../scripts/browser'
import { loadDeck } from '../scripts/deck-source'
import { exportNotes } from '../scripts/export-notes'
import { exportSlides } from '../scripts/export-slides'
import { readPdf } from '../scripts/pdf'
import { startPresentServer } from '../scripts/present'
import { serveStatic } from '../scripts/serve'
import { runSlidev } from '../scripts/slidev'
import { demoDownloads, DEMOS, TEXTS, tinyGptTimings, tokenizerTimings } from './demos'
import { bothWindowsTakeInput, firstSlidePainted, loadOnce, probeContext, walkDeck } from './page'

const { values: flags } = parseArgs({ options: { 'quick': { type: 'boolean' }, 'skip-export': { type: 'boolean' }, 'reuse': { type: 'boolean' }, 'loads': { type: 'string' }, 'builds': { type: 'string' } } })
const { quick = false, reuse = false } = flags
const skipExport = flags['skip-export'] || quick
const loads = Number(flags.loads ?? (quick ? 2 : 5))
const builds = reuse ? 0 : Number(flags.builds ?? (quick ? 1 : 2))

type DeckName = 'deck' | 'minimal' | 'doubled'
const DECKS: DeckName[] = ['deck', 'minimal', 'doubled']
const WORK = 'bench/.work'
// Slidev's user root is the entry's folder: entries beside slides.md share its setup, styles, components.
const ENTRY: Record<DeckName, string> = { deck: 'slides.md', minimal: '.bench-minimal.md', doubled: '.bench-doubled.md' }
const dist = (name: DeckName) => join(WORK, `${name}-dist`)
/** Headmatter options that change what is built or rendered: the minimal deck must share them. */
const SHARED_HEADMATTER = ['theme', 'addons', 'fonts', 'colorSchema', 'transition', 'mdc', 'monaco', 'remoteAssets', 'canvasWidth', 'aspectRatio', 'lang', 'highlighter', 'lineNumbers', 'routerMode', 'drawings', 'download', 'presenter', 'export', 'favicon', 'mcp', 'editor']
/** Preloaded into Slidev: on exit, its CPU time (user + system, all threads) to $BENCH_CPU_FILE; steadier than wall time on a shared machine. */
const CPU_REPORTER = `data:text/javascript,${encodeURIComponent(`import { writeFileSync } from 'node:fs'
process.on('exit', () => { const cpu = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String(Math.round((cpu.user + cpu.system) / 1000))) })`)}`

/** The table's rows: figure key → label. Keys ending in Ms are milliseconds, in Bytes bytes; the rest counts. */
const ROWS: Record<string, string> = {
  slides: 'slides',
  steps: 'key presses (slides + clicks)',
  buildMs: 'build time (fastest)',
  buildCpuMs: 'build CPU time (user+sys, lowest)',
  distBytes: 'dist size',
  distJsBytes: 'dist JS',
  firstMs: 'first slide: painted + fonts ready (median)',
  firstBytes: 'first slide: bytes transferred',
  firstJsBytes: 'first slide: JS bytes transferred',
  firstRequests: 'first slide: requests',
  idleBytes: 'first load until network idle: bytes',
  ...Object.fromEntries(['text', 'diagram'].flatMap(kind => ['p50', 'p95', 'max'].map(p => [`nav.${kind}.${p}Ms`, `nav ${kind} slides ${p}`]))),
  walkMs: 'nav whole walk (incl. transitions)',
  heapBytes: 'JS heap after all slides (after GC)',
  pdfMs: 'PDF export time (build + tagged print)',
  pdfExtraMs: 'PDF export time minus plain build',
  pdfPages: 'PDF pages',
  pdfBytes: 'PDF size',
  pdfSuspectPages: 'PDF pages showing "Loading slide..."',
  notesMs: 'notes handout time',
  notesPages: 'notes handout pages',
  notesBytes: 'notes handout size',
  notesSuspectPages: 'notes handout pages "(无备注)"',
  presentFirstMs: 'npm run present: first slide painted (median)',
  presentInputMs: 'npm run present: both windows take input (median)',
  ...Object.fromEntries(Object.keys(DEMOS).flatMap(alias => [[`${alias}.ownBytes`, `${alias}: JS its slide adds`], [`${alias}.sharedBytes`, `${alias}: … incl. what other slides share`]])),
  vocabulariesBytes: 'tokenizer vocabularies, loaded lazily',
  tokenizerPrefetchMs: 'tokenizer live, slide before shown 1 s (median of 3)',
  tokenizerColdMs: 'tokenizer live, opened cold',
  pasteMs: 'paste 500 characters, mixed',
  ...Object.fromEntries(Object.keys(TEXTS).flatMap(kind => [[`key.${kind}Ms`, `one keystroke, 500 characters, ${kind} (median)`], [`keyMax.${kind}Ms`, `one keystroke, 500 characters, ${kind} (max of 20)`]])),
  tinyGptWeightsBytes: 'tiny GPT weights, loaded lazily',
  tinyGptPrefetchMs: 'tiny GPT live, slide before shown 1 s (median of 3)',
  tinyGptColdMs: 'tiny GPT live, opened cold',
  tinyGptStepMs: 'tiny GPT: one character per press (median of 30)',
  tinyGptStepMaxMs: 'tiny GPT: one character per press (max of 30)',
  heatmapRedrawMs: 'heat map: another head redrawn (median of 16)',
  heatmapRedrawMaxMs: 'heat map: another head redrawn (max of 16)',
  heatmapTextMs: 'heat map: a new 24-character text, 16 heads (median of 5)',
}

const figures: Record<DeckName, Record<string, number>> = { deck: {}, minimal: {}, doubled: {} }
const samples: Record<DeckName, Record<string, unknown>> = { deck: {}, minimal: {}, doubled: {} }
const errors: string[] = []
const warnings: string[] = []
const log = (text: string) => process.stdout.write(`[bench] ${text}\n`)
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(1, Math.ceil(p / 100 * xs.length)) - 1] ?? Number.NaN
const median = (xs: number[]) => percentile(xs, 50)
const factor = (a?: number, b?: number) => a !== undefined && b && Number.isFinite(a / b) ? `×${(a / b).toFixed(2)}` : undefined

/** Runs one measurement; a failure is recorded (the run then exits 1) and the others go on. */
async function measure<T>(what: string, run: () => Promise<T>, attempts = 1): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    }
    catch (error) {
      const message = (error as Error).message.replace(/\s+/g, ' ').slice(0, 400)
      if (attempt >= attempts)
        return void errors.push(`${what}: ${message}`)
      // Other people edit and build on this machine: a broken moment passes, and so does a busy port.
      log(`${what} failed (attempt ${attempt}), again in 20 s: ${message.slice(0, 120)}`)
      await sleep(20_000)
    }
  }
}

async function build(name: DeckName): Promise<void> {
  const cpuFile = resolve(WORK, `${name}.cpu`)
  await rm(cpuFile, { force: true })
  const started = performance.now()
  await runSlidev(['build', ENTRY[name], '--out', dist(name)], { quiet: true, nodeArgs: ['--import', CPU_REPORTER], env: { BENCH_CPU_FILE: cpuFile } })
  const wall = (samples[name].buildMs ??= []) as number[]
  const cpu = (samples[name].buildCpuMs ??= []) as number[]
  wall.push(Math.round(performance.now() - started))
  cpu.push(Number.parseInt(await readFile(cpuFile, 'utf8').catch(() => 'NaN')))
  Object.assign(figures[name], { buildMs: Math.min(...wall), buildCpuMs: Math.min(...cpu) })
}

async function browserFigures(name: DeckName, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  const f = figures[name]
  const files = (await readdir(dist(name), { recursive: true, withFileTypes: true })).filter(entry => entry.isFile())
  const sizes = await Promise.all(files.map(async entry => [entry.name, (await stat(join(entry.parentPath, entry.name))).size] as const))
  f.distBytes = sizes.reduce((n, [, size]) => n + size, 0)
  f.distJsBytes = sizes.filter(([file]) => /\.m?js$/.test(file)).reduce((n, [, size]) => n + size, 0)
  const server = await serveStatic(dist(name))
  try {
    if (name !== 'doubled') {
      log(`${name}: first slide, 1 warm-up + ${loads} loads…`)
      await measure(`${name}: first slide`, async () => {
        const runs = []
        for (let i = 0; i <= loads; i++) // load 0 warms the server, the OS file cache and the browser
          runs.push(await loadOnce(browser, `${server.url}1`))
        runs.shift()
        samples[name].firstMs = runs.map(r => Math.round(r.readyMs))
        Object.assign(f, { firstMs: median(runs.map(r => r.readyMs)), idleBytes: median(runs.map(r => r.untilIdle.bytes)) })
        Object.assign(f, { firstBytes: median(runs.map(r => r.untilReady.bytes)), firstJsBytes: median(runs.map(r => r.untilReady.jsBytes)), firstRequests: median(runs.map(r => r.untilReady.requests)) })
      })
    }
    log(`${name}: keyboard walk through every slide and click…`)
    const walk = await measure(`${name}: keyboard walk`, () => walkDeck(browser, `${server.url}1`))
    if (walk) {
      Object.assign(f, { slides: walk.slides, steps: walk.steps.length, walkMs: walk.totalMs, heapBytes: walk.heapAfterGc, navP50Ms: median(walk.steps.map(s => s.ms)) })
      for (const [kind, diagram] of [['text', false], ['diagram', true]] as const) {
        const ms = walk.steps.filter(s => s.diagram === diagram).map(s => s.ms)
        Object.assign(f, { [`nav.${kind}.p50Ms`]: median(ms), [`nav.${kind}.p95Ms`]: percentile(ms, 95), [`nav.${kind}.maxMs`]: Math.max(...ms) })
      }
      samples[name].diagramSlides = [...new Set(walk.steps.filter(s => s.diagram).map(s => s.no))]
      samples[name].slowestSteps = [...walk.steps].sort((a, b) => b.ms - a.ms).slice(0, 5)
      errors.push(...walk.errors.map(e => `${name}: ${e}`))
    }
    if (name === 'deck') {
      log('deck: live demos…')
      await measure('deck: demos', async () => {
        const [downloads, tokenizer] = [await demoDownloads(dist(name)), await tokenizerTimings(browser, server.url)]
        samples.deck.demos = { downloads, tokenizer }
        for (const [alias, d] of Object.entries(downloads))
          Object.assign(f, { [`${alias}.ownBytes`]: d.own, [`${alias}.sharedBytes`]: d.shared })
        Object.assign(f, { vocabulariesBytes: downloads['tokenizer-demo']!.lazy, tokenizerPrefetchMs: median(tokenizer.prefetch), tokenizerColdMs: tokenizer.cold, pasteMs: tokenizer.typing.mixed.paste })
        for (const [kind, { keys }] of Object.entries(tokenizer.typing))
          Object.assign(f, { [`key.${kind}Ms`]: median(keys), [`keyMax.${kind}Ms`]: Math.max(...keys) })
      })
      log('deck: the tiny GPT…')
      await measure('deck: tiny GPT', async () => {
        const gpt = await tinyGptTimings(browser, server.url)
        ;(samples.deck.demos as Record<string, unknown> | undefined ?? (samples.deck.demos = {}) as Record<string, unknown>).tinyGpt = gpt
        Object.assign(f, {
          tinyGptWeightsBytes: gpt.weightsBytes,
          tinyGptPrefetchMs: median(gpt.prefetch),
          tinyGptColdMs: gpt.cold,
          tinyGptStepMs: median(gpt.step),
          tinyGptStepMaxMs: Math.max(...gpt.step),
          heatmapRedrawMs: median(gpt.redraw),
          heatmapRedrawMaxMs: Math.max(...gpt.redraw),
          heatmapTextMs: median(gpt.recompute),
        })
      })
    }
  }
  finally {
    await server.close()
  }
  if (name === 'doubled')
    return
  log(`${name}: npm run present, 1 warm-up + ${loads} runs…`)
  await measure(`${name}: npm run present`, async () => {
    const paint = async (urls: { audience: string }) => {
      const context = await probeContext(browser)
      return firstSlidePainted(await context.newPage(), urls.audience).finally(() => context.close())
    }
    const runs = { presentFirstMs: [] as number[], presentInputMs: [] as number[] }
    for (let run = 0; run <= loads; run++) { // run 0 warms up
      for (const [key, time] of [['presentFirstMs', paint], ['presentInputMs', bothWindowsTakeInput.bind(null, browser)]] as const) {
        const present = await startPresentServer({ dist: dist(name), port: 0 }) // a fresh `npm run present` each time
        const ms = await time(present.urls.local).finally(() => present.close())
        if (run)
          runs[key].push(Math.round(ms))
      }
    }
    Object.assign(samples[name], runs)
    Object.assign(f, { presentFirstMs: median(runs.presentFirstMs), presentInputMs: median(runs.presentInputMs) })
  })
}

/** Time, pages, size, and pages whose text (poppler's pdftotext, when installed) contains `needle`. */
async function timedPdf(name: DeckName, kind: 'pdf' | 'notes', output: string, needle: string, make: () => Promise<unknown>): Promise<void> {
  const started = performance.now()
  await make()
  const pdf = await readPdf(output)
  Object.assign(figures[name], { [`${kind}Ms`]: performance.now() - started, [`${kind}Pages`]: pdf.pages, [`${kind}Bytes`]: pdf.bytes })
  if (pdf.pageTexts)
    figures[name][`${kind}SuspectPages`] = pdf.pageTexts.filter(text => text.includes(needle)).length
}

async function exports(name: DeckName): Promise<void> {
  const pdfDist = join(WORK, `${name}-pdf-dist`)
  log(`${name}: PDF export and notes handout…`)
  // What `npm run export` does, for this entry: a static build, then the tagged PDF printed from it.
  await measure(`${name}: PDF export`, () => timedPdf(name, 'pdf', join(WORK, `${name}.pdf`), 'Loading slide', () =>
    exportSlides({ entry: ENTRY[name], output: join(WORK, `${name}.pdf`), dist: pdfDist, quiet: true })), 5)
  figures[name].pdfExtraMs = figures[name].pdfMs! - figures[name].buildMs!
  // `npm run export:notes -- --dist`: it reads the build's /presenter/print.
  const input = existsSync(join(pdfDist, 'index.html')) ? pdfDist : dist(name)
  await measure(`${name}: notes handout`, () => timedPdf(name, 'notes', join(WORK, `${name}-notes.pdf`), '(无备注)', () =>
    exportNotes({ dist: input, output: join(WORK, `${name}-notes.pdf`) })))
}

function format(key: string, value?: number): string {
  if (value === undefined || !Number.isFinite(value))
    return '—'
  if (key.endsWith('Ms'))
    return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 10 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`
  if (key.endsWith('Bytes'))
    return value >= 2 ** 20 ? `${(value / 2 ** 20).toFixed(2)} MiB` : `${(value / 1024).toFixed(1)} KiB`
  return String(Math.round(value))
}

async function main(): Promise<number> {
  const loadAtStart = loadavg()
  await mkdir(WORK, { recursive: true })
  await copyFile('bench/minimal/slides.md', ENTRY.minimal)
  const source = await readFile(ENTRY.deck, 'utf8')
  // Every `src:` page again; the copies drop routeAlias, since Slidev sends an alias to the first slide that has it.
  const again = [...source.matchAll(/^src:\s*(\S+)\s*$/gm)].map(m => `\n---\nsrc: ${m[1]}\nrouteAlias: null\n---\n`)
  await writeFile(ENTRY.doubled, `${source.trimEnd()}\n${again.join('')}`)
  try {
    const [deckHead, minimalHead] = await Promise.all([ENTRY.deck, ENTRY.minimal].map(async entry => (await loadDeck(entry)).headmatter))
    const drift = SHARED_HEADMATTER.filter(key => JSON.stringify(deckHead![key]) !== JSON.stringify(minimalHead![key]))
    if (drift.length)
      warnings.push(`bench/minimal/slides.md differs from slides.md in ${drift.join(', ')}: align its headmatter`)
    for (let round = 1; round <= builds; round++) { // in turns, so a busy moment does not land on one deck only
      for (const name of DECKS.filter(n => round === 1 || figures[n].buildMs !== undefined)) {
        log(`build ${name} (round ${round} of ${builds})…`)
        await measure(`${name}: build`, () => build(name), 3)
      }
    }
    const browser = await launchChromium()
    const chromium = browser.version()
    for (const name of DECKS) {
      if (existsSync(join(dist(name), 'index.html')))
        await browserFigures(name, browser)
      else
        errors.push(`${name}: no build in ${dist(name)}`)
    }
    await browser.close()
    for (const name of skipExport ? [] : ['deck', 'minimal'] as const)
      await exports(name)

    const { deck, minimal, doubled } = figures
    const header = { figure: 'figure', deck: 'this deck', minimal: 'minimal', ratio: 'ratio', doubled: 'doubled deck' }
    const rows = Object.entries(ROWS).map(([key, figure]) => ({
      figure,
      deck: format(key, deck[key]),
      minimal: format(key, minimal[key]),
      ratio: factor(deck[key], minimal[key]) ?? '—',
      doubled: `${format(key, doubled[key])}${factor(doubled[key], deck[key]) ? ` (${factor(doubled[key], deck[key])})` : ''}`,
    }))
    const widths = Object.keys(header).map(key => Math.max(...[header, ...rows].map(row => row[key as keyof typeof row].length)))
    const line = (row: object) => `| ${Object.values(row).map((cell: string, i) => cell.padEnd(widths[i]!)).join(' | ')} |`
    const scaling = Object.fromEntries(['slides', 'buildMs', 'buildCpuMs', 'walkMs', 'navP50Ms'].map(key => [key, factor(doubled[key], deck[key]) ?? null]))
    const round2 = (xs: number[]) => xs.map(x => Math.round(x * 100) / 100)
    const { version: slidev } = JSON.parse(await readFile('node_modules/@slidev/cli/package.json', 'utf8')) as { version: string }
    const machine = { nproc: availableParallelism(), memoryBytes: totalmem(), cpu: cpus()[0]?.model, loadAverage: { start: round2(loadAtStart), end: round2(loadavg()) }, platform: `${process.platform} ${process.arch}`, node: process.version, slidev, chromium }
    process.stdout.write(`\n${[
      line(header),
      `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
      ...rows.map(line),
      '',
      `Scaling, doubled deck ÷ this deck: slides ${scaling.slides}, build ${scaling.buildMs}, build CPU ${scaling.buildCpuMs}, whole walk ${scaling.walkMs}, median settle per key press ${scaling.navP50Ms}.`,
      `Machine: ${machine.nproc} CPUs (${machine.cpu}), load average ${machine.loadAverage.start.join(' ')} at start, ${machine.loadAverage.end.join(' ')} at the end; Node ${machine.node}, Slidev ${machine.slidev}, Chromium ${chromium}. ${loads} loads per deck, ${reuse ? 'builds reused' : `fastest of ${builds} build(s)`}${skipExport ? ', no exports' : ''}.`,
      ...warnings.map(w => `Warning: ${w}`),
      ...errors.map(e => `Not measured: ${e}`),
    ].join('\n')}\n`)
    await mkdir('bench/results', { recursive: true })
    const result = { schema: 2, generatedAt: new Date().toISOString(), options: { quick, skipExport, reuse, loads, builds }, machine, headmatterDrift: drift, figures, samples, scaling, table: rows, warnings, errors }
    await writeFile('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`)
    log('wrote bench/results/latest.json')
    return errors.length ? 1 : 0
  }
  finally {
    await Promise.all([rm(ENTRY.minimal, { force: true }), rm(ENTRY.doubled, { force: true })])
  }
}

// Non-zero when a figure could not be measured (listed under the table); figures are never judged.
main().then(code => process.exit(code), (error: Error) => {
  console.error(error.stack ?? error.message)
  process.exit(1)
})
