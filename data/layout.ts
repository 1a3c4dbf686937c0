/**
 * Pure layout for the three data-driven charts: the timeline, the parameter-scale chart and the
 * family tree. Every function takes a records array and returns plain coordinates, so the Vue
 * components only draw, and tests can add a model to a copy of the data and see it everywhere.
 *
 * Scales come from d3-scale and the family hierarchy from d3-hierarchy: small, tree-shakeable modules of
 * pure functions that run in unit tests without a DOM (unlike a full chart library, which would
 * own the DOM and the styling).
 */
import type { Architecture, ModelRecord, OrganisationId, OutlineSection } from './types'
import { stratify } from 'd3-hierarchy'
import { scaleLog, scaleUtc } from 'd3-scale'
import { formatParams, largestSize, modelScale } from './format'
import { organisationName } from './organisations'

/** The smallest text any chart draws: the legibility floor on the 980 × 552 canvas. */
export const MIN_FONT = 14

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** `YYYY-MM-DD` or `YYYY-MM` as a UTC date (month-only dates fall on the 1st). */
export function isoToDate(iso: string): Date {
  const [y = Number.NaN, m = 1, d = 1] = iso.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`isoToDate: expected YYYY-MM-DD or YYYY-MM, got "${iso}"`)
  return date
}

const DAY = 86_400_000

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

const UPPER_OR_DIGIT = /[A-Z0-9]/
const LOWER = /[a-z]/

/**
 * Width of a label in px, estimated without a DOM (tests and SSR have none). CJK glyphs are one em;
 * the Latin widths are Inter's averages, rounded up so estimates err on the roomy side.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0
  for (const ch of text) {
    if (ch.codePointAt(0)! >= 0x2E80)
      em += 1
    else if (UPPER_OR_DIGIT.test(ch))
      em += 0.66
    else if (LOWER.test(ch))
      em += 0.56
    else if (ch === ' ')
      em += 0.28
    else
      em += 0.4
  }
  return em * fontSize * (bold ? 1.07 : 1)
}

export interface Selection {
  /** Only models that this outline section mentions. */
  section?: OutlineSection
  /** Only these models (unknown ids throw). */
  ids?: readonly string[]
  /** Only models released on or after this ISO date. */
  from?: string
  /** Only models released on or before this ISO date. */
  to?: string
}

function byRelease(a: ModelRecord, b: ModelRecord): number {
  return isoToDate(a.released).getTime() - isoToDate(b.released).getTime() || a.id.localeCompare(b.id)
}

/** The records a chart shows, sorted by release date. */
export function selectModels(records: readonly ModelRecord[], sel: Selection = {}): ModelRecord[] {
  let out = [...records]
  if (sel.ids) {
    const known = new Set(records.map(r => r.id))
    const unknown = sel.ids.filter(id => !known.has(id))
    if (unknown.length)
      throw new Error(`Unknown model id(s) ${unknown.join(', ')} — known ids: ${[...known].join(', ')}`)
    const wanted = new Set(sel.ids)
    out = out.filter(r => wanted.has(r.id))
  }
  if (sel.section) {
    const section = sel.section
    out = out.filter(r => r.sections.includes(section))
  }
  if (sel.from) {
    const from = isoToDate(sel.from).getTime()
    out = out.filter(r => isoToDate(r.released).getTime() >= from)
  }
  if (sel.to) {
    const to = isoToDate(sel.to).getTime()
    out = out.filter(r => isoToDate(r.released).getTime() <= to)
  }
  return out.sort(byRelease)
}

/** Architectures in the order of first appearance (records are date-sorted, so oldest first). */
export function architecturesOf(records: ReadonlyArray<{ architecture: Architecture }>): Architecture[] {
  return [...new Set(records.map(r => r.architecture))]
}

// ---------------------------------------------------------------------------------------------
// Label placement (timeline)

export interface LabelRequest {
  /** x of the point the label belongs to. */
  anchor: number
  width: number
}

export interface LabelPlacement extends LabelRequest {
  /** Left edge of the label box. */
  left: number
  /** 0, 1, 2, … alternating above / below the axis: even levels above, odd below. */
  level: number
}

