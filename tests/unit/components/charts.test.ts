import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { familyEdges } from '../../../charts/family-tree'
import { scaleRows } from '../../../charts/scale'
import { CHART_WIDTH, MIN_FONT } from '../../../charts/shared'
import FamilyTree from '../../../components/FamilyTree.vue'
import ModelTimeline from '../../../components/ModelTimeline.vue'
import ScaleChart from '../../../components/ScaleChart.vue'
import { UNDISCLOSED_LINEAGE } from '../../../data/labels'
import { models } from '../../../data/models'
import { sections } from '../../../data/sections'
import { ALL_MODELS_SPLIT } from '../charts/helpers'

describe('chart components', () => {
  it('modelTimeline draws one dot per model of the section, at the slide width until measured', () => {
    const wrapper = mount(ModelTimeline, { props: { section: '3' } })
    expect(wrapper.attributes('data-chart')).toBe('timeline')
    expect(wrapper.find('svg').attributes('viewBox')).toMatch(new RegExp(`^0 0 ${CHART_WIDTH} \\d+`))
    expect(wrapper.findAll('[data-mark="dot"]')).toHaveLength(sections['3'].length)
    expect(wrapper.text()).toContain('GPT-3 · 开始大模型')
  })

  it('modelTimeline draws every model on the all-models slide', () => {
    const wrapper = mount(ModelTimeline, { props: { split: ALL_MODELS_SPLIT } })
    expect(wrapper.findAll('[data-mark="dot"]')).toHaveLength(models.length)
  })

  it('scaleChart draws filled marks for sizes, hollow ones for MoE totals, and 未公开', () => {
    const wrapper = mount(ScaleChart, { props: { minParams: 1e11 } })
    expect(wrapper.attributes('data-chart')).toBe('scale')
    expect(wrapper.findAll('[data-legend]').length).toBeGreaterThan(0)
    const rows = scaleRows(models, { minParams: 1e11 })
    const moe = rows.filter(r => r.kind === 'moe').length
    const dense = rows.filter(r => r.kind === 'dense').length
    expect(wrapper.findAll('[data-row]')).toHaveLength(rows.length)
    expect(wrapper.findAll('[data-mark="filled"]')).toHaveLength(dense + moe)
    expect(wrapper.findAll('[data-mark="hollow"]')).toHaveLength(moe)
    expect(wrapper.findAll('[data-value="undisclosed"]').map(t => t.text())).toEqual(['未公开', '未公开'])
  })

  it('familyTree draws a pill per model and a path per edge', () => {
    const wrapper = mount(FamilyTree)
    expect(wrapper.attributes('data-chart')).toBe('tree')
    expect(wrapper.findAll('[data-node]')).toHaveLength(models.length)
    expect(wrapper.findAll('[data-edge]')).toHaveLength(familyEdges(models).length)
    // GPT-4: no edge ends at it; its pill is dashed, and the legend says what that means
    const undisclosed = models.filter(m => m.lineageUndisclosed).map(m => m.id)
    expect(undisclosed.length).toBeGreaterThan(0)
    for (const id of undisclosed) {
      expect(wrapper.findAll('[data-edge]').filter(e => e.attributes('data-edge')!.endsWith(`>${id}`)), id).toHaveLength(0)
      expect(wrapper.find(`[data-node="${id}"] [data-lineage="undisclosed"]`).exists(), id).toBe(true)
    }
    expect(wrapper.findAll('[data-lineage="undisclosed"]')).toHaveLength(undisclosed.length)
    expect(wrapper.find('[data-legend="lineage-undisclosed"]').text()).toBe(UNDISCLOSED_LINEAGE)
  })

  it.each([
    ['timeline', () => mount(ModelTimeline, { props: { split: ALL_MODELS_SPLIT } })],
    ['scale', () => mount(ScaleChart, { props: { minParams: 1e11 } })],
    ['tree', () => mount(FamilyTree)],
  ] as const)('%s: every SVG text is set at 14 px or more', (_, make) => {
    const sizes = make().findAll('svg text').map(t => Number.parseFloat(t.attributes('style')?.match(/font-size:\s*([\d.]+)px/)?.[1] ?? 'NaN'))
    expect(sizes.length).toBeGreaterThan(0)
    expect(sizes.every(size => size >= MIN_FONT), `sizes: ${[...new Set(sizes)].join(', ')}`).toBe(true)
  })
})
