import type { ModelRecord } from '../../../data/schema'
import { describe, expect, it } from 'vitest'
import { familyTreeLayout, familyTreeOverflows } from '../../../charts/family-tree'
import { assertFits, ChartOverflowError } from '../../../charts/fit'
import { scaleChartLayout, scaleChartOverflows } from '../../../charts/scale'
import { timelineLayout, timelineOverflows } from '../../../charts/timeline'
import { models } from '../../../data/models'
import { byRelease } from '../../../lib/records'
import { TREE_HEIGHTS, WIDTH } from './helpers'

/** Copies of the newest decoder-only model under new ids: more models in its year than a tree has room for. */
function crowd(count: number): ModelRecord[] {
  const newest = [...models].filter(m => m.architecture === 'decoder-only').sort(byRelease).at(-1)!
  return Array.from({ length: count }, (_, i) => ({ ...newest, id: `crowd-${i + 1}`, name: `Crowd-${i + 1}`, basedOn: undefined, lineageUndisclosed: undefined }))
}

describe('a chart that cannot fit says which models and which chart', () => {
  it('family tree: too many models in one year for the height names them', () => {
    const extra = crowd(6)
    const layout = familyTreeLayout([...models, ...extra], { width: WIDTH, height: TREE_HEIGHTS[0] })
    const check = () => assertFits('family tree', familyTreeOverflows(layout))
    expect(check).toThrow(ChartOverflowError)
    expect(check).toThrow(/^family tree: .*Crowd-6 \(crowd-6\).* more than the 380 px it has/)
    for (const m of extra)
      expect(check).toThrow(`${m.name} (${m.id})`)
  })

  it('timeline: a canvas too narrow for a label names the model', () => {
    const longest = [...models].sort((a, b) => b.name.length - a.name.length)[0]!
    const layout = timelineLayout(models, { ids: [longest.id], width: 60 })
    expect(() => assertFits('timeline (section 4.2)', timelineOverflows(layout)))
      .toThrow(`timeline (section 4.2): ${longest.name} (${longest.id}) label spans x = 0–`)
    expect(() => assertFits('timeline', timelineOverflows(layout))).toThrow('beyond the canvas (60)')
  })

  it('timeline: a height too small for the label levels names the models on the outermost one', () => {
    const layout = timelineLayout(models, { width: WIDTH, height: 40 })
    const [overflow] = timelineOverflows(layout)
    expect(overflow!.problem).toMatch(/label on the outermost of \d+ levels: the chart is [\d.]+ px tall, more than the 40 px it has/)
    expect(overflow!.models.length).toBeGreaterThan(0)
    for (const m of overflow!.models)
      expect(models.map(r => r.id)).toContain(m.id)
  })

  it('scale chart: rows below the height it has are named', () => {
    const layout = scaleChartLayout(models, { width: WIDTH, minParams: 1e11, height: 200 })
    const [overflow] = scaleChartOverflows(layout)
    const last = layout.rows.at(-1)!
    expect(overflow!.models.map(m => m.id)).toContain(last.id)
    expect(() => assertFits('scale chart', scaleChartOverflows(layout))).toThrow(`${last.name} (${last.id})`)
  })

  it('nothing to report: no error', () => {
    expect(() => assertFits('family tree', familyTreeOverflows(familyTreeLayout(models, { width: WIDTH })))).not.toThrow()
  })
})
