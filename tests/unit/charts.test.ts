import type { TimelineLayout } from '../../data/layout'
import type { ModelRecord } from '../../data/types'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FamilyTree from '../../components/FamilyTree.vue'
import ModelGrid from '../../components/ModelGrid.vue'
import ModelTimeline from '../../components/ModelTimeline.vue'
import ScaleChart from '../../components/ScaleChart.vue'
import {
  assignRows,
  BRANCH_LABELS,
  branchOf,
  dodge,
  familyEdges,
  familyTreeLayout,
  isoToDate,
  MIN_FONT,
  packLine,
  paramsDomain,
  paramsScale,
  placeLabels,
  powerTicks,
  scaleChartLayout,
  scaleMarks,
  scaleRows,
  selectModels,
  textWidth,
  TICK_FONT,
  timelineLayout,
  treeOrder,
} from '../../data/layout'
import { models, modelsInSection } from '../../data/models'

const WIDTH = 868
const ALL_MODELS_SPLIT = '2021-01-01,2023-01-01'

/** Small deterministic PRNG (mulberry32) so the random cases are reproducible. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6D2B79F5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Box { left: number, right: number, top: number, bottom: number }
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** Every label of a timeline as a box in SVG coordinates (pill-sized, the larger of the two). */
function labelBoxes(layout: TimelineLayout): Array<Box & { id: string, panel: number }> {
  return layout.panels.flatMap((panel, p) => panel.marks.map(m => ({
    id: m.id,
    panel: p,
    left: m.label.left,
    right: m.label.left + m.label.width,
    top: panel.y + m.labelY - layout.fontSize * 1.05,
    bottom: panel.y + m.labelY + layout.fontSize * 0.45,
  })))
}

/** A copy of the data with one extra model (built on LLaMA), to prove the charts follow the data. */
function withExtraModel(): ModelRecord[] {
  const extra: ModelRecord = {
    id: 'test-extra',
    name: 'Extra-30B',
    org: 'meta',
    released: '2023-03-30',
    sections: ['4.2'],
    architecture: 'decoder-only',
    summary: '测试用的模型。',
    idea: '测试。',
    impact: '测试。',
    params: [{ total: 3e10 }],
    data: '测试',
    paper: { title: 'test', url: 'https://example.org/test' },
    weights: 'open',
    basedOn: ['llama'],
    corrections: [],
  }
  return [...models, extra]
}

describe('label placement', () => {
  it('never overlaps two labels on one level, keeps them inside the bounds and near their points', () => {
    const random = rng(42)
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 30)
      const items = Array.from({ length: n }, () => ({ anchor: random() * 800, width: 20 + random() * 100 }))
      const placed = placeLabels(items, { min: 0, max: 800, gap: 8, maxShift: 40 })
      expect(placed).toHaveLength(n)
      for (const [i, a] of placed.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0)
        expect(a.left + a.width).toBeLessThanOrEqual(800 + 1e-9)
        const ideal = Math.min(Math.max(a.anchor - a.width / 2, 0), 800 - a.width)
        expect(Math.abs(a.left - ideal)).toBeLessThanOrEqual(40 + 1e-9)
        for (const b of placed.slice(i + 1)) {
          if (a.level === b.level)
            expect(a.left + a.width + 8 <= b.left + 1e-9 || b.left + b.width + 8 <= a.left + 1e-9).toBe(true)
        }
      }
    }
  })

  it('leaves well-separated labels centred on the first level', () => {
    const placed = placeLabels([{ anchor: 100, width: 40 }, { anchor: 300, width: 40 }], { min: 0, max: 800 })
    expect(placed.map(p => [p.level, p.left])).toEqual([[0, 80], [0, 280]])
  })

  it('packs a crowded line into a block centred on its labels, in order', () => {
    const lefts = packLine([{ anchor: 100, width: 40 }, { anchor: 102, width: 40 }, { anchor: 104, width: 40 }], 0, 800, 10)
    expect(lefts[1]! - lefts[0]!).toBe(50)
    expect(lefts[2]! - lefts[1]!).toBe(50)
    expect((lefts[0]! + lefts[2]! + 40) / 2).toBeCloseTo(102)
  })

  it('spreads same-day dots apart', () => {
    expect(dodge([10, 10, 10, 40], 7)).toEqual([10, 17, 24, 40])
  })

  it('estimates CJK wider than Latin', () => {
    expect(textWidth('开始大模型', 14)).toBe(70)
    expect(textWidth('GPT', 14)).toBeLessThan(textWidth('开始大', 14))
  })
})

