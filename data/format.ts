/**
 * Shared formatting for model facts: cards, timeline and chart all print numbers the same way.
 */

const units: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
]

/** Trims a number to at most 3 significant digits, without trailing zeros: 1.75 → "1.75", 96.6 → "96.6", 175 → "175". */
function short(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  return String(Number(value.toFixed(digits)))
}

/**
 * Parameter (or token) count as a short label: 1.75e11 → "175B", 1.2e12 → "1.2T", 1.25e8 → "125M".
 * Throws on negative or non-finite input so a data typo cannot print "NaNB".
 */
export function formatParams(n: number): string {
  if (!Number.isFinite(n) || n < 0)
    throw new RangeError(`formatParams: expected a non-negative finite number, got ${n}`)
  for (const [size, unit] of units) {
    // Round first so 999.96e9 prints as "1T", not "1000B".
    if (n >= size * 0.9995)
      return `${short(n / size)}${unit}`
  }
  return short(n)
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

/**
 * All sizes of a model in one short phrase for compact places (grid cards, tooltips):
 * none → "未公开"; one → that size; several dense → "125M–175B"; MoE → the largest size.
 */
export function formatSizeRange(sizes: readonly (SizeLike & { label?: string })[]): string {
  if (sizes.length === 0)
    return UNDISCLOSED
  const sorted = [...sizes].sort((a, b) => a.total - b.total)
  const smallest = sorted[0]!
  const largest = sorted[sorted.length - 1]!
  if (sizes.length === 1 || sizes.some(s => s.active !== undefined) || smallest.total === largest.total)
    return formatSize(largest)
  // A label that is only a size ("1.5B") is the paper's own rounding: prefer it, as the full card does.
  const end = (s: SizeLike & { label?: string }) => s.label && pureSize.test(s.label.trim()) ? s.label.trim() : formatParams(s.total)
  return `${end(smallest)}–${end(largest)}`
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
