import type { DeckData } from '../../../composables/deck-data'
import type { ModelRecord } from '../../../data/schema'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { familyTreeLayout } from '../../../charts/family-tree'
import { CHART_WIDTH } from '../../../charts/shared'
import ErrataTable from '../../../components/ErrataTable.vue'
import FamilyTree from '../../../components/FamilyTree.vue'
import ModelGrid from '../../../components/ModelGrid.vue'
import ModelReference from '../../../components/ModelReference.vue'
import ModelTimeline from '../../../components/ModelTimeline.vue'
import ReferenceList from '../../../components/ReferenceList.vue'
import ScaleChart from '../../../components/ScaleChart.vue'
import { DECK_DATA, deckData } from '../../../composables/deck-data'
import { validateModels } from '../../../data/schema'
import { errataPages, errataRows } from '../../../lib/errata-pages'
import { byRelease } from '../../../lib/records'
import { referenceList } from '../../../lib/reference-list'
import { modelReferencePages } from '../../../lib/reference-pages'
import { chartOverflows } from '../charts/helpers'

/**
 * README "Adding a model": one record plus one entry in the section list. Here both go into a copy
 * of the data, provided to the components the way the deck provides its own, and the new model
 * must turn up in its section's grid, the timeline, the scale chart, the family tree, the backup
 * reference table, the reference list and the errata.
 *
 * It comes out the same day as the newest model (ColossalChat, 2023-03-28): the eighth decoder-only
 * model of 2023, one row more than the family tree had (380.5 px in a 380 px space), and a third
 * dot on one day at the end of the one-axis timeline (dodged to x = 870.6 of 868). Before the
 * layouts packed rows and kept dots inside, any date from 2021-06 to 2023-03 broke the tree.
 */
const newest = [...deckData.models].sort(byRelease).at(-1)!
const extra: ModelRecord = {
  id: 'test-extra',
  name: 'Extra-30B',
  org: 'meta',
  released: newest.released,
  architecture: 'decoder-only',
  summary: '测试用的模型。',
  idea: '测试。',
  impact: '测试。',
  params: [{ total: 3e10 }],
  data: '测试',
  paper: { title: 'test', url: 'https://example.org/test' },
  weights: 'open',
  basedOn: ['llama'],
  corrections: [{ outline: '测试用的大纲原文', fact: '测试用的事实', source: 'test' }],
}

const { models, sections } = deckData
const data: DeckData = {
  ...deckData,
  models: [...models, extra],
  sections: { ...sections, 4.2: [...sections['4.2'], extra.id] },
}
const global = { provide: { [DECK_DATA as symbol]: data } }

describe('a model added to a copy of the data (one record + one section entry)', () => {
  it('is a valid record', () => {
    expect(validateModels([...data.models])).toEqual([])
  })

  it('appears in its section\'s grid, last, with its card', () => {
    const grid = mount(ModelGrid, { props: { section: '4.2' }, global })
    expect(grid.findAll('.model-card-compact').map(c => c.attributes('data-model-id'))).toEqual([...sections['4.2'], 'test-extra'])
    expect(grid.find('[data-model-id="test-extra"]').text()).toContain('Extra-30B')
    // and in no other section's grid
    expect(mount(ModelGrid, { props: { section: '4.3' }, global }).find('[data-model-id="test-extra"]').exists()).toBe(false)
  })

  it('appears on the timeline: the all-models one and its section\'s', () => {
    const all = mount(ModelTimeline, { props: { split: '2021-01-01,2023-01-01' }, global })
    expect(all.findAll('[data-mark="dot"]')).toHaveLength(models.length + 1)
    expect(all.find('[data-label="test-extra"]').text()).toBe('Extra-30B')
    expect(mount(ModelTimeline, { props: { section: '4.2' }, global }).find('[data-id="test-extra"]').exists()).toBe(true)
  })

  it('appears on the scale chart with its size', () => {
    const chart = mount(ScaleChart, { props: { maxParams: 1e11 }, global })
    const row = chart.find('[data-row="test-extra"]')
    expect(row.findAll('[data-mark="filled"]')).toHaveLength(1)
    expect(row.find('[data-value]').text()).toBe('30B')
  })

  it('appears in the family tree, under the model it builds on', () => {
    const tree = mount(FamilyTree, { global })
    expect(tree.find('[data-node="test-extra"]').text()).toBe('Extra-30B')
    expect(tree.find('[data-edge="llama>test-extra"]').exists()).toBe(true)
  })
})

describe('the same model in the chart layouts', () => {
  it('lands in the fullest cell of the tree and on a day another model has', () => {
    // models per (year, band) of the tree: the extra one makes the fullest cell one row taller
    const fullest = (records: readonly ModelRecord[]) => {
      const cells = new Map<string, number>()
      for (const n of familyTreeLayout(records, { width: CHART_WIDTH }).nodes)
        cells.set(`${n.year} ${n.branch}`, (cells.get(`${n.year} ${n.branch}`) ?? 0) + 1)
      return Math.max(...cells.values())
    }
    expect(fullest(data.models)).toBe(fullest(models) + 1)
    expect(data.models.filter(m => m.released === extra.released).length).toBeGreaterThan(1)
  })

  it('every chart still fits: timelines (all models, its section\'s), family tree, scale charts', () => {
    expect(chartOverflows(data.models, data.sections)).toEqual([])
  })
})

describe('the same model in the backup tables', () => {
  it('has a row in the model reference table', () => {
    const pages = modelReferencePages(data.models)
    const page = pages.findIndex(p => p.some(m => m.id === extra.id)) + 1
    expect(page).toBeGreaterThan(0)
    expect(mount(ModelReference, { props: { page }, global }).find('tr[data-model-id="test-extra"]').text()).toContain('Extra-30B')
  })

  it('has its paper in the reference list', () => {
    const all = referenceList(data.models, data.extraReferences)
    const page = Math.floor(all.findIndex(r => r.url === extra.paper.url) / 11) + 1
    const hrefs = mount(ReferenceList, { props: { page }, global }).findAll('a').map(a => a.attributes('href'))
    expect(hrefs).toContain(extra.paper.url)
  })

  it('has its correction in the errata', () => {
    const pages = errataPages(errataRows(data.models, data.generalCorrections))
    const page = pages.findIndex(p => p.some(c => c.topic === extra.name)) + 1
    expect(page).toBeGreaterThan(0)
    expect(mount(ErrataTable, { props: { page }, global }).text()).toContain('测试用的事实')
  })
})