describe('timeline', () => {
  const cases: Array<[string, TimelineLayout]> = [
    ['section 3', timelineLayout(models, { section: '3', width: WIDTH })],
    ['all models, split', timelineLayout(models, { split: ALL_MODELS_SPLIT, width: WIDTH })],
    ['all models, one axis', timelineLayout(models, { width: WIDTH })],
  ]

  it.each(cases)('%s: no two labels collide, none leaves the chart, all ≥ 14 px', (_, layout) => {
    expect(layout.fontSize).toBeGreaterThanOrEqual(MIN_FONT)
    expect(TICK_FONT).toBeGreaterThanOrEqual(MIN_FONT)
    const boxes = labelBoxes(layout)
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0)
      expect(a.right).toBeLessThanOrEqual(WIDTH + 1e-6)
      for (const b of boxes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)
    }
  })

  it.each(cases)('%s: labels keep clear of the axis and dots', (_, layout) => {
    for (const panel of layout.panels) {
      for (const m of panel.marks) {
        const top = m.labelY - layout.fontSize * 1.05
        const bottom = m.labelY + layout.fontSize * 0.45
        if (m.side === 'above')
          expect(bottom).toBeLessThan(panel.axisY - 7)
        else
          expect(top).toBeGreaterThan(panel.axisY + 7)
        expect(m.x).toBeGreaterThanOrEqual(0)
        expect(m.x).toBeLessThanOrEqual(WIDTH)
      }
    }
  })

  it('section 3 shows exactly the outline\'s chronology list', () => {
    const layout = cases[0]![1]
    const ids = layout.panels.flatMap(p => p.marks.map(m => m.id))
    expect(new Set(ids)).toEqual(new Set(modelsInSection('3').map(m => m.id)))
    expect(ids).toHaveLength(12)
  })

  it('shows every model once on the all-models timeline, dots in date order', () => {
    const layout = cases[1]![1]
    const ids = layout.panels.flatMap(p => p.marks.map(m => m.id))
    expect(ids.sort()).toEqual(models.map(m => m.id).sort())
    expect(layout.panels).toHaveLength(3)
    for (const panel of layout.panels) {
      for (let i = 1; i < panel.marks.length; i++) {
        expect(isoToDate(panel.marks[i]!.released) >= isoToDate(panel.marks[i - 1]!.released)).toBe(true)
        expect(panel.marks[i]!.x).toBeGreaterThan(panel.marks[i - 1]!.x)
      }
    }
  })

  it('highlights the milestone model with its milestone text', () => {
    const marks = cases[0]![1].panels.flatMap(p => p.marks).filter(m => m.milestone)
    expect(marks.map(m => m.id)).toEqual(['gpt-3'])
    expect(marks[0]!.text).toContain('开始大模型')
    // panels after the milestone carry its era from their start
    const split = cases[1]![1]
    expect(split.panels[0]!.milestone?.x).toBeGreaterThan(0)
    expect(split.panels.slice(1).every(p => p.milestone?.x === 0)).toBe(true)
  })

  it('filters by ids and dates, and rejects unknown ids', () => {
    expect(selectModels(models, { ids: ['t5', 'gpt-3'] }).map(m => m.id)).toEqual(['t5', 'gpt-3'])
    expect(selectModels(models, { from: '2023-01-01' }).every(m => m.released >= '2023')).toBe(true)
    expect(() => selectModels(models, { ids: ['gpt-5'] })).toThrow(/gpt-5/)
  })
})

