import { describe, expect, it } from 'vitest'
import { balancedPages, packPages, pageCount, paginate } from '../../../lib/pagination'

describe('pagination', () => {
  it('paginate splits without losing or repeating items', () => {
    const items = Array.from({ length: 11 }, (_, i) => i)
    expect(pageCount(items.length, 4)).toBe(3)
    expect([1, 2, 3].flatMap(p => paginate(items, p, 4))).toEqual(items)
    expect(() => paginate(items, 0, 4)).toThrow(RangeError)
  })

  it('packPages keeps order, respects the budget, and gives an oversized item its own page', () => {
    const pages = packPages([3, 4, 2, 9, 1, 1], x => x, 7)
    expect(pages).toEqual([[3, 4], [2], [9], [1, 1]])
    expect(packPages([], x => x, 5)).toEqual([])
    expect(() => packPages([1], x => x, 0)).toThrow(RangeError)
  })

  it('balancedPages needs no more pages than packPages and leaves no near-empty last page', () => {
    const weights = [5, 5, 5, 5, 5, 1]
    expect(packPages(weights, x => x, 10)).toEqual([[5, 5], [5, 5], [5, 1]])
    const balanced = balancedPages(weights, x => x, 10)
    expect(balanced.flat()).toEqual(weights)
    expect(balanced).toHaveLength(3)
    expect(balancedPages([3, 3, 3, 3, 3, 3, 1], x => x, 9).map(p => p.length)).toEqual([2, 2, 3])
  })
})
