/**
 * Shared formatting: cards, charts, the reference table and the live demos print numbers and sizes
 * the same way, every number through `Intl.NumberFormat`. Dates print as their ISO text
 * (`assertIsoDate`, `lib/dates.ts`).
 */

/**
 * English compact notation: it prints the B / T suffixes people write for model sizes ("175B",
 * "1.2T"), where `zh-CN` would print Chinese units (yi, wan yi). Three significant digits,
 * trailing zeros dropped, and rounding carries into the next unit (999.96e9 → "1T").
 */
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 })

/**
 * Parameter (or token) count as a short label: 1.75e11 → "175B", 1.2e12 → "1.2T", 1.25e8 → "125M".
 * Throws on negative or non-finite input so a data typo cannot print "NaNB".
 */
export function formatParams(n: number, format: Intl.NumberFormat = compact): string {
  if (!Number.isFinite(n) || n < 0)
    throw new RangeError(`formatParams: expected a non-negative finite number, got ${n}`)
  return format.format(n)
}

const fixed = new Map<number, Intl.NumberFormat>()

/** A number with exactly `digits` decimals and no grouping: (2.3456, 2) → "2.35". */
export function formatFixed(n: number, digits: number): string {
  let format = fixed.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })
    fixed.set(digits, format)
  }
  return format.format(n)
}

const scientificFormats = new Map<number, Intl.NumberFormat>()

/** Scientific notation split for display (a superscript exponent): (5.764e23, 2) → { mantissa: "5.76", exponent: 23 }. */
export function formatScientific(n: number, digits: number): { mantissa: string, exponent: number } {
  let format = scientificFormats.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en', { notation: 'scientific', minimumFractionDigits: digits, maximumFractionDigits: digits })
    scientificFormats.set(digits, format)
  }
  const parts = format.formatToParts(n)
  const exponentAt = parts.findIndex(p => p.type === 'exponentSeparator')
  return {
    mantissa: parts.slice(0, exponentAt).map(p => p.value).join(''),
    exponent: Number(parts.slice(exponentAt + 1).map(p => p.value).join('')),
  }
}

/** Minimal shape of one released size (structurally a `ParamSize` from `data/schema.ts`). */
interface SizeLike {
  total: number
  active?: number
}

/** The largest released size of a model (by total parameters); every chart, card and demo uses this one. */
export function largestSize<T extends SizeLike>(sizes: readonly T[]): T | undefined {
  return sizes.reduce<T | undefined>((best, s) => (!best || s.total > best.total ? s : best), undefined)
}

/** The smallest released size (by total parameters), the other end of a family's range. */
export function smallestSize<T extends SizeLike>(sizes: readonly T[]): T | undefined {
  return sizes.reduce<T | undefined>((low, s) => (!low || s.total < low.total ? s : low), undefined)
}

/**
 * Parameters each token passes through in the largest size: all of them, or the active ones of an
 * MoE model. The N of the training-compute estimate C ≈ 6·N·D.
 */
export function activeParams(sizes: readonly SizeLike[]): number | undefined {
  const largest = largestSize(sizes)
  return largest && (largest.active ?? largest.total)
}

/** One size: "175B", or for sparse MoE models total and active distinctly: "1.2T 总 / 96.6B 激活". */
export function formatSize(size: SizeLike): string {
  return size.active === undefined
    ? formatParams(size.total)
    : `${formatParams(size.total)} 总 / ${formatParams(size.active)} 激活`
}

/** A variant label that is nothing but a size, e.g. "1.5B". */
const pureSize = /^\d+(?:\.\d+)?[KMBT]$/

/** What was withheld prints the same everywhere. */
export const UNDISCLOSED = '未公开'

/** A dense size as the paper rounds it: its label when the label is only a size ("1.5B", "7B"), else our rounding. */
function paperSize(s: SizeLike & { label?: string }): string {
  const label = s.label?.trim()
  return label && pureSize.test(label) ? label : formatParams(s.total)
}

/**
 * All sizes of a model in one short phrase for compact places (grid cards, chart labels):
 * none → "未公开"; one → that size; several dense → "125M–175B"; MoE → the largest size.
 */
