/**
 * Shared formatting for model facts: cards, timeline, charts and the reference table print numbers
 * the same way.
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
export function formatParams(n: number): string {
  if (!Number.isFinite(n) || n < 0)
    throw new RangeError(`formatParams: expected a non-negative finite number, got ${n}`)
  return compact.format(n)
}

const isoPattern = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/

/**
 * An ISO date as shown on slides: "2019-10-23" stays "2019-10-23"; a month-only "2023-03" becomes
 * "2023-03". Throws on anything that is not `YYYY-MM-DD` or `YYYY-MM` with a valid month/day.
 */
export function formatDate(iso: string): string {
  const match = isoPattern.exec(iso)
  if (!match)
    throw new RangeError(`formatDate: expected YYYY-MM-DD or YYYY-MM, got "${iso}"`)
  const [, y, m, d] = match
  const month = Number(m)
  if (month < 1 || month > 12)
    throw new RangeError(`formatDate: month out of range in "${iso}"`)
  if (d !== undefined) {
    const day = Number(d)
    const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate()
    if (day < 1 || day > last)
      throw new RangeError(`formatDate: day out of range in "${iso}"`)
  }
  return iso
}

/** Chinese month label for axes: "2019-10-23" → "2019 年 10 月". */
export function formatMonth(iso: string): string {
  const [y, m] = formatDate(iso).split('-')
  return `${y} 年 ${Number(m)} 月`
}

/** Minimal shape of one released size (structurally a `ParamSize` from `./types`). */
interface SizeLike {
  total: number
  active?: number
}

/** The largest released size of a model (by total parameters); every chart and card uses this one. */
export function largestSize<T extends SizeLike>(sizes: readonly T[]): T | undefined {
  return sizes.reduce<T | undefined>((best, s) => (!best || s.total > best.total ? s : best), undefined)
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
  const smallest = sizes.reduce((low, s) => (s.total < low.total ? s : low))
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
  scaleNote?: string
}

export interface ModelScale {
  /** dense / moe: sizes published; undisclosed: withheld (GPT-4); none: no parameters of its own (Visual ChatGPT). */
  kind: 'dense' | 'moe' | 'undisclosed' | 'none'
  /** The sizes as the scale chart labels its row: "125M–175B", "1.2T 总 / 96.6B 激活", "未公开", or the scale note. */
  params: string
  /** Training tokens, "300B", where published. */
  tokens?: string
  /** The card's 规模 fact: "125M–175B 参数，训练 180B token". */
  text: string
}

/**
 * A model's scale, derived from its sizes and tokens: the one function behind the card's scale fact, the
 * scale chart's row label and the reference table, so the three always agree.
 */
export function modelScale(m: ScaleSource): ModelScale {
  const tokens = m.tokens === undefined ? undefined : formatParams(m.tokens)
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

const leadingWww = /^www\./
const trailingSlash = /\/$/

/**
 * A link as printed text, for paper exports where it cannot be clicked: host without "www." and
 * the path, shortened in the middle beyond `max` characters.
 */
export function formatUrl(url: string, max = 56): string {
  const u = new URL(url)
  const text = `${u.hostname.replace(leadingWww, '')}${u.pathname === '/' ? '' : u.pathname.replace(trailingSlash, '')}`
  if (text.length <= max)
    return text
  const keep = max - 1
  const head = Math.ceil(keep * 0.6)
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`
}
