/**
 * The attention heat map's geometry and read-outs, pure functions of one head's matrix: row t is
 * what position t takes from each position s ≤ t (snippets/tiny-gpt.ts `forward`, `matrix[l][h]`),
 * so a row has t + 1 weights and nothing above the diagonal exists to draw.
 */
import { MIN_FONT } from './shared'

/** One head's weights: `rows[t][s]`, s = 0…t, each row summing to 1. */
export type AttentionMatrix = readonly (readonly number[])[]

export interface HeatmapLayout {
  n: number
  /** Distance from one cell to the next, and the drawn cell (pitch minus the gap). */
  pitch: number
  cell: number
  /** Where the cells start: left of it the row labels, above it the column labels. */
  left: number
  top: number
  width: number
  height: number
  fontSize: number
  /** Top-left corner of cell (row i, column j). */
  x: (j: number) => number
  y: (i: number) => number
}

/**
 * Cells for `n` characters in a square `size` px wide, each character labelled once along each
 * axis at no less than MIN_FONT; the pitch never exceeds `maxPitch` (a short text stays compact).
 */
export function heatmapLayout(n: number, size: number, maxPitch = 40): HeatmapLayout {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`heatmapLayout: ${n} characters`)
  const label = MIN_FONT + 8
  const pitch = Math.min(maxPitch, (size - label) / n)
  const fontSize = Math.max(MIN_FONT, Math.min(20, Math.floor(pitch * 0.75)))
  const left = label
  const top = label
  const gap = pitch >= 20 ? 2 : 1
  return {
    n,
    pitch,
    cell: pitch - gap,
    left,
    top,
    width: left + n * pitch,
    height: top + n * pitch,
    fontSize,
    x: j => left + j * pitch,
    y: i => top + i * pitch,
  }
}

const round = (v: number) => Math.round(v * 100) / 100

/** A cell's fill opacity: linear in the weight, with a faint floor so a visible cell never vanishes. */
export function weightOpacity(weight: number): number {
  return 0.06 + 0.94 * Math.min(1, Math.max(0, weight))
}

/**
 * The staircase outline of everything above the diagonal (row i, columns i+1…n−1): the causal
 * mask, drawn as one empty region.
 */
export function maskOutline(layout: HeatmapLayout): string {
  const { n, pitch, left, top } = layout
  if (n < 2)
    return ''
  const points: [number, number][] = [[left + pitch, top], [left + n * pitch, top], [left + n * pitch, top + (n - 1) * pitch]]
  for (let i = n - 1; i >= 1; i--)
    points.push([left + i * pitch, top + i * pitch], [left + i * pitch, top + (i - 1) * pitch])
  return `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}Z`
}

/**
 * A small picture of a whole head: cells grouped by weight into `levels` bands, one path per band,
 * so sixteen thumbnails are a few dozen paths rather than thousands of rectangles.
 */
export function thumbnailPaths(matrix: AttentionMatrix, size: number, levels = 8): { opacity: number, d: string }[] {
  const n = matrix.length
  const pitch = size / Math.max(1, n)
  const bands = Array.from({ length: levels }, () => [] as string[])
  matrix.forEach((row, i) => row.forEach((w, j) => {
    const band = Math.min(levels - 1, Math.floor(Math.min(1, Math.max(0, w)) * levels))
    bands[band]!.push(`M${round(j * pitch)} ${round(i * pitch)}h${round(pitch)}v${round(pitch)}h${round(-pitch)}z`)
  }))
  return bands.map((cells, band) => ({ opacity: weightOpacity((band + 0.5) / levels), d: cells.join('') })).filter(b => b.d)
}

/** Line-end punctuation of the corpus: where a head that marks lines looks. */
export const PUNCTUATION = new Set(['，', '。', '\n'])

/** What share of its weight a head gives, on average over rows 1…n−1, to each kind of position. */
export interface HeadProfile {
  /** The character just before. */
  previous: number
  /** Itself. */
  self: number
  /** The first character of the text. */
  first: number
  /** Any punctuation (，。 and the line break). */
  punctuation: number
}

export function headProfile(matrix: AttentionMatrix, chars: readonly string[]): HeadProfile {
  const rows = matrix.slice(1)
  const mean = (pick: (row: readonly number[], t: number) => number) =>
    rows.length ? rows.reduce((sum, row, k) => sum + pick(row, k + 1), 0) / rows.length : 0
  return {
    previous: mean((row, t) => row[t - 1] ?? 0),
    self: mean((row, t) => row[t] ?? 0),
    first: mean(row => row[0] ?? 0),
    punctuation: mean(row => row.reduce((sum, w, s) => sum + (PUNCTUATION.has(chars[s]!) ? w : 0), 0)),
  }
}

/** The `k` positions a row gives most weight to, heaviest first (ties: the earlier position). */
export function topLooks(row: readonly number[], k = 3): { position: number, weight: number }[] {
  return row.map((weight, position) => ({ position, weight }))
    .sort((a, b) => b.weight - a.weight || a.position - b.position)
    .slice(0, k)
}
