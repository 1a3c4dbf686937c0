import type { DOMWrapper } from '@vue/test-utils'
import type { ModelRecord } from '../../../data/schema'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ErrataTable from '../../../components/ErrataTable.vue'
import FamilyTree from '../../../components/FamilyTree.vue'
import ModelCard from '../../../components/ModelCard.vue'
import ModelReference from '../../../components/ModelReference.vue'
import ModelTimeline from '../../../components/ModelTimeline.vue'
import { deckData } from '../../../composables/deck-data'
import { organisations } from '../../../data/organisations'
import { modelSchema } from '../../../data/schema'
import { errataPages, errataRows } from '../../../lib/errata-pages'
import { describeSize, formatParams, formatTokens } from '../../../lib/format'
import { modelReferencePages } from '../../../lib/reference-pages'

/**
 * Every field of a model record reaches a slide: the full card, the backup reference table, the
 * errata, the timeline or the family tree. A new field fails here until something shows it (or
 * it is deleted).
 */
const { models, generalCorrections } = deckData
const referencePages = modelReferencePages(models)
const referenceRows = new Map(referencePages.flatMap((page, i) => {
  const w = mount(ModelReference, { props: { page: i + 1 } })
  return page.map(m => [m.id, w.find(`tr[data-model-id="${m.id}"]`)] as const)
}))
const errataText = errataPages(errataRows(models, generalCorrections)).map((_, i) => mount(ErrataTable, { props: { page: i + 1 } }).text()).join('\n')
const timeline = mount(ModelTimeline, { props: { split: '2021-01-01,2023-01-01' } })
const tree = mount(FamilyTree)

interface Views { card: ReturnType<typeof mount>, row: DOMWrapper<Element> }
const hrefs = (row: DOMWrapper<Element>) => row.findAll('a').map(a => a.attributes('href'))

/** Where each field shows, as a check on one model. */
const shownBy: Record<keyof ModelRecord, (m: ModelRecord, v: Views) => boolean> = {
  // the id is how a page asks for the card: `<ModelCard id="t5" />`
  id: (m, v) => v.card.find(`[data-model-id="${m.id}"]`).exists(),
  name: (m, v) => v.card.text().includes(m.name),
  org: (m, v) => v.card.text().includes(organisations[m.org].name),
  partners: (m, v) => (m.partners ?? []).every(p => v.card.text().includes(organisations[p].name)),
  released: (m, v) => v.card.text().includes(m.released),
  paperDate: (m, v) => !m.paperDate || v.row.text().includes(`论文 ${m.paperDate}`),
  architecture: (m, v) => v.card.find(`[data-architecture="${m.architecture}"]`).exists(),
  summary: (m, v) => v.card.text().includes(m.summary),
  idea: (m, v) => v.card.text().includes(m.idea),
  impact: (m, v) => v.card.text().includes(m.impact),
  params: (m, v) => m.params.every(p => v.row.text().includes(describeSize(p).value)),
  scaleNote: (m, v) => !m.scaleNote || v.card.text().includes(m.scaleNote),
  data: (m, v) => v.row.text().includes(m.data),
  tokens: (m, v) => m.tokens === undefined || v.row.text().includes(formatParams(m.tokens)),
  fewestTokens: (m, v) => m.fewestTokens === undefined || (v.row.text().includes(formatTokens(m)!) && v.card.text().includes(formatTokens(m)!)),
  paper: (m, v) => hrefs(v.row).includes(m.paper.url),
  links: (m, v) => (m.links ?? []).every(l => hrefs(v.row).includes(l.url)),
  weights: (m, v) => v.card.find(`[data-weights="${m.weights}"]`).exists() && v.row.find(`[data-weights="${m.weights}"]`).exists(),
  milestone: m => !m.milestone || timeline.find(`[data-label="${m.id}"]`).text().includes(m.milestone),
  basedOn: m => (m.basedOn ?? []).every(parent => tree.find(`[data-edge="${parent}>${m.id}"]`).exists()),
  lineageUndisclosed: m => !m.lineageUndisclosed || tree.find(`[data-node="${m.id}"] [data-lineage="undisclosed"]`).exists(),
  corrections: m => m.corrections.every(c => errataText.includes(c.fact)),
}

describe('every field of a model record is shown on a slide', () => {
  it('has a place for each field of the schema', () => {
    expect(Object.keys(shownBy).sort()).toEqual(Object.keys(modelSchema.shape).sort())
  })

  it.each(models.map(m => [m.id, m] as const))('%s', (_, m) => {
    const views: Views = { card: mount(ModelCard, { props: { id: m.id } }), row: referenceRows.get(m.id)! }
    const missing = Object.entries(shownBy).filter(([, shown]) => !shown(m, views)).map(([field]) => field)
    expect(missing, `${m.id}: fields no slide shows`).toEqual([])
  })
})
