import type { GeneralCorrection } from '../data/errata'
import type { ModelRecord } from '../data/schema'
import { balancedPages } from './pagination'
import { lineCount } from './text-width'

/**
 * How the errata table splits over slides. Rows differ a lot in height, so pages are packed by
 * estimated lines rather than a fixed row count: each column's width in CJK characters per line
 * (at the table's 12 px on the 980 px canvas), and a line budget per slide.
 */
export const ERRATA_COLUMNS = [
  { key: 'topic', label: '主题', width: '14%', perLine: 8.5 },
  { key: 'outline', label: '大纲原文', width: '28%', perLine: 18.5 },
  { key: 'fact', label: '事实', width: '38%', perLine: 25.5 },
  { key: 'source', label: '来源', width: '20%', perLine: 12.5 },
] as const satisfies readonly { key: keyof GeneralCorrection, label: string, width: string, perLine: number }[]

/** Lines one row needs: its tallest cell, plus the cell padding (0.3rem above and below). */
export function rowLines(c: GeneralCorrection): number {
  return Math.max(...ERRATA_COLUMNS.map(col => lineCount(c[col.key], col.perLine))) + 0.6
}

/**
 * Default lines per slide: what fits between the slide title and the page number (the fullest
 * slide is estimated at 22.2 lines and fits; the browser tests fail on any overflow).
 */
export const ERRATA_BUDGET = 22.5

/** Every row of the errata: each model's corrections (topic = model name), in the models' order, then the general ones. */
export function errataRows(records: readonly ModelRecord[], general: readonly GeneralCorrection[]): GeneralCorrection[] {
  return [...records.flatMap(m => m.corrections.map(c => ({ topic: m.name, ...c }))), ...general]
}

/** Rows of the errata, split into as few slides of even height as the budget allows. */
export function errataPages(rows: readonly GeneralCorrection[], budget = ERRATA_BUDGET): GeneralCorrection[][] {
  return balancedPages(rows, rowLines, budget)
}
