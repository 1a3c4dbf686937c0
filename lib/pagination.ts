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

/**
 * Like `packPages`, as few pages as `budget` allows, but of even height: among the splits into that
 * many pages, in order and within the budget, the one with the least spread of page heights (least
 * sum of squared heights), so the last slide is not left with one row.
 */
export function balancedPages<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const greedy = packPages(items, weight, budget)
  const count = greedy.length
  const n = items.length
  if (count <= 1)
    return greedy
  const before = items.map(weight).reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [0])
  const height = (i: number, j: number) => before[j]! - before[i]!
  // cost[k][j]: best split of the first j items into k pages; from[k][j]: where its last page starts
  const cost = Array.from({ length: count + 1 }, () => Array.from<number>({ length: n + 1 }).fill(Infinity))
  const from = Array.from({ length: count + 1 }, () => Array.from<number>({ length: n + 1 }).fill(-1))
  cost[0]![0] = 0
  for (let k = 1; k <= count; k++) {
    for (let j = 1; j <= n; j++) {
      for (let i = j - 1; i >= 0; i--) {
        const h = height(i, j)
        if (h > budget && j - i > 1)
          break
        const c = cost[k - 1]![i]! + h * h
        if (c < cost[k]![j]!) {
          cost[k]![j] = c
          from[k]![j] = i
        }
      }
    }
  }
  if (!Number.isFinite(cost[count]![n]!))
    return greedy
  const pages: T[][] = []
  for (let k = count, j = n; k > 0; k--) {
    const i = from[k]![j]!
    pages.unshift(items.slice(i, j))
    j = i
  }
  return pages
}