export interface PlaceOptions {
  /** Labels stay inside [min, max]. */
  min: number
  max: number
  /** Free space between two labels on one level. */
  gap?: number
  /** How far a label may slide from its centred position to share a nearer level. */
  maxShift?: number
}

/**
 * Packs labels already in anchor order onto one line: each starts centred on its anchor (clamped
 * into [min, max]); overlapping neighbours merge into a block that sits centred on its members'
 * wishes (the classic pool-adjacent-violators pass). Returns left edges; neighbours are ≥ gap apart.
 */
export function packLine(items: readonly LabelRequest[], min: number, max: number, gap: number): number[] {
  interface Block { first: number, last: number, width: number, wishSum: number, left: number }
  const wish = (it: LabelRequest) => clamp(it.anchor - it.width / 2, min, Math.max(min, max - it.width))
  const place = (b: Block) => {
    b.left = clamp(b.wishSum / (b.last - b.first + 1), min, Math.max(min, max - b.width))
  }
  const blocks: Block[] = []
  items.forEach((it, i) => {
    const block: Block = { first: i, last: i, width: it.width, wishSum: wish(it), left: 0 }
    place(block)
    blocks.push(block)
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!
      const a = blocks[blocks.length - 2]!
      if (a.left + a.width + gap <= b.left)
        break
      // merge b into a: b's members' wishes, expressed as wishes for the block's left edge
      let offset = a.width + gap
      for (let j = b.first; j <= b.last; j++) {
        a.wishSum += wish(items[j]!) - offset
        offset += items[j]!.width + gap
      }
      a.last = b.last
      a.width += gap + b.width
      place(a)
      blocks.pop()
    }
  })
  const lefts: number[] = []
  for (const b of blocks) {
    let x = b.left
    for (let j = b.first; j <= b.last; j++) {
      lefts.push(x)
      x += items[j]!.width + gap
    }
  }
  return lefts
}

/**
 * Label placement for a time axis: labels are visited left to right and each takes the nearest
 * level (above 1, below 1, above 2, …) where, after packing that level with `packLine`, no label
 * is more than `maxShift` from its centred position. Labels on one level never overlap, and every
 * label lies inside [min, max] (unless it is wider than that).
 */
export function placeLabels(items: readonly LabelRequest[], opts: PlaceOptions): LabelPlacement[] {
  const { min, max, gap = 8, maxShift = 24 } = opts
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.anchor - items[b]!.anchor || a - b)
  const levels: number[][] = []
  const lefts: number[][] = []
  const ideal = (i: number) => clamp(items[i]!.anchor - items[i]!.width / 2, min, Math.max(min, max - items[i]!.width))
  for (const i of order) {
    for (let level = 0; ; level++) {
      const members = [...(levels[level] ?? []), i]
      const packed = packLine(members.map(j => items[j]!), min, max, gap)
      const fits = (j: number, k: number) =>
        Math.abs(packed[k]! - ideal(j)) <= maxShift && packed[k]! + items[j]!.width <= max + 1e-9
      if (members.length === 1 || members.every(fits)) {
        levels[level] = members
        lefts[level] = packed
        break
      }
    }
  }
  const out: LabelPlacement[] = Array.from({ length: items.length })
  levels.forEach((members, level) => members.forEach((j, k) => {
    out[j] = { ...items[j]!, left: lefts[level]![k]!, level }
  }))
  return out
}

/** Spreads points so neighbours are at least `minGap` apart (same-day releases stay visible). */
export function dodge(xs: readonly number[], minGap: number): number[] {
  const out = [...xs]
  for (let i = 1; i < out.length; i++)
    out[i] = Math.max(out[i]!, out[i - 1]! + minGap)
  return out
}

// ---------------------------------------------------------------------------------------------
// Timeline

export interface TimelineOptions extends Selection {
  /** Layout width in px (the SVG viewBox width). */
  width: number
  /** Height the chart may take; spacing stretches or shrinks (within limits) to fill it. */
  height?: number
  /** Cuts the time axis into stacked panels at these ISO dates ("2021-01-01,2023-01-01" or an array). */
  split?: string | readonly string[]
  fontSize?: number
}

