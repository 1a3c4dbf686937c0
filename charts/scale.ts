/**
 * The parameter-scale chart's layout: one row per model on a log axis shared by every slide that
 * draws it.
 */
import type { Architecture, ModelRecord, OrganisationId } from '../data/schema'
import type { Overflow } from './fit'
import { scaleLog } from 'd3-scale'
import { organisationName } from '../data/organisations'
import { formatParams, largestSize, modelScale, smallestSize } from '../lib/format'
import { textWidth } from '../lib/text-width'
import { beyondCanvas, px1 } from './fit'
import { architecturesOf, clamp, MIN_FONT, selectModels } from './shared'

export type SizeKind = ReturnType<typeof modelScale>['kind']

export interface ScaleRow {
  id: string
  name: string
  org: OrganisationId
  architecture: Architecture
  released: string
  /** dense: one count; moe: total and active; undisclosed: no sizes published; none: a system that adds no weights of its own. */
  kind: SizeKind
  /** Largest released size (total parameters). */
  total?: number
  /** Active parameters per token of that size (MoE only). */
  active?: number
  /** Smallest released size, when the model came in several sizes. */
  smallest?: number
  /** What the row prints after its marks: the same phrase as the card's scale (`modelScale`). */
  valueText: string
}

export interface ScaleOptions {
  ids?: readonly string[]
  /** Keep models whose largest size is ≥ this; undisclosed ones are kept too. */
  minParams?: number
  /** Keep models whose largest size is < this; models without a size are left out. */
  maxParams?: number
  sort?: 'date' | 'size'
}

/** One row per model: its largest size, how it is shown, and where it stops being a number. */
export function scaleRows(records: readonly ModelRecord[], opts: ScaleOptions = {}): ScaleRow[] {
  const rows = selectModels(records, { ids: opts.ids }).map((r): ScaleRow => {
    const largest = largestSize(r.params)
    const smallest = r.params.length > 1 ? smallestSize(r.params)!.total : undefined
    const scale = modelScale(r)
    return {
      id: r.id,
      name: r.name,
      org: r.org,
      architecture: r.architecture,
      released: r.released,
      kind: scale.kind,
      total: largest?.total,
      active: largest?.active,
      smallest: smallest !== undefined && largest && smallest < largest.total ? smallest : undefined,
      valueText: scale.params,
    }
  })
  const kept = rows.filter((row) => {
    if (row.total === undefined)
      return opts.maxParams === undefined
    return (opts.minParams === undefined || row.total >= opts.minParams)
      && (opts.maxParams === undefined || row.total < opts.maxParams)
  })
  if (opts.sort === 'size')
    kept.sort((a, b) => (b.total ?? Infinity) - (a.total ?? Infinity))
  return kept
}

/**
 * Rounds down / up to 1, 2 or 5 × 10^k: d3's `nice()` on a log scale rounds to whole decades,
 * which would leave most of a decade empty at either end of the axis (10M–10T for 44M–1.2T; here 20M–2T).
 */
function niceLog(value: number, dir: 'down' | 'up'): number {
  const exp = Math.floor(Math.log10(value))
  const steps = [1, 2, 5, 10].map(s => s * 10 ** exp)
  return dir === 'down'
    ? steps.filter(s => s <= value * (1 + 1e-9)).pop()!
    : steps.find(s => s >= value * (1 - 1e-9))!
}

/**
 * Domain of the log axis over ALL records (not just the rows shown), so two slides that split the
 * models share one axis and can be compared.
 */
export function paramsDomain(records: readonly ModelRecord[]): [number, number] {
  const all = records.flatMap(r => r.params.flatMap(p => [p.total, p.active ?? p.total]))
  if (!all.length)
    return [1e8, 1e12]
  return [niceLog(Math.min(...all), 'down'), niceLog(Math.max(...all), 'up')]
}

/** A log scale over the parameter domain (d3 `scaleLog`). */
export function paramsScale(domain: [number, number], range: [number, number]) {
  return scaleLog().domain(domain).range(range)
}

/**
 * Powers of ten inside the domain: the axis ticks. A tick count no larger than the decades spanned
 * makes d3 give one tick per decade (more would add the 2…9 minor ticks).
 */
export function powerTicks(domain: [number, number]): number[] {
  const decades = Math.max(1, Math.floor(Math.log10(domain[1]) - Math.log10(domain[0])))
  return scaleLog().domain(domain).ticks(decades)
}

/** Marks a row draws: one filled dot per dense model; a hollow total and a filled active for MoE. */
export function scaleMarks(row: ScaleRow): Array<{ value: number, filled: boolean }> {
  if (row.kind === 'dense')
    return [{ value: row.total!, filled: true }]
  if (row.kind === 'moe')
    return [{ value: row.total!, filled: false }, { value: row.active!, filled: true }]
  return []
}