export function formatSizeRange(sizes: readonly (SizeLike & { label?: string })[]): string {
  if (sizes.length === 0)
    return UNDISCLOSED
  const smallest = smallestSize(sizes)!
  const largest = largestSize(sizes)!
  if (sizes.some(s => s.active !== undefined))
    return formatSize(largest)
  if (sizes.length === 1 || smallest.total === largest.total)
    return paperSize(largest)
  return `${paperSize(smallest)}–${paperSize(largest)}`
}

/** What a scale needs of a model record (structurally a `ModelRecord`). */
interface ScaleSource {
  params: readonly (SizeLike & { label?: string })[]
  tokens?: number
  fewestTokens?: number
  scaleNote?: string
}

/** The ends of a range keep one decimal alike: 1e12–1.4e12 → "1.0T–1.4T", not "1T–1.4T". */
const rangeEnd = new Intl.NumberFormat('en', { notation: 'compact', minimumSignificantDigits: 2, maximumSignificantDigits: 3 })

/** Training tokens as the scale prints them: "300B", or "1.0T–1.4T" where the sizes saw different amounts. */
export function formatTokens(m: Pick<ScaleSource, 'tokens' | 'fewestTokens'>): string | undefined {
  if (m.tokens === undefined)
    return undefined
  if (m.fewestTokens === undefined)
    return formatParams(m.tokens)
  return `${formatParams(m.fewestTokens, rangeEnd)}–${formatParams(m.tokens, rangeEnd)}`
}

export interface ModelScale {
  /** dense / moe: sizes published; undisclosed: withheld (GPT-4); none: no parameters of its own (Visual ChatGPT). */
  kind: 'dense' | 'moe' | 'undisclosed' | 'none'
  /** The sizes as the scale chart labels its row: "125M–175B", "1.2T 总 / 96.6B 激活", "未公开", or the scale note. */
  params: string
  /** Training tokens, "300B" (or "1.0T–1.4T"), where published. */
  tokens?: string
  /** The card's 规模 fact: "125M–175B 参数，训练 180B token". */
  text: string
}

/**
 * A model's scale, derived from its sizes and tokens: the one function behind the card's scale fact, the
 * scale chart's row label and the reference table, so the three always agree.
 */
export function modelScale(m: ScaleSource): ModelScale {
  const tokens = formatTokens(m)
  const trained = tokens ? `，训练 ${tokens} token` : ''
  if (m.params.length === 0) {
    if (m.scaleNote)
      return { kind: 'none', params: m.scaleNote, tokens, text: `${m.scaleNote}${trained}` }
    return { kind: 'undisclosed', params: UNDISCLOSED, tokens, text: `参数${UNDISCLOSED}${trained}` }
  }
  const params = formatSizeRange(m.params)
  if (m.params.some(p => p.active !== undefined))
    return { kind: 'moe', params, tokens, text: `${params}${trained}` }
  return { kind: 'dense', params, tokens, text: `${params} 参数${trained}` }
}

/** A released size split for display: the paper's variant name (if it adds anything) and the count. */
export interface SizeParts {
  label?: string
  value: string
}

/**
 * How a card prints one size. A label that is only a size ("1.5B") is the paper's own rounding and
 * is shown instead of our rounding; a label that already contains the count ("PaLM 540B") is shown
 * alone; otherwise both ("T5-Small" + "60M"). MoE sizes always show total and active.
 */
export function describeSize(size: SizeLike & { label?: string }): SizeParts {
  const value = formatSize(size)
  const label = size.label?.trim()
  if (!label)
    return { value }
  if (size.active !== undefined)
    return { label, value }
  if (pureSize.test(label))
    return { value: label }
  if (label.includes(value))
    return { value: label }
  return { label, value }
}

/** A count in 万 (ten thousands), as Chinese prose says it: (1313792, 0) → "131 万", (45239, 1) → "4.5 万". */
export function formatWan(n: number, digits: number): string {
  return `${formatFixed(n / 1e4, digits)} 万`
}

/** A count in 亿 from 10⁸ on, else in 万: 6.52e10 → "652 亿", 1.75e11 → "1750 亿", 1313792 → "131 万". */
export function formatChineseCount(n: number, digits = 0): string {
  return n >= 1e8 ? `${formatFixed(n / 1e8, digits)} 亿` : formatWan(n, digits)
}
