import type { ModelRecord } from '../data/schema'
import { assertIsoDate } from './dates'
import { describeSize, modelScale } from './format'
import { balancedPages } from './pagination'
import { lineCount } from './text-width'

/**
 * How the backup table of model facts (ModelReference.vue) splits over slides. Rows differ in height,
 * so pages are packed by estimated lines: each column's width and how many CJK characters a line
 * holds at the table's 12 px on the 980 px canvas, and a line budget per slide.
 */
export const REFERENCE_COLUMNS = [
  { key: 'model', label: '模型', width: '15%', perLine: 9.5 },
  { key: 'dates', label: '首次公开', width: '13%', perLine: 8 },
  { key: 'sizes', label: '参数（全部尺寸）', width: '19%', perLine: 12 },
  { key: 'data', label: '训练数据', width: '20%', perLine: 13 },
  { key: 'links', label: '论文与链接', width: '33%', perLine: 22.5 },
] as const

/** Lines one model's row needs: its tallest cell, plus the cell padding (0.2rem above and below) and the border. */
export function referenceRowLines(m: ModelRecord): number {
  const scale = modelScale(m)
  const perLine = Object.fromEntries(REFERENCE_COLUMNS.map(c => [c.key, c.perLine])) as Record<typeof REFERENCE_COLUMNS[number]['key'], number>
  // each size is one unbreakable chip, followed by a small gap
  const sizesText = m.params.map((p) => {
    const { label, value } = describeSize(p)
    return (label ? `${label}_${value}` : value).replaceAll(' ', '_')
  }).join(' ')
  const orgs = (m.partners?.length ?? 0) + 1
  const cells = [
    // name, the organisations, then the weights badge
    1 + orgs + 1,
    m.paperDate ? 2 : 1,
    lineCount(sizesText || scale.params, perLine.sizes),
    lineCount(m.data, perLine.data) + (scale.tokens ? 1 : 0),
    // the paper and the other links run on as one text, 「 · 」 between them
    lineCount([m.paper, ...(m.links ?? [])].map(l => l.title).join(' · '), perLine.links),
  ]
  return Math.max(...cells) + 0.4
}

/** Lines per slide: what fits between the slide title and the page number. */
export const REFERENCE_BUDGET = 21.5

/** The models, in their order (the deck's: release order), split into as few slides of even height as the budget allows. */
export function modelReferencePages(records: readonly ModelRecord[], budget = REFERENCE_BUDGET): ModelRecord[][] {
  return balancedPages(records, referenceRowLines, budget)
}

/** Release date, and the paper's date where it came later. */
export function referenceDates(m: ModelRecord): string[] {
  return [assertIsoDate(m.released), ...(m.paperDate ? [`论文 ${assertIsoDate(m.paperDate)}`] : [])]
}
