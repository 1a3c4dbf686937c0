/**
 * npm run bench [-- --quick] [-- --skip-export] [-- --reuse] [-- --loads N]
 *
 * Builds and measures, side by side: this deck (slides.md), a minimal deck with the same setup
 * (bench/minimal/slides.md) and this deck with every page imported twice (scaling check).
 * Prints a table and writes bench/results/latest.json (fields: bench/README.md). Figures are
 * reported, never asserted.
 *   --quick        2 loads instead of 5, no PDF/notes export (for iterating)
 *   --skip-export  no PDF/notes export
 *   --reuse        keep the dists already in bench/.work/ (no builds, build time n/a)
 *   --loads N      measured first-slide loads per deck (after one warm-up)
 *   --builds N     builds per deck, fastest kept (2, --quick 1)
 */
import type { Deck, DeckName } from './decks'
import type { BenchResult, DeckResult, Machine } from './report'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join, relative } from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { launchChromium } from '../scripts/browser'
import { serveStatic } from '../scripts/serve'
import { BENCH_WORK, deckPaths, deckShape, headmatterDrift, prepareDoubled, prepareMinimal, PROJECT_ROOT } from './decks'
import { dirSize, exportNotesPdf, exportPdf, timeSlidevBuild } from './exports'
import { measureFirstLoad, measureNavigation } from './measure'
import { buildTable, renderScaling, renderTable, scaling } from './report'