describe('parameter scale', () => {
  it('is monotone on the log axis', () => {
    const domain = paramsDomain(models)
    const x = paramsScale(domain, [300, 800])
    const values = models.flatMap(m => m.params.map(p => p.total)).sort((a, b) => a - b)
    for (let i = 1; i < values.length; i++)
      expect(x(values[i]!)).toBeGreaterThanOrEqual(x(values[i - 1]!))
    expect(x(domain[0])).toBeCloseTo(300)
    expect(x(domain[1])).toBeCloseTo(800)
    // one decade is the same width anywhere on the axis
    expect(x(1e10) - x(1e9)).toBeCloseTo(x(1e11) - x(1e10))
    expect(powerTicks(domain).every(v => v >= domain[0] && v <= domain[1])).toBe(true)
  })

  it('covers every model with a size, at its largest size, across the two slides', () => {
    const big = scaleRows(models, { minParams: 1e11 })
    const small = scaleRows(models, { maxParams: 1e11 })
    const shown = [...big, ...small]
    expect(new Set(shown.map(r => r.id)).size).toBe(shown.length)
    expect(shown.map(r => r.id).sort()).toEqual(models.map(m => m.id).sort())
    for (const m of models.filter(m => m.params.length)) {
      const row = shown.find(r => r.id === m.id)!
      expect(row.total).toBe(Math.max(...m.params.map(p => p.total)))
      expect(scaleMarks(row).length).toBeGreaterThan(0)
    }
  })

  it('gives MoE models a hollow total and a filled active mark', () => {
    const moe = models.filter(m => m.params.some(p => p.active !== undefined))
    expect(moe.length).toBeGreaterThan(0)
    for (const m of moe) {
      const row = scaleRows(models, { ids: [m.id] })[0]!
      expect(row.kind).toBe('moe')
      const marks = scaleMarks(row)
      expect(marks).toHaveLength(2)
      expect(marks.find(k => !k.filled)!.value).toBe(row.total)
      expect(marks.find(k => k.filled)!.value).toBe(row.active)
    }
  })

  it('lists undisclosed sizes as 未公开 and a system\'s scale note instead of dropping them', () => {
    const layout = scaleChartLayout(models, { width: WIDTH, minParams: 1e11 })
    for (const m of models.filter(m => !m.params.length)) {
      const row = layout.rows.find(r => r.id === m.id)!
      expect(row, m.id).toBeDefined()
      expect(row.marks).toHaveLength(0)
      expect(row.valueText).toBe(m.scaleNote ?? '未公开')
    }
    expect(layout.rows.find(r => r.id === 'visual-chatgpt')!.valueText).toBe('无自有参数，调用 ChatGPT 与 22 个视觉基础模型')
  })

  it('shares one axis between the split slides and keeps every label inside the chart', () => {
    const a = scaleChartLayout(models, { width: WIDTH, minParams: 1e11 })
    const b = scaleChartLayout(models, { width: WIDTH, maxParams: 1e11 })
    expect(a.ticks).toEqual(b.ticks)
    for (const layout of [a, b]) {
      for (const row of layout.rows) {
        expect(row.valueX + textWidth(row.valueText, layout.smallFont)).toBeLessThanOrEqual(WIDTH)
        for (const mark of row.marks)
          expect(mark.x).toBeGreaterThanOrEqual(layout.plotX0)
      }
    }
  })
})

describe('family tree', () => {
  const layout = familyTreeLayout(models, { width: WIDTH })

  it('includes every model and every basedOn edge', () => {
    expect(layout.nodes.map(n => n.id).sort()).toEqual(models.map(m => m.id).sort())
    const expected = models.flatMap(m => (m.basedOn ?? []).map(p => `${p}>${m.id}`)).sort()
    expect(layout.edges.map(e => `${e.from}>${e.to}`).sort()).toEqual(expected)
    expect(layout.edges.every(e => e.path.startsWith('M'))).toBe(true)
  })

  it('roots at the Transformer and keeps pills apart and on the slide', () => {
    expect(layout.nodes.filter(n => n.origin).map(n => n.id)).toEqual(['transformer'])
    expect(layout.fontSize).toBeGreaterThanOrEqual(MIN_FONT)
    const boxes = layout.nodes.map(n => ({
      id: n.id,
      left: n.x - n.width / 2,
      right: n.x + n.width / 2,
      top: n.y - layout.pillHeight / 2,
      bottom: n.y + layout.pillHeight / 2,
    }))
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(layout.gutter)
      expect(a.right).toBeLessThanOrEqual(WIDTH)
      expect(a.bottom).toBeLessThanOrEqual(layout.height)
      for (const b of boxes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)
    }
  })

  it('puts models on the branch of their architecture, or of what they build on', () => {
    const byId = new Map(models.map(m => [m.id, m]))
    const branch = (id: string) => branchOf(byId.get(id)!, byId)
    expect(branch('bert')).toBe('encoder')
    expect(branch('t5')).toBe('encdec')
    // GLM's blank infilling is one Transformer with a prefix mask: its own lane, not encoder–decoder
    expect(branch('glm')).toBe('prefix')
    expect(branch('glm-130b')).toBe('prefix')
    expect(branch('chatglm-6b')).toBe('prefix')
    expect(branch('gpt-3')).toBe('decoder')
    expect(branch('glam')).toBe('decoder')
    expect(branch('visual-chatgpt')).toBe('decoder')
    expect(branch('kosmos-1')).toBe('decoder')
  })

  it('draws the prefix-LM lane with its name, and no PaLM ← LaMDA edge (shared data is not lineage)', () => {
    const prefix = layout.bands.find(b => b.branch === 'prefix')!
    expect(prefix.labels[0]!.text).toBe(BRANCH_LABELS.prefix[0])
    for (const id of ['glm', 'glm-130b', 'chatglm-6b']) {
      const node = layout.nodes.find(n => n.id === id)!
      expect(node.y, id).toBeGreaterThan(prefix.y)
      expect(node.y, id).toBeLessThan(prefix.y + prefix.height)
    }
    expect(layout.edges.some(e => e.from === 'lamda' && e.to === 'palm')).toBe(false)
  })

  it('keeps the branch names clear of the pills', () => {
    for (const band of layout.bands) {
      for (const label of band.labels) {
        const box = { left: label.x, right: label.x + textWidth(label.text, MIN_FONT, label.bold), top: label.y - MIN_FONT, bottom: label.y + 4 }
        for (const n of layout.nodes) {
          const pill = { left: n.x - n.width / 2, right: n.x + n.width / 2, top: n.y - layout.pillHeight / 2, bottom: n.y + layout.pillHeight / 2 }
          expect(overlaps(box, pill), `${label.text} / ${n.id}`).toBe(false)
        }
      }
    }
  })

  it('orders parents before children and rejects a cycle', () => {
    const order = treeOrder(models)
    for (const e of familyEdges(models).filter(e => e.primary))
      expect(order.get(e.from)!).toBeLessThan(order.get(e.to)!)
    const cyclic = models.map(m => (m.id === 'transformer' ? { ...m, basedOn: ['gpt-4'] } : m))
    expect(() => treeOrder(cyclic)).toThrow()
  })

  it('assigns rows in order, as near their wishes as possible', () => {
    expect(assignRows([0, 0, 0], 5)).toEqual([0, 1, 2])
    expect(assignRows([4, 4], 5)).toEqual([3, 4])
    expect(assignRows([2], 5)).toEqual([2])
  })
})

