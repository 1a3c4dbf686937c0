/** The result file's shape (documented in bench/README.md) and the table printed from it. */
import type { DeckName } from './decks'
import type { DirSize, ExportResult } from './exports'
import type { FirstLoad, Navigation } from './measure'
import { formatBytes, formatMs, round } from './stats'

export interface Machine {
  nproc: number
  memoryBytes: number
  cpu: string
  /** 1-minute load average when the run started (the machine is shared). */
  loadAverage: number
  platform: string
  node: string
  slidev: string
  chromium: string
}

export interface DeckResult {
  entry: string
  /** Slides as Slidev's parser counts them (hidden ones left out). */
  slides: number
  build: {
    /** Wall-clock ms of the fastest build process (of `options.builds`). */
    ms: number | null
    /** Lowest CPU ms (user + system, all threads) of a build process: less sensitive to a busy machine. */
    cpuMs: number | null
    msEach: number[]
    cpuMsEach: number[]
    ok: boolean
    attempts: number
    failure?: string
    dist: DirSize | null
  }
  firstLoad: FirstLoad | null
  navigation: Navigation | null
  pdf: ExportResult
  notes: ExportResult
}

export interface TableRow {
  figure: string
  deck: string
  minimal: string
  ratio: string
  doubled: string
}

export interface Scaling {
  /** doubled deck slides / this deck's slides. */
  slideFactor: number | null
  /** doubled deck build time / this deck's build time. */
  buildFactor: number | null
  /** Extra build ms per added slide, (doubled − deck) / (slides added). */
  buildMsPerAddedSlide: number | null
  /** The same two from build CPU time. */
  buildCpuFactor: number | null
  buildCpuMsPerAddedSlide: number | null
  /** Whole keyboard walk (key presses + settling + idle between presses), doubled / deck. */
  navigationTotalFactor: number | null
  /** Median settle time per key press, doubled / deck: ≈ 1 when per-slide cost stays flat. */
  navigationP50Factor: number | null
}

export interface BenchResult {
  schema: 1
  generatedAt: string
  options: { quick: boolean, skipExport: boolean, reuse: boolean, loads: number, builds: number }
  machine: Machine
  /** Headmatter options the minimal deck should share with slides.md but does not. */
  headmatterDrift: string[]
  decks: Record<DeckName, DeckResult>
  scaling: Scaling
  table: TableRow[]
  /** Worth a look (headmatter drift, placeholder pages in an export); every figure was measured. */
  warnings: string[]
  /** Figures that could not be measured; the run exits 1 when there are any. */
  errors: string[]
}

type Pick = (deck: DeckResult) => number | null | undefined

interface Figure {
  label: string
  pick: Pick
  format: (value: number) => string
  /** Figures measured on the doubled deck too. */
  doubled?: boolean
}

const count = (value: number) => String(Math.round(value))

function exportFigure(kind: 'pdf' | 'notes', label: string, field: keyof ExportResult, format: (value: number) => string): Figure {
  return { label, pick: deck => deck[kind][field] as number | null, format }
}

const FIGURES: Figure[] = [
  { label: 'slides', pick: d => d.navigation?.slides ?? d.slides, format: count, doubled: true },
  { label: 'key presses (slides + clicks)', pick: d => d.navigation?.steps, format: count, doubled: true },
  { label: 'build time', pick: d => d.build.ms, format: formatMs, doubled: true },
  { label: 'build CPU time (user+sys)', pick: d => d.build.cpuMs, format: formatMs, doubled: true },
  { label: 'dist size', pick: d => d.build.dist?.bytes, format: formatBytes, doubled: true },
  { label: 'dist JS', pick: d => d.build.dist?.jsBytes, format: formatBytes, doubled: true },
  { label: 'first slide: painted + fonts ready (median)', pick: d => d.firstLoad?.readyMs, format: formatMs },
  { label: 'first slide: bytes transferred', pick: d => d.firstLoad?.untilReady.bytes, format: formatBytes },
  { label: 'first slide: JS bytes transferred', pick: d => d.firstLoad?.untilReady.jsBytes, format: formatBytes },
  { label: 'first slide: requests', pick: d => d.firstLoad?.untilReady.requests, format: count },
  { label: 'first load until network idle: bytes', pick: d => d.firstLoad?.untilIdle.bytes, format: formatBytes },
  { label: 'nav text slides p50', pick: d => d.navigation?.text.p50, format: formatMs, doubled: true },
  { label: 'nav text slides p95', pick: d => d.navigation?.text.p95, format: formatMs, doubled: true },
  { label: 'nav text slides max', pick: d => d.navigation?.text.max, format: formatMs, doubled: true },
  { label: 'nav diagram slides p50', pick: d => d.navigation?.diagram.p50, format: formatMs, doubled: true },
  { label: 'nav diagram slides p95', pick: d => d.navigation?.diagram.p95, format: formatMs, doubled: true },
  { label: 'nav diagram slides max', pick: d => d.navigation?.diagram.max, format: formatMs, doubled: true },
  { label: 'nav whole walk (incl. transitions)', pick: d => d.navigation?.totalMs, format: formatMs, doubled: true },
  { label: 'JS heap after all slides (after GC)', pick: d => d.navigation?.heap.usedBytesAfterGc, format: formatBytes, doubled: true },
  exportFigure('pdf', 'PDF export time (build --download)', 'ms', formatMs),
  { label: 'PDF export time minus plain build', pick: d => d.pdf.ms != null && d.build.ms != null ? d.pdf.ms - d.build.ms : null, format: formatMs },
  exportFigure('pdf', 'PDF pages', 'pages', count),
  exportFigure('pdf', 'PDF size', 'bytes', formatBytes),
  exportFigure('pdf', 'PDF pages showing "Loading slide..."', 'suspectPages', count),
  exportFigure('notes', 'notes handout time', 'ms', formatMs),
  exportFigure('notes', 'notes handout pages', 'pages', count),
  exportFigure('notes', 'notes handout size', 'bytes', formatBytes),
  exportFigure('notes', 'notes handout pages "(无备注)"', 'suspectPages', count),
]