const { values: flags } = parseArgs({
  options: {
    'quick': { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
    'reuse': { type: 'boolean', default: false },
    'loads': { type: 'string' },
    'builds': { type: 'string' },
  },
})
const quick = flags.quick!
const skipExport = flags['skip-export']! || quick
const reuse = flags.reuse!
const loads = flags.loads ? Number(flags.loads) : quick ? 2 : 5
const builds = flags.builds ? Number(flags.builds) : quick ? 1 : 2
const DECKS = ['deck', 'minimal', 'doubled'] as const
const BUILD_ATTEMPTS = 3
const errors: string[] = []
/** Worth a look, but every figure was measured. */
const warnings: string[] = []

const print = (text: string) => process.stdout.write(`${text}\n`)
const log = (message: string) => print(`[bench] ${message}`)
const rel = (path: string) => relative(PROJECT_ROOT, path)

interface BuildRun {
  ms: number
  cpuMs: number | null
}

/** Builds with retries: other people edit the deck while this runs, it may be broken for a moment. */
async function buildOnce(deck: Deck): Promise<{ run: BuildRun | null, attempts: number, failure?: string }> {
  let failure: string | undefined
  for (let attempt = 1; attempt <= BUILD_ATTEMPTS; attempt++) {
    await rm(deck.dist, { recursive: true, force: true })
    log(`build ${deck.name} (attempt ${attempt})…`)
    const run = await timeSlidevBuild(deck.entry, deck.dist, join(BENCH_WORK, `${deck.name}-build.log`))
    if (run.ok) {
      log(`build ${deck.name}: ${run.ms} ms (${run.cpuMs} ms CPU)`)
      return { run: { ms: run.ms, cpuMs: run.cpuMs }, attempts: attempt }
    }
    failure = run.failure
    log(`build ${deck.name} failed: ${failure}`)
    if (attempt < BUILD_ATTEMPTS)
      await sleep(20_000)
  }
  return { run: null, attempts: BUILD_ATTEMPTS, failure }
}

/**
 * Builds every deck `builds` times, in turns (deck, minimal, doubled, deck, …) so a busy moment
 * on the shared machine does not land on one deck only; keeps the fastest run of each.
 */
async function buildAll(decks: Record<DeckName, Deck>): Promise<Record<DeckName, DeckResult['build']>> {
  const runs: Record<DeckName, BuildRun[]> = { deck: [], minimal: [], doubled: [] }
  const out = {} as Record<DeckName, DeckResult['build']>
  for (const name of DECKS) {
    out[name] = { ms: null, cpuMs: null, msEach: [], cpuMsEach: [], ok: false, attempts: 0, dist: null }
    if (reuse) {
      const ok = existsSync(join(decks[name].dist, 'index.html'))
      Object.assign(out[name], { ok, failure: ok ? undefined : 'no dist to reuse' })
    }
  }
  for (let round = 1; round <= (reuse ? 0 : builds); round++) {
    for (const name of DECKS) {
      if (round > 1 && !out[name].ok)
        continue
      const { run, attempts, failure } = await buildOnce(decks[name])
      out[name].attempts += attempts
      if (run) {
        runs[name].push(run)
        out[name].ok = true
      }
      else {
        out[name].ok = false
        out[name].failure = failure
        errors.push(`${name}: build failed after ${BUILD_ATTEMPTS} attempts`)
      }
    }
  }
  for (const name of DECKS) {
    const b = out[name]
    b.msEach = runs[name].map(r => r.ms)
    b.cpuMsEach = runs[name].map(r => r.cpuMs).filter((ms): ms is number => ms !== null)
    b.ms = b.msEach.length ? Math.min(...b.msEach) : null
    b.cpuMs = b.cpuMsEach.length ? Math.min(...b.cpuMsEach) : null
    b.dist = b.ok ? await dirSize(decks[name].dist) : null
  }
  return out
}

async function machine(chromium: string): Promise<Machine> {
  const slidev = JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules/@slidev/cli/package.json'), 'utf8')) as { version: string }
  return {
    nproc: availableParallelism(),
    memoryBytes: totalmem(),
    cpu: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg()[0]!,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    slidev: slidev.version,
    chromium,
  }
}

async function main(): Promise<number> {
  const startLoad = loadavg()[0]!
  await mkdir(BENCH_WORK, { recursive: true })
  const decks: Record<DeckName, Deck> = reuse
    ? { deck: deckPaths('deck'), minimal: deckPaths('minimal'), doubled: deckPaths('doubled') }
    : { deck: deckPaths('deck'), minimal: await prepareMinimal(), doubled: await prepareDoubled() }

  const shapes = {
    deck: await deckShape(decks.deck.entry),
    minimal: await deckShape(decks.minimal.entry),
    doubled: await deckShape(decks.doubled.entry),
  }
  const drift = headmatterDrift(shapes.deck.headmatter, shapes.minimal.headmatter)
  for (const name of DECKS) {
    if ([true, 'true', 'auto'].includes(shapes[name].headmatter.download as string))
      warnings.push(`${name}: headmatter has download: ${String(shapes[name].headmatter.download)}; \`slidev build --download false\` does not turn that off (Slidev 52.20), so its build time includes a PDF export`)
  }
  if (drift.length)
    warnings.push(`bench/minimal/slides.md differs from slides.md in ${drift.join(', ')}: align its headmatter`)

  const built = await buildAll(decks)
  const results = {} as Record<DeckName, DeckResult>
  for (const name of DECKS) {
    results[name] = {
      entry: rel(decks[name].entry),
      slides: shapes[name].slides,
      build: built[name],
      firstLoad: null,
      navigation: null,
      pdf: { skipped: null, ms: null, pages: null, bytes: null },
      notes: { skipped: null, ms: null, pages: null, bytes: null },
    }
  }

  const browser = await launchChromium()
  const chromium = browser.version()
  try {
    for (const name of DECKS) {
      if (!results[name].build.ok)
        continue
      const server = await serveStatic(decks[name].dist)
      try {
        if (name !== 'doubled') {
          log(`first slide of ${name}: 1 warm-up + ${loads} loads…`)
          results[name].firstLoad = await measureFirstLoad(browser, `${server.url}1`, loads)
        }
        log(`keyboard walk through ${name}…`)
        const navigation = await measureNavigation(browser, `${server.url}1`)
        results[name].navigation = navigation
        errors.push(...navigation.errors.map(e => `${name}: ${e}`))
      }
      catch (error) {
        errors.push(`${name}: browser measurement failed: ${(error as Error).message.split('\n')[0]}`)
      }
      finally {
        await server.close()
      }
    }
  }
  finally {
    await browser.close()
  }

  const skip = quick ? 'skipped: --quick' : skipExport ? 'skipped: --skip-export' : null
  for (const name of DECKS) {
    const deck = decks[name]
    if (name === 'doubled') {
      results[name].pdf.skipped = results[name].notes.skipped = 'not measured for the doubled deck'
      continue
    }
    if (!skip)
      log(`PDF export and notes handout of ${name}…`)
    const exportFilename = String(shapes[name].headmatter.exportFilename || 'slidev-exported')
    results[name].pdf = await exportPdf(deck.entry, exportFilename, deck.pdfDist, join(BENCH_WORK, `${name}.pdf`), join(BENCH_WORK, `${name}-pdf.log`), skip)
    // The handout reads /presenter/print, which Slidev builds only with download on: the export's dist has it.
    const notesDist = existsSync(join(deck.pdfDist, 'index.html')) ? deck.pdfDist : deck.dist
    const noDist = existsSync(join(notesDist, 'index.html')) ? null : 'no build'
    results[name].notes = await exportNotesPdf(notesDist, join(BENCH_WORK, `${name}-notes.pdf`), join(BENCH_WORK, `${name}-notes.log`), skip ?? noDist)
    if (!results[name].notes.skipped)
      results[name].notes.input = rel(notesDist)
    for (const [kind, result] of [['PDF export', results[name].pdf], ['notes handout', results[name].notes]] as const) {
      if (result.failure)
        errors.push(`${name}: ${kind} failed: ${result.failure}`)
      if (result.suspectPages)
        warnings.push(`${name}: ${kind}: ${result.suspectPages} of ${result.pages} pages show "${result.suspectText}"`)
    }
  }

  const table = buildTable(results)
  const result: BenchResult = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    options: { quick, skipExport, reuse, loads, builds },
    machine: { ...await machine(chromium), loadAverage: startLoad },
    headmatterDrift: drift,
    decks: results,
    scaling: scaling(results),
    table,
    warnings,
    errors,
  }
  const out = join(PROJECT_ROOT, 'bench/results/latest.json')
  await mkdir(join(PROJECT_ROOT, 'bench/results'), { recursive: true })
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`)

  const m = result.machine
  print(`\n${renderTable(table)}\n`)
  print(renderScaling(result.scaling))
  print(`\nMachine: ${m.nproc} CPUs (${m.cpu}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, load ${m.loadAverage.toFixed(2)} at start; `
    + `Node ${m.node}, Slidev ${m.slidev}, Chromium ${m.chromium}. ${quick ? 'Quick run. ' : ''}${loads} first-slide loads per deck${reuse ? ', builds reused' : `, fastest of ${builds} build(s)`}.`)
  if (warnings.length)
    print(`\nWarnings:\n${warnings.map(w => `- ${w}`).join('\n')}`)
  if (errors.length)
    print(`\nProblems:\n${errors.map(e => `- ${e}`).join('\n')}`)
  print(`\nWrote ${rel(out)}`)
  return errors.length ? 1 : 0
}

// Non-zero when a figure could not be measured (the table says which); figures are never judged.
main().then(code => process.exit(code), (error: Error) => {
  console.error(error.stack ?? error.message)
  process.exit(1)
})