describe('a model added to the data', () => {
  const data = withExtraModel()

  it('appears in the section grid, the timeline, the scale chart and the family tree', () => {
    const grid = mount(ModelGrid, { props: { section: '4.2', records: data } })
    const ids = grid.findAll('.model-card-compact').map(c => c.attributes('data-model-id'))
    expect(ids).toContain('test-extra')
    expect(grid.find('[data-model-id="test-extra"]').text()).toContain('Extra-30B')

    const timeline = timelineLayout(data, { split: ALL_MODELS_SPLIT, width: WIDTH })
    expect(timeline.panels.flatMap(p => p.marks).some(m => m.id === 'test-extra')).toBe(true)
    expect(timelineLayout(data, { section: '4.2', width: WIDTH }).panels.flatMap(p => p.marks).some(m => m.id === 'test-extra')).toBe(true)

    const row = scaleChartLayout(data, { width: WIDTH, maxParams: 1e11 }).rows.find(r => r.id === 'test-extra')
    expect(row?.marks).toHaveLength(1)
    expect(row?.valueText).toBe('30B')

    const tree = familyTreeLayout(data, { width: WIDTH })
    expect(tree.nodes.some(n => n.id === 'test-extra')).toBe(true)
    expect(tree.edges.some(e => e.from === 'llama' && e.to === 'test-extra')).toBe(true)
  })
})

describe('charts fill the height they are given', () => {
  it.each([380, 440, 500])('scale chart in %d px: rows fill it without running over', (height) => {
    const layout = scaleChartLayout(models, { width: WIDTH, minParams: 1e11, height })
    expect(layout.height).toBeLessThanOrEqual(height)
    expect(layout.height).toBeGreaterThan(height - layout.rowHeight)
  })

  it.each([380, 420])('family tree in %d px: rows fill it without running over', (height) => {
    const layout = familyTreeLayout(models, { width: WIDTH, height })
    const rows = layout.bands.reduce((n, b) => n + Math.round((b.height - 8) / (layout.bands[0]!.height - 8)), 0)
    expect(layout.height).toBeLessThanOrEqual(height)
    expect(layout.height).toBeGreaterThan(height - rows)
  })

  it('timeline in a tall space: levels spread out, labels still clear of each other', () => {
    const natural = timelineLayout(models, { section: '3', width: WIDTH })
    const tall = timelineLayout(models, { section: '3', width: WIDTH, height: natural.height * 1.5 })
    expect(tall.height).toBeGreaterThan(natural.height * 1.3)
    expect(tall.height).toBeLessThanOrEqual(natural.height * 1.5 + 1)
    const boxes = labelBoxes(tall)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)
    }
  })
})

describe('no chart text under 14 px, at the slide width and narrower', () => {
  it.each([WIDTH, 700, 560])('width %d', (width) => {
    expect(timelineLayout(models, { split: ALL_MODELS_SPLIT, width }).fontSize).toBeGreaterThanOrEqual(MIN_FONT)
    const scale = scaleChartLayout(models, { width, minParams: 1e11 })
    expect(Math.min(scale.fontSize, scale.smallFont)).toBeGreaterThanOrEqual(MIN_FONT)
    expect(familyTreeLayout(models, { width }).fontSize).toBeGreaterThanOrEqual(MIN_FONT)
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

describe('components', () => {
  it('modelTimeline draws one dot per model of the section, at the slide width until measured', () => {
    const wrapper = mount(ModelTimeline, { props: { section: '3' } })
    expect(wrapper.attributes('data-chart')).toBe('timeline')
    expect(wrapper.find('svg').attributes('viewBox')).toMatch(/^0 0 868 \d+/)
    expect(wrapper.findAll('[data-mark="dot"]')).toHaveLength(12)
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
  })
})