export interface TimelineMark {
  id: string
  name: string
  architecture: Architecture
  released: string
  /** Dot position (after dodging same-day releases). */
  x: number
  /** Label text; the milestone model's text carries its milestone. */
  text: string
  milestone?: string
  label: LabelPlacement
  side: 'above' | 'below'
  /** Distance from the axis in levels, 0 = nearest. */
  depth: number
  /** Baseline y of the label, relative to the panel. */
  labelY: number
  /** Where the leader line from the dot meets the label, relative to the panel. */
  stemX: number
  stemY: number
}

export interface TimelineTick {
  x: number
  text: string
  /** Year ticks are major; quarter ticks (on short panels) are minor. */
  major: boolean
  /** Whether the text fits (a tick too near the right edge has only its line). */
  showText: boolean
  /** False for the year label at the start of a panel that does not begin on 1 January. */
  line: boolean
}

/** Font size of the axis labels: the smallest text on the slide may not go below 14 px. */
export const TICK_FONT = 14

/** Axis labels grow with larger model labels (a timeline set in 20 px gets 16 px ticks), never below TICK_FONT. */
export function tickFontFor(fontSize: number): number {
  return Math.max(TICK_FONT, Math.round(fontSize * 0.8))
}

export interface TimelinePanel {
  /** Top of the panel in the SVG. */
  y: number
  height: number
  /** Axis y relative to the panel. */
  axisY: number
  /** Baseline of the tick labels, relative to the panel. */
  tickY: number
  x0: number
  x1: number
  ticks: TimelineTick[]
  marks: TimelineMark[]
  /** Where the milestone's era starts on this panel's axis (0 when it began in an earlier panel). */
  milestone?: { x: number, architecture: Architecture }
}

export interface TimelineLayout {
  width: number
  height: number
  fontSize: number
  panels: TimelinePanel[]
  /** Architectures present, for the legend. */
  architectures: Architecture[]
}

/** Text of a model's timeline label. */
export function timelineText(r: ModelRecord): string {
  return r.milestone ? `${r.name} · ${r.milestone}` : r.name
}

/** Box width of a timeline label: milestone labels are bold, in a pill. */
export function timelineLabelWidth(r: ModelRecord, fontSize: number): number {
  return r.milestone
    ? textWidth(timelineText(r), fontSize, true) + 14
    : textWidth(timelineText(r), fontSize) + 4
}

const PANEL_GAP = 14
const MARGIN_X = 18

