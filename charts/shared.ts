/**
 * What the three data-driven charts (timeline, parameter scale, family tree) share. Every layout
 * function takes a records array and returns plain coordinates, so the Vue components only draw,
 * and a test can add a model to a copy of the data and see it everywhere.
 *
 * Scales come from d3-scale and the family hierarchy from d3-hierarchy: small, tree-shakeable
 * modules of pure functions that run in unit tests without a DOM (unlike a full chart library,
 * which would own the DOM and the styling).
 */
import type { Architecture, ModelRecord } from '../data/schema'
import { isoToDate } from '../lib/dates'
import { byRelease, requireModels } from '../lib/records'

/** The smallest text any chart draws: the legibility floor on the 980 × 552 canvas. */
export const MIN_FONT = 14

/** Width a chart lays out at until its frame has measured the slide: the default layout's content width. */
export const CHART_WIDTH = 868

export const DAY = 86_400_000

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

export interface Selection {
  /** Only these models (unknown ids throw). */
  ids?: readonly string[]
  /** Only models released on or after this ISO date. */
  from?: string
  /** Only models released on or before this ISO date. */
  to?: string
}

/** The records a chart shows, sorted by release date. */
export function selectModels(records: readonly ModelRecord[], sel: Selection = {}): ModelRecord[] {
  let out = sel.ids ? requireModels(records, [...new Set(sel.ids)]) : [...records]
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

/** Font size as an inline style for SVG text: a `font-size` attribute would be caught by UnoCSS attributify. */
export function px(size: number): { fontSize: string } {
  return { fontSize: `${size}px` }
}
