import type { GeneralCorrection } from './types'
import { allCorrections } from './errata'
import { lineCount, packPages } from './pagination'

/**
 * How the errata table splits over slides. Rows differ a lot in height, so pages are packed by
 * estimated lines rather than a fixed row count: each column's width in CJK characters per line
 * (at the table's font size on the 980 px canvas), and a line budget per slide.
 */
export const ERRATA_COLUMNS = [
  { key: 'topic', label: '主题', width: '15%', perLine: 8 },
  { key: 'outline', label: '大纲原文', width: '27%', perLine: 15 },
  { key: 'fact', label: '事实', width: '38%', perLine: 21 },
  { key: 'source', label: '来源', width: '20%', perLine: 12 },
] as const satisfies readonly { key: keyof GeneralCorrection, label: string, width: string, perLine: number }[]

/** Lines one row needs: its tallest cell, plus half a line of cell padding. */
export function rowLines(c: GeneralCorrection): number {
  return Math.max(...ERRATA_COLUMNS.map(col => lineCount(c[col.key], col.perLine))) + 0.5
}

/** Default lines per slide: what fits between the slide title and the page number. */
export const ERRATA_BUDGET = 16

/** The corrections, split into slides. */
export function errataPages(budget = ERRATA_BUDGET): GeneralCorrection[][] {
  return packPages(allCorrections(), rowLines, budget)
}
