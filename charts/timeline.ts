/**
 * The timeline's layout: one dot per model on a UTC time axis, labels above and below it.
 */
import type { Architecture, ModelRecord } from '../data/schema'
import type { Overflow } from './fit'
import type { LabelPlacement } from './labels'
import type { Selection } from './shared'
import { scaleUtc } from 'd3-scale'
import { isoToDate } from '../lib/dates'
import { textWidth } from '../lib/text-width'
import { beyondCanvas, px1 } from './fit'
import { dodge, placeLabels } from './labels'
import { architecturesOf, clamp, DAY, selectModels } from './shared'

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
  /** The height it was given (`height` may exceed it only when even the tightest spacing does not fit). */
  maxHeight?: number
  fontSize: number
  panels: TimelinePanel[]
  /** Architectures present, for the legend. */
  architectures: Architecture[]
}

/** Text of a model's timeline label. */
function timelineText(r: ModelRecord): string {
  return r.milestone ? `${r.name} · ${r.milestone}` : r.name
}

/** Box width of a timeline label: milestone labels are bold, in a pill. */
function timelineLabelWidth(r: ModelRecord, fontSize: number): number {
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
  // crowded dots near the end are pushed back left rather than off the axis
  const xs = dodge(records.map(r => scale(isoToDate(r.released))), 7, [x0, x1])
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
  return { ...fillHeight(records, opts, opts.height), maxHeight: opts.height }
}

function fillHeight(records: readonly ModelRecord[], opts: TimelineOptions, height: number): TimelineLayout {
  // the stretch that fills the given height: largest in [0.85, 2.2] whose layout still fits
  // (height grows with the stretch, in rounded steps, so bisect rather than solve)
  let lo = 0.85
  let hi = 2.2
  const stretchedMost = timelineAt(records, opts, hi)
  if (stretchedMost.height <= height)
    return stretchedMost
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2
    if (timelineAt(records, opts, mid).height <= height)
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

/**
 * What of a timeline does not fit (see `charts/fit.ts`): a dot or a label outside the canvas, or
 * labels stacked on so many levels that the chart is taller than the height it was given.
 */
export function timelineOverflows(layout: TimelineLayout): Overflow[] {
  const out: Overflow[] = []
  for (const panel of layout.panels) {
    for (const m of panel.marks) {
      for (const problem of [
        beyondCanvas('', m.x, m.x, layout.width),
        beyondCanvas('label', m.label.left, m.label.left + m.label.width, layout.width),
      ]) {
        if (problem)
          out.push({ models: [m], problem })
      }
    }
  }
  if (layout.maxHeight !== undefined && layout.height > layout.maxHeight + 1e-6) {
    // the labels on the outermost level of the most crowded panel are what make it tall
    const levels = (p: TimelinePanel) => Math.max(0, ...p.marks.map(m => m.label.level + 1))
    const panel = layout.panels.reduce((a, b) => (levels(b) > levels(a) ? b : a))
    out.push({
      models: panel.marks.filter(m => m.label.level === levels(panel) - 1),
      problem: `label on the outermost of ${levels(panel)} levels: the chart is ${px1(layout.height)} px tall, more than the ${layout.maxHeight} px it has`,
    })
  }
  return out
}
