/**
 * Whether a chart layout fits the space it was given, said by model: each chart module reports
 * what it could not fit (`timelineOverflows`, `familyTreeOverflows`, `scaleChartOverflows`), and
 * `assertFits` turns a report into an error that names the chart and the models, so a test that
 * adds a model says which one no longer fits, and where.
 */

/** A model a chart shows: its name and id, as the data has them. */
export interface ChartModel {
  id: string
  name: string
}

/** Something a layout could not fit: the models concerned and what is out of bounds. */
export interface Overflow {
  models: readonly ChartModel[]
  /** What is wrong, after the models' names: "at x = 870.6 is beyond the canvas (868)". */
  problem: string
}

export class ChartOverflowError extends Error {
  override name = 'ChartOverflowError'
}

/** Coordinates in messages: to 0.1 px, as the SVG draws them. */
export function px1(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** "timeline (section 4.2): ColossalChat (colossalchat) at x = 870.6 is beyond the canvas (868)" */
export function overflowMessages(chart: string, overflows: readonly Overflow[]): string[] {
  return overflows.map(o => `${chart}: ${o.models.map(m => `${m.name} (${m.id})`).join(', ')} ${o.problem}`)
}

/** Throws a ChartOverflowError naming the chart and every model out of bounds, unless none is. */
export function assertFits(chart: string, overflows: readonly Overflow[]): void {
  if (overflows.length)
    throw new ChartOverflowError(overflowMessages(chart, overflows).join('\n'))
}

/**
 * What is wrong with a point (`left === right`) or a box spanning [left, right] on a canvas `width`
 * wide, if anything: "at x = 870.6 is beyond the canvas (868)", "label spans x = 840–890.5, beyond the canvas (868)".
 */
export function beyondCanvas(what: string, left: number, right: number, width: number): string | undefined {
  const where = left === right ? `at x = ${px1(left)} is` : `spans x = ${px1(left)}–${px1(right)},`
  const subject = what ? `${what} ${where}` : where
  if (right > width + 1e-6)
    return `${subject} beyond the canvas (${width})`
  if (left < -1e-6)
    return `${subject} left of the canvas`
  return undefined
}
