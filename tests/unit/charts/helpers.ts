import type { TimelineLayout } from '../../../charts/timeline'

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