const valid = (value: number | null | undefined): value is number => value != null && !Number.isNaN(value)

function cell(deck: DeckResult, figure: Figure): string {
  const exported = figure.label.startsWith('PDF') ? deck.pdf : figure.label.startsWith('notes') ? deck.notes : null
  if (exported?.failure)
    return 'failed'
  const value = figure.pick(deck)
  if (valid(value))
    return figure.format(value)
  if (exported?.skipped)
    return `n/a (${exported.skipped})`
  return figure.label.startsWith('build') && !deck.build.ok ? 'failed' : 'n/a'
}

function ratio(a: DeckResult, b: DeckResult, figure: Figure): number | null {
  return cell(a, figure) === 'failed' || cell(b, figure) === 'failed' ? null : factor(figure.pick(a), figure.pick(b))
}

function factor(a: number | null | undefined, b: number | null | undefined): number | null {
  return valid(a) && valid(b) && b !== 0 ? round(a / b, 2) : null
}

export function buildTable(decks: Record<DeckName, DeckResult>): TableRow[] {
  return FIGURES.map((figure) => {
    const deckToMinimal = ratio(decks.deck, decks.minimal, figure)
    let doubled = '—'
    if (figure.doubled) {
      doubled = cell(decks.doubled, figure)
      const growth = ratio(decks.doubled, decks.deck, figure)
      if (growth !== null)
        doubled += ` (×${growth})`
    }
    return {
      figure: figure.label,
      deck: cell(decks.deck, figure),
      minimal: cell(decks.minimal, figure),
      ratio: deckToMinimal === null ? '—' : `×${deckToMinimal}`,
      doubled,
    }
  })
}

export function scaling(decks: Record<DeckName, DeckResult>): Scaling {
  const { deck, doubled } = decks
  const added = doubled.slides - deck.slides
  const perAdded = (a: number | null, b: number | null) => valid(a) && valid(b) && added > 0 ? round((a - b) / added, 0) : null
  return {
    slideFactor: factor(doubled.slides, deck.slides),
    buildFactor: factor(doubled.build.ms, deck.build.ms),
    buildMsPerAddedSlide: perAdded(doubled.build.ms, deck.build.ms),
    buildCpuFactor: factor(doubled.build.cpuMs, deck.build.cpuMs),
    buildCpuMsPerAddedSlide: perAdded(doubled.build.cpuMs, deck.build.cpuMs),
    navigationTotalFactor: factor(doubled.navigation?.totalMs, deck.navigation?.totalMs),
    navigationP50Factor: factor(doubled.navigation?.all.p50, deck.navigation?.all.p50),
  }
}

/** Markdown table (also readable in a terminal). */
export function renderTable(rows: TableRow[]): string {
  const header: TableRow = { figure: 'figure', deck: 'this deck', minimal: 'minimal', ratio: 'ratio', doubled: 'doubled deck' }
  const keys = Object.keys(header) as (keyof TableRow)[]
  const widths = keys.map(key => Math.max(...[header, ...rows].map(row => row[key].length)))
  const line = (row: TableRow) => `| ${keys.map((key, i) => row[key].padEnd(widths[i]!)).join(' | ')} |`
  return [line(header), `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

export function renderScaling(s: Scaling): string {
  const x = (value: number | null) => value === null ? 'n/a' : `×${value}`
  return [
    `Scaling (doubled deck vs this deck): slides ${x(s.slideFactor)}, build time ${x(s.buildFactor)}`
    + ` (${s.buildMsPerAddedSlide ?? 'n/a'} ms per added slide), build CPU ${x(s.buildCpuFactor)}`
    + ` (${s.buildCpuMsPerAddedSlide ?? 'n/a'} ms per added slide),`,
    `whole keyboard walk ${x(s.navigationTotalFactor)}, median settle per key press ${x(s.navigationP50Factor)}.`,
  ].join('\n')
}
