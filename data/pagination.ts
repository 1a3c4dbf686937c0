/** Splitting long lists over several slides so every slide stays readable. */

/** Items of page `page` (1-based) when showing `perPage` per slide. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): T[] {
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`paginate: page and perPage must be positive integers, got page=${page}, perPage=${perPage}`)
  return items.slice((page - 1) * perPage, page * perPage)
}

/** Number of pages needed for `count` items at `perPage` per page. */
export const pageCount = (count: number, perPage: number): number => Math.max(1, Math.ceil(count / perPage))

/**
 * Packs items greedily, in order, into pages whose summed `weight` stays within `budget`
 * (an item heavier than the budget gets a page of its own). Used where rows differ in height.
 */
export function packPages<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  if (!(budget > 0))
    throw new RangeError(`packPages: budget must be positive, got ${budget}`)
  const pages: T[][] = []
  let current: T[] = []
  let used = 0
  for (const item of items) {
    const w = weight(item)
    if (current.length > 0 && used + w > budget) {
      pages.push(current)
      current = []
      used = 0
    }
    current.push(item)
    used += w
  }
  if (current.length > 0)
    pages.push(current)
  return pages
}

/** Display width of text in CJK-character units: a Latin character is about half as wide. */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.55
  return width
}

/** Lines a text takes in a column `perLine` CJK characters wide. */
export const lineCount = (text: string, perLine: number): number => Math.max(1, Math.ceil(textWidth(text) / perLine))