export interface ScaleChartOptions extends ScaleOptions {
  width: number
  /** Height the chart may take: rows grow or shrink (within limits) to fill it. */
  height?: number
  fontSize?: number
  rowHeight?: number
}

export interface ScaleChartRow extends ScaleRow {
  /** Centre line of the row. */
  y: number
  orgName: string
  marks: Array<{ x: number, value: number, filled: boolean }>
  /** Thin line from the smallest to the largest released size. */
  range?: [number, number]
  valueX: number
}

export interface ScaleChartLayout {
  width: number
  height: number
  /** The height it was given (`height` exceeds it only when even the tightest rows do not fit). */
  maxHeight?: number
  fontSize: number
  /** Size of the column heads, ticks, organisations, dates and values. */
  smallFont: number
  rowHeight: number
  /** Top of the first row (below the tick labels). */
  top: number
  orgX: number
  dateX: number
  plotX0: number
  plotX1: number
  ticks: Array<{ x: number, text: string }>
  rows: ScaleChartRow[]
  architectures: Architecture[]
}

/**
 * Parameter-scale chart: one row per model, x = parameters on a log axis (d3 `scaleLog`) shared by
 * every slide that uses it; name, organisation and date columns sized to the data (all of it, so
 * split slides line up).
 */
export function scaleChartLayout(records: readonly ModelRecord[], opts: ScaleChartOptions): ScaleChartLayout {
  const { width } = opts
  const fontSize = opts.fontSize ?? 15
  const small = MIN_FONT
  const top = small + 12
  const rows = scaleRows(records, opts)
  const count = Math.max(1, rows.length)
  // rows fill the height the slide gives the chart (or ~380 px), never tighter than the text needs
  const rowHeight = opts.rowHeight
    ?? (opts.height ? clamp(Math.floor((opts.height - top) / count), 18, 34) : clamp(Math.floor(380 / count), 20, 28))
  // columns and plot width come from ALL models, so every slide of the chart has the same axis
  const all = scaleRows(records)
  const nameW = Math.max(0, ...all.map(r => textWidth(r.name, fontSize, true))) + 14
  const orgW = 14 + Math.max(0, ...all.map(r => textWidth(organisationName(r.org), small))) + 14
  const dateW = textWidth('2020-05', small) + 18
  const orgX = nameW
  const dateX = orgX + orgW
  const plotX0 = dateX + dateW
  const domain = paramsDomain(records)
  const t = paramsScale(domain, [0, 1])
  // widest plot whose value labels still end inside the chart
  let plotX1 = width - 8
  for (const row of all) {
    if (row.total === undefined)
      continue
    const room = textWidth(row.valueText, small) + 16
    const tr = t(row.total)
    if (tr > 0)
      plotX1 = Math.min(plotX1, plotX0 + (width - room - plotX0) / tr)
  }
  const x = paramsScale(domain, [plotX0, plotX1])
  return {
    width,
    height: top + rows.length * rowHeight,
    maxHeight: opts.height,
    fontSize,
    smallFont: small,
    rowHeight,
    top,
    orgX,
    dateX,
    plotX0,
    plotX1,
    ticks: powerTicks(domain).map(v => ({ x: x(v), text: formatParams(v) })),
    rows: rows.map((row, i) => {
      const marks = scaleMarks(row).map(m => ({ ...m, x: x(m.value) }))
      const right = Math.max(plotX0, ...marks.map(m => m.x))
      return {
        ...row,
        y: top + i * rowHeight + rowHeight / 2,
        orgName: organisationName(row.org),
        marks,
        range: row.smallest !== undefined ? [x(row.smallest), x(row.total!)] as [number, number] : undefined,
        valueX: marks.length ? right + 10 : plotX0 + 4,
      }
    }),
    architectures: architecturesOf(rows),
  }
}

/**
 * What of a scale chart does not fit (see `charts/fit.ts`): a value label running off the canvas,
 * or rows below the height the chart was given.
 */
export function scaleChartOverflows(layout: ScaleChartLayout): Overflow[] {
  const out: Overflow[] = []
  for (const row of layout.rows) {
    const problem = beyondCanvas('value label', row.valueX, row.valueX + textWidth(row.valueText, layout.smallFont), layout.width)
    if (problem)
      out.push({ models: [row], problem })
  }
  const { maxHeight } = layout
  if (maxHeight !== undefined && layout.height > maxHeight + 1e-6) {
    out.push({
      models: layout.rows.filter(r => r.y + layout.rowHeight / 2 > maxHeight + 1e-6),
      problem: `below the ${maxHeight} px the chart has (${layout.rows.length} rows of ${layout.rowHeight} px: ${px1(layout.height)} px)`,
    })
  }
  return out
}
