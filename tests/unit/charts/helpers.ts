import type { TimelineLayout } from '../../../charts/timeline'
import type { ModelRecord } from '../../../data/schema'
import type { SectionList } from '../../../data/sections'
import { familyTreeLayout, familyTreeOverflows } from '../../../charts/family-tree'
import { overflowMessages } from '../../../charts/fit'
import { scaleChartLayout, scaleChartOverflows } from '../../../charts/scale'
import { CHART_WIDTH } from '../../../charts/shared'
import { timelineLayout, timelineOverflows } from '../../../charts/timeline'
import { OUTLINE_SECTIONS } from '../../../data/sections'

/** The default layout's content width: what the charts lay out at until measured. */
export { CHART_WIDTH as WIDTH } from '../../../charts/shared'
export const ALL_MODELS_SPLIT = '2021-01-01,2023-01-01'

/** Small deterministic PRNG (mulberry32) so the random cases are reproducible. */
export function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6D2B79F5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Box { left: number, right: number, top: number, bottom: number }
export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** Every label of a timeline as a box in SVG coordinates (pill-sized, the larger of the two). */
export function labelBoxes(layout: TimelineLayout): Array<Box & { id: string, panel: number }> {
  return layout.panels.flatMap((panel, p) => panel.marks.map(m => ({
    id: m.id,
    panel: p,
    left: m.label.left,
    right: m.label.left + m.label.width,
    top: panel.y + m.labelY - layout.fontSize * 1.05,
    bottom: panel.y + m.labelY + layout.fontSize * 0.45,
  })))
}

/**
 * Heights the size tests give the charts: about what their slides leave them (ChartFrame measures
 * the real height in the deck), the tightest first.
 */
export const TREE_HEIGHTS = [380, 420] as const
export const SCALE_HEIGHTS = [380, 440, 500] as const

/**
 * Every chart layout the deck draws from these records and section lists — the all-models timeline
 * (split and on one axis), each section's timeline, the family tree and the two backup scale charts
 * at the heights above — and what each could not fit, as `assertFits` would word it.
 */
export function chartOverflows(records: readonly ModelRecord[], sectionLists: SectionList): string[] {
  const width = CHART_WIDTH
  return [
    ...overflowMessages('timeline (all models)', timelineOverflows(timelineLayout(records, { split: ALL_MODELS_SPLIT, width }))),
    ...overflowMessages('timeline (all models, one axis)', timelineOverflows(timelineLayout(records, { width }))),
    ...OUTLINE_SECTIONS.flatMap(s =>
      overflowMessages(`timeline (section ${s})`, timelineOverflows(timelineLayout(records, { ids: sectionLists[s], width })))),
    ...overflowMessages('family tree', familyTreeOverflows(familyTreeLayout(records, { width }))),
    ...TREE_HEIGHTS.flatMap(height =>
      overflowMessages(`family tree (${height} px)`, familyTreeOverflows(familyTreeLayout(records, { width, height })))),
    ...SCALE_HEIGHTS.flatMap(height => [
      ...overflowMessages(`scale chart ≥ 100B (${height} px)`, scaleChartOverflows(scaleChartLayout(records, { width, height, minParams: 1e11 }))),
      ...overflowMessages(`scale chart < 100B (${height} px)`, scaleChartOverflows(scaleChartLayout(records, { width, height, maxParams: 1e11 }))),
    ]),
  ]
}