function layoutPanel(
  records: readonly ModelRecord[],
  domain: [Date, Date],
  width: number,
  fontSize: number,
  y: number,
  stretch: number,
): TimelinePanel {
  const x0 = MARGIN_X
  const x1 = width - MARGIN_X
  const scale = scaleUtc().domain(domain).range([x0, x1])
  const xs = dodge(records.map(r => scale(isoToDate(r.released))), 7)
  const labels = placeLabels(
    records.map((r, i) => ({ anchor: xs[i]!, width: timelineLabelWidth(r, fontSize) })),
    { min: 0, max: width, gap: 10, maxShift: fontSize * 3.5 },
  )
  const levels = labels.reduce((n, l) => Math.max(n, l.level + 1), 0)
  const above = Math.ceil(levels / 2)
  const below = Math.floor(levels / 2)
  // `stretch` spaces the label levels out to use the height the slide gives the chart
  const lineHeight = Math.round(fontSize * 1.55 * stretch)
  const stem = Math.round(12 * stretch)
  const axisY = above * lineHeight + stem
  const belowTop = axisY + stem
  const tickFont = tickFontFor(fontSize)
  const tickY = belowTop + below * lineHeight + tickFont + 2

  const marks: TimelineMark[] = records.map((r, i) => {
    const label = labels[i]!
    const depth = Math.floor(label.level / 2)
    const side = label.level % 2 === 0 ? 'above' : 'below'
    const labelY = side === 'above'
      ? axisY - stem - depth * lineHeight - Math.round(fontSize * 0.3)
      : belowTop + depth * lineHeight + Math.round(fontSize * 0.85)
    return {
      id: r.id,
      name: r.name,
      architecture: r.architecture,
      released: r.released,
      x: xs[i]!,
      text: timelineText(r),
      milestone: r.milestone,
      label,
      side,
      depth,
      labelY,
      stemX: clamp(xs[i]!, label.left + 6, label.left + label.width - 6),
      stemY: side === 'above' ? labelY + Math.round(fontSize * 0.25) : labelY - Math.round(fontSize * 0.8),
    }
  })

  const [start, end] = domain
  const spanYears = (end.getTime() - start.getTime()) / (365.25 * DAY)
  const ticks: TimelineTick[] = []
  for (let year = start.getUTCFullYear(); year <= end.getUTCFullYear(); year++) {
    const months = spanYears < 0.75 ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : spanYears < 3 ? [0, 3, 6, 9] : [0]
    for (const month of months) {
      const date = new Date(Date.UTC(year, month, 1))
      if (date < start || date > end)
        continue
      const x = scale(date)
      const text = month === 0 ? String(year) : `${month + 1} 月`
      ticks.push({ x, text, major: month === 0, showText: x + 4 + textWidth(text, tickFont) <= width, line: true })
    }
  }
  // a panel that starts mid-year still says which year it starts in
  const startYear = String(start.getUTCFullYear())
  if (!ticks.some(t => t.major && t.x <= x0 + 1) && (ticks[0]?.x ?? width) > textWidth(startYear, tickFont) + 16)
    ticks.unshift({ x: 0, text: startYear, major: true, showText: true, line: false })
  const milestone = marks.find(m => m.milestone)
  return {
    y,
    height: tickY + 6,
    axisY,
    tickY,
    x0,
    x1,
    ticks,
    marks,
    milestone: milestone && { x: milestone.x, architecture: milestone.architecture },
  }
}

/**
 * Timeline: one dot per model on a UTC time axis (d3 `scaleUtc`, the time scale in UTC so dates do
 * not shift with the viewer's time zone), labels packed by `placeLabels`. With `split` the axis is
 * cut into stacked panels, each with its own scale, so a crowded recent period gets room.
 */
export function timelineLayout(records: readonly ModelRecord[], opts: TimelineOptions): TimelineLayout {
  const natural = timelineAt(records, opts, 1)
  if (!opts.height || natural.height === 0)
    return natural
  // the stretch that fills the given height: largest in [0.85, 2.2] whose layout still fits
  // (height grows with the stretch, in rounded steps, so bisect rather than solve)
  let lo = 0.85
  let hi = 2.2
  if (timelineAt(records, opts, hi).height <= opts.height)
    return timelineAt(records, opts, hi)
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2
    if (timelineAt(records, opts, mid).height <= opts.height)
      lo = mid
    else
      hi = mid
  }
  return timelineAt(records, opts, lo)
}

function timelineAt(records: readonly ModelRecord[], opts: TimelineOptions, stretch: number): TimelineLayout {
  const shown = selectModels(records, opts)
  const fontSize = opts.fontSize ?? 15
  const width = opts.width
  const timeOf = (r: ModelRecord) => isoToDate(r.released).getTime()
  const times = shown.map(timeOf)
  const first = Math.min(...times)
  const last = Math.max(...times)
  const cuts = (typeof opts.split === 'string' ? opts.split.split(',') : opts.split ?? [])
    .map(d => isoToDate(d.trim()).getTime())
    .filter(t => t > first && t <= last)
    .sort((a, b) => a - b)
  const bounds = [-Infinity, ...cuts, Infinity]
  // the era a milestone opens carries on into later panels
  const milestone = shown.find(r => r.milestone)

  const panels: TimelinePanel[] = []
  let y = 0
  bounds.slice(1).forEach((b, i) => {
    const a = bounds[i]!
    const inPanel = shown.filter(r => timeOf(r) >= a && timeOf(r) < b)
    if (!inPanel.length)
      return
    // open ends hug the panel's models with a small margin; cuts are exact
    const lo = Math.min(...inPanel.map(timeOf))
    const hi = Math.max(...inPanel.map(timeOf))
    const pad = Math.max((hi - (Number.isFinite(a) ? a : lo)) * 0.03, 12 * DAY)
    const start = Number.isFinite(a) ? a : opts.from ? isoToDate(opts.from).getTime() : lo - pad
    const end = Number.isFinite(b) ? b : opts.to ? isoToDate(opts.to).getTime() : hi + pad
    const panel = layoutPanel(inPanel, [new Date(start), new Date(end)], width, fontSize, y, stretch)
    if (!panel.milestone && milestone && timeOf(milestone) < start)
      panel.milestone = { x: 0, architecture: milestone.architecture }
    panels.push(panel)
    y += panel.height + PANEL_GAP * stretch
  })
  return {
    width,
    height: Math.max(0, y - PANEL_GAP * stretch),
    fontSize,
    panels,
    architectures: architecturesOf(shown),
  }
}

// ---------------------------------------------------------------------------------------------
// Parameter scale

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
    const smallest = r.params.length > 1 ? Math.min(...r.params.map(p => p.total)) : undefined
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

/** Rounds down / up to 1, 2 or 5 × 10^k. */
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

/** Powers of ten inside the domain: the axis ticks. */
export function powerTicks([lo, hi]: [number, number]): number[] {
  const ticks: number[] = []
  for (let e = Math.ceil(Math.log10(lo)); 10 ** e <= hi; e++)
    ticks.push(10 ** e)
  return ticks
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
  const t = (v: number) => Math.log(v / domain[0]) / Math.log(domain[1] / domain[0])
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

// ---------------------------------------------------------------------------------------------
// Family tree

/** The tree's lanes: GLM's blank infilling (one Transformer, prefix mask) has its own, not encoder–decoder's. */
export type Branch = 'encoder' | 'encdec' | 'prefix' | 'decoder'
export const BRANCHES: readonly Branch[] = ['encoder', 'encdec', 'prefix', 'decoder']

const branchOfArch: Partial<Record<Architecture, Branch>> = {
  'encoder-only': 'encoder',
  'encoder-decoder': 'encdec',
  'prefix-lm': 'prefix',
  'decoder-only': 'decoder',
  'moe-decoder': 'decoder',
}

export interface TreeNode {
  id: string
  name: string
  architecture: Architecture
  branch: Branch
  /** An origin (no parent among the records) is drawn across all branches. */
  origin: boolean
  year: number
  /** Centre of the pill. */
  x: number
  y: number
  width: number
}

export interface TreeEdge {
  from: string
  to: string
  /** The first `basedOn` parent is the tree parent; further ones are drawn dashed. */
  primary: boolean
  /** SVG path from the parent pill to the child pill. */
  path: string
}

export interface TreeBand {
  branch: Branch
  y: number
  height: number
  /** The branch's name (first line, bold) and description, each with its baseline; as many as fit. */
  labels: Array<{ text: string, x: number, y: number, bold: boolean }>
}

/** Each branch's name and a short description, drawn at the left of its band. */
export const BRANCH_LABELS: Record<Branch, readonly string[]> = {
  encoder: ['Encoder-only', '自编码'],
  encdec: ['Encoder-Decoder', '交叉注意力'],
  prefix: ['Prefix LM', '空白填充'],
  decoder: ['Decoder-only', '自回归', '含 MoE、多模态', '与系统'],
}

export interface TreeColumn {
  year: number
  x: number
  width: number
}

export interface FamilyTreeLayout {
  width: number
  height: number
  fontSize: number
  pillHeight: number
  /** Left gutter for the branch labels (0 when they sit in the origin's column). */
  gutter: number
  headerHeight: number
  nodes: TreeNode[]
  edges: TreeEdge[]
  bands: TreeBand[]
  columns: TreeColumn[]
  architectures: Architecture[]
}

export interface FamilyTreeOptions {
  ids?: readonly string[]
  width: number
  /** Height the chart may take: the gap between rows grows or shrinks (within limits) to fill it. */
  height?: number
  fontSize?: number
}

/** Parents of a record that are among the records shown. */
function parentsIn(r: ModelRecord, present: ReadonlySet<string>): string[] {
  return (r.basedOn ?? []).filter(id => present.has(id))
}

/**
 * The branch a model sits on: by its architecture, or — for MoE/multimodal/systems without their
 * own branch — the branch of the model it builds on (an origin such as the Transformer does not
 * pass its branch on; those default to decoder-only, where today's systems live).
 */
export function branchOf(r: ModelRecord, byId: ReadonlyMap<string, ModelRecord>, seen = new Set<string>()): Branch {
  const own = branchOfArch[r.architecture]
  if (own)
    return own
  const parent = parentsIn(r, new Set(byId.keys())).map(id => byId.get(id)!)[0]
  if (!parent || seen.has(parent.id) || !parentsIn(parent, new Set(byId.keys())).length)
    return 'decoder'
  return branchOf(parent, byId, new Set([...seen, r.id]))
}

/** All `basedOn` edges between the records shown; the first present parent is the primary one. */
export function familyEdges(records: readonly ModelRecord[]): Array<{ from: string, to: string, primary: boolean }> {
  const present = new Set(records.map(r => r.id))
  return records.flatMap(r => parentsIn(r, present).map((from, i) => ({ from, to: r.id, primary: i === 0 })))
}

const VIRTUAL_ROOT = '__root__'

/**
 * Order of the models in the family hierarchy (d3 `stratify`, children by date, pre-order): a
 * parent comes before its children and subtrees stay contiguous, so sorting a column by it keeps
 * siblings together and edges short. Throws (via stratify) on a cycle in `basedOn`.
 */
export function treeOrder(records: readonly ModelRecord[]): Map<string, number> {
  const present = new Set(records.map(r => r.id))
  const rows = [
    { id: VIRTUAL_ROOT, parent: undefined as string | undefined, released: '' },
    ...records.map(r => ({ id: r.id, parent: parentsIn(r, present)[0] ?? VIRTUAL_ROOT, released: r.released })),
  ]
  const root = stratify<typeof rows[number]>()
    .id(d => d.id)
    .parentId(d => d.parent)(rows)
  root.sort((a, b) => a.data.released.localeCompare(b.data.released) || a.data.id.localeCompare(b.data.id))
  const order = new Map<string, number>()
  root.eachBefore((node) => {
    if (node.data.id !== VIRTUAL_ROOT)
      order.set(node.data.id, order.size)
  })
  return order
}

/**
 * Assigns ordered items to rows 0..rows-1, each as near its wish as order allows (no two share a
 * row; order is kept).
 */
export function assignRows(wishes: readonly number[], rows: number): number[] {
  const n = wishes.length
  const out = wishes.map(w => Math.round(w))
  for (let i = 0; i < n; i++)
    out[i] = Math.max(out[i]!, i === 0 ? 0 : out[i - 1]! + 1)
  for (let i = n - 1; i >= 0; i--)
    out[i] = Math.min(out[i]!, i === n - 1 ? rows - 1 : out[i + 1]! - 1)
  for (let i = 0; i < n; i++)
    out[i] = Math.max(out[i]!, i === 0 ? 0 : out[i - 1]! + 1)
  return out
}

function edgePath(a: TreeNode, b: TreeNode): string {
  const f = (v: number) => Math.round(v * 10) / 10
  if (b.x - b.width / 2 > a.x + a.width / 2) {
    // forward in time: right side of the parent to the left side of the child
    const sx = a.x + a.width / 2
    const tx = b.x - b.width / 2
    const mx = (sx + tx) / 2
    return `M${f(sx)},${f(a.y)} C${f(mx)},${f(a.y)} ${f(mx)},${f(b.y)} ${f(tx)},${f(b.y)}`
  }
  if (a.x - a.width / 2 > b.x + b.width / 2) {
    // the child was published first (FLAN before the LaMDA paper): left of parent to right of child
    const sx = a.x - a.width / 2
    const tx = b.x + b.width / 2
    const mx = (sx + tx) / 2
    return `M${f(sx)},${f(a.y)} C${f(mx)},${f(a.y)} ${f(mx)},${f(b.y)} ${f(tx)},${f(b.y)}`
  }
  // same column: a bracket on the left of the two pills
  const sx = a.x - a.width / 2
  const tx = b.x - b.width / 2
  const bx = Math.min(sx, tx) - 12
  return `M${f(sx)},${f(a.y)} C${f(bx)},${f(a.y)} ${f(bx)},${f(b.y)} ${f(tx)},${f(b.y)}`
}

/**
 * Family tree with time flowing right: one column per release year, one horizontal band per
 * branch (encoder-only / encoder-decoder / prefix LM with blank infilling / decoder-only incl. MoE,
 * multimodal and systems), the origin spanning all bands; rows inside a band follow the tidy-tree order.
 */
export function familyTreeLayout(records: readonly ModelRecord[], opts: FamilyTreeOptions): FamilyTreeLayout {
  const shown = selectModels(records, { ids: opts.ids })
  const fontSize = opts.fontSize ?? 15
  const pillHeight = Math.round(fontSize * 1.7)
  const labelLine = MIN_FONT + 3
  const headerHeight = fontSize + 10
  const colGap = 18
  const byId = new Map(shown.map(r => [r.id, r]))
  const present = new Set(byId.keys())
  const order = treeOrder(shown)
  const isOrigin = (r: ModelRecord) => parentsIn(r, present).length === 0
  const pillWidth = (r: ModelRecord) => Math.ceil(textWidth(r.name, fontSize) + 16)
  const yearOf = (r: ModelRecord) => isoToDate(r.released).getUTCFullYear()
  // an origin with descendants that is alone in its year spans all bands (the Transformer)
  const spansBands = (r: ModelRecord) => isOrigin(r)
    && shown.some(c => parentsIn(c, present)[0] === r.id)
    && shown.every(c => c === r || yearOf(c) !== yearOf(r))
  const spanning = shown.filter(spansBands)

  // cells: the models of one year on one branch
  const cells = new Map<string, ModelRecord[]>()
  for (const r of shown) {
    if (spansBands(r))
      continue
    const key = `${yearOf(r)}|${branchOf(r, byId)}`
    cells.set(key, [...(cells.get(key) ?? []), r])
  }

  // columns: one per year, as wide as its widest pill, spare width shared out. When the first year
  // holds only the origin, the branch names sit in that column beside it instead of in a gutter.
  const years = shown.map(yearOf)
  const firstYear = Math.min(...years)
  const lastYear = Math.max(...years)
  const colYears = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i)
  const branchesShown = BRANCHES.filter(b => colYears.some(y => cells.has(`${y}|${b}`)))
  const labelWidth = Math.max(0, ...branchesShown.map(b => textWidth(BRANCH_LABELS[b][0]!, MIN_FONT, true))) + 16
  const labelsBesideOrigin = spanning.length === 1 && yearOf(spanning[0]!) === firstYear
  const gutter = labelsBesideOrigin ? 0 : labelWidth
  const need = colYears.map((y, i) => Math.max(
    40,
    i === 0 && labelsBesideOrigin ? labelWidth : 0,
    ...shown.filter(r => yearOf(r) === y).map(pillWidth),
  ) + colGap)
  const over = need.reduce((sum, w) => sum + w, 0) - (opts.width - gutter)
  if (over > 0 && fontSize > MIN_FONT) {
    // too wide for the slide: step the type down (never below the floor) until the columns fit
    return familyTreeLayout(records, { ...opts, fontSize: Math.max(MIN_FONT, fontSize - 0.5) })
  }
  const spare = Math.max(0, -over) / colYears.length
  const columns: TreeColumn[] = []
  let cx = gutter
  colYears.forEach((year, i) => {
    const w = need[i]! + spare
    columns.push({ year, x: cx, width: w })
    cx += w
  })
  const columnOf = (r: ModelRecord) => columns[yearOf(r) - firstYear]!

  // bands: as many rows as the fullest (year, branch) cell; the tallest also makes room below its
  // name for the origin
  const rowsOf = (b: Branch) => Math.max(0, ...colYears.map(y => cells.get(`${y}|${b}`)?.length ?? 0))
  const minRows: Record<Branch, number> = { encoder: 1, encdec: 1, prefix: 1, decoder: 3 }
  const bandRows = branchesShown.map(branch => ({ branch, rows: Math.max(rowsOf(branch), minRows[branch]) }))
  // rows fill the height the slide gives the chart; without one, a fixed gap between pills
  const totalRows = bandRows.reduce((n, b) => n + b.rows, 0)
  const fixed = headerHeight + 4 + bandRows.length * 12 - 4
  const rowHeight = opts.height && totalRows
    ? clamp(Math.floor((opts.height - fixed) / totalRows), pillHeight + 3, pillHeight + 22)
    : pillHeight + 8
  const bands: TreeBand[] = []
  let by = headerHeight + 4
  for (const { branch, rows } of bandRows) {
    const height = rows * rowHeight + 8
    // labels: centred in a one-row band, from the top in a taller one; as many lines as fit
    const lines = BRANCH_LABELS[branch].slice(0, Math.max(1, Math.floor((height - 6) / labelLine)))
    const first = rows === 1
      ? by + height / 2 - ((lines.length - 1) * labelLine) / 2 + MIN_FONT * 0.35
      : by + 6 + MIN_FONT * 0.85
    const labels = lines.map((text, i) => ({ text, x: gutter ? 8 : columns[0]!.x + 8, y: first + i * labelLine, bold: i === 0 }))
    bands.push({ branch, y: by, height, labels })
    by += height + 4
  }
  const height = by - 4

  const nodes = new Map<string, TreeNode>()
  const place = (r: ModelRecord, branch: Branch, x: number, y: number, origin: boolean) => {
    const col = columnOf(r)
    nodes.set(r.id, { id: r.id, name: r.name, architecture: r.architecture, branch, origin, year: col.year, x, y, width: pillWidth(r) })
  }
  // the origin: centred across the bands, or — beside the names — in the tallest band below its name
  for (const r of spanning) {
    const col = columnOf(r)
    if (labelsBesideOrigin) {
      const band = bands.reduce((a, b) => (b.height > a.height ? b : a))
      const freeTop = band.labels[band.labels.length - 1]!.y + MIN_FONT * 0.4
      const y = Math.max(freeTop + pillHeight / 2 + 6, band.y + band.height / 2)
      place(r, branchOf(r, byId), col.x + 8 + pillWidth(r) / 2, y, true)
    }
    else {
      const top = bands[0]?.y ?? 0
      place(r, branchOf(r, byId), col.x + col.width / 2, top + (height - top) / 2, true)
    }
  }

  // rows inside each cell, column by column: in family order (subtrees stay together), each as
  // near its parent's row as that order allows when the parent sits on the same band
  for (const col of columns) {
    for (const band of bands) {
      const rows = Math.floor((band.height - 8) / rowHeight)
      const cell = [...(cells.get(`${col.year}|${band.branch}`) ?? [])]
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      const assigned = assignRows(cell.map((r) => {
        const parent = nodes.get(parentsIn(r, present)[0] ?? '')
        return parent && !parent.origin && parent.branch === band.branch
          ? clamp((parent.y - band.y - 4 - rowHeight / 2) / rowHeight, 0, rows - 1)
          : 0
      }), rows)
      cell.forEach((r, i) => place(r, band.branch, col.x + col.width / 2, band.y + 4 + assigned[i]! * rowHeight + rowHeight / 2, false))
    }
  }

  const edges: TreeEdge[] = familyEdges(shown).map(e => ({
    ...e,
    path: edgePath(nodes.get(e.from)!, nodes.get(e.to)!),
  }))
  return {
    width: opts.width,
    height,
    fontSize,
    pillHeight,
    gutter,
    headerHeight,
    nodes: shown.map(r => nodes.get(r.id)!),
    edges,
    bands,
    columns,
    architectures: architecturesOf(shown),
  }
}

/** Font size as an inline style for SVG text: a `font-size` attribute would be caught by UnoCSS attributify. */
export function px(size: number): { fontSize: string } {
  return { fontSize: `${size}px` }
}
