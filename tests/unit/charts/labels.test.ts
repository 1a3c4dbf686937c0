import { describe, expect, it } from 'vitest'
import { dodge, packLine, placeLabels } from '../../../charts/labels'
import { rng } from './helpers'

describe('label placement', () => {
  it('never overlaps two labels on one level, keeps them inside the bounds and near their points', () => {
    const random = rng(42)
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 30)
      const items = Array.from({ length: n }, () => ({ anchor: random() * 800, width: 20 + random() * 100 }))
      const placed = placeLabels(items, { min: 0, max: 800, gap: 8, maxShift: 40 })
      expect(placed).toHaveLength(n)
      for (const [i, a] of placed.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0)
        expect(a.left + a.width).toBeLessThanOrEqual(800 + 1e-9)
        const ideal = Math.min(Math.max(a.anchor - a.width / 2, 0), 800 - a.width)
        expect(Math.abs(a.left - ideal)).toBeLessThanOrEqual(40 + 1e-9)
        for (const b of placed.slice(i + 1)) {
          if (a.level === b.level)
            expect(a.left + a.width + 8 <= b.left + 1e-9 || b.left + b.width + 8 <= a.left + 1e-9).toBe(true)
        }
      }
    }
  })

  it('leaves well-separated labels centred on the first level', () => {
    const placed = placeLabels([{ anchor: 100, width: 40 }, { anchor: 300, width: 40 }], { min: 0, max: 800 })
    expect(placed.map(p => [p.level, p.left])).toEqual([[0, 80], [0, 280]])
  })

  it('packs a crowded line into a block centred on its labels, in order', () => {
    const lefts = packLine([{ anchor: 100, width: 40 }, { anchor: 102, width: 40 }, { anchor: 104, width: 40 }], 0, 800, 10)
    expect(lefts[1]! - lefts[0]!).toBe(50)
    expect(lefts[2]! - lefts[1]!).toBe(50)
    expect((lefts[0]! + lefts[2]! + 40) / 2).toBeCloseTo(102)
  })

  it('spreads same-day dots apart', () => {
    expect(dodge([10, 10, 10, 40], 7)).toEqual([10, 17, 24, 40])
    // inside bounds it changes nothing there
    expect(dodge([10, 10, 10, 40], 7, [0, 100])).toEqual([10, 17, 24, 40])
  })

  it('with bounds, pushes a run back left from the right end, and shares the bounds when it must', () => {
    expect(dodge([90, 98, 98, 98], 7, [0, 100])).toEqual([79, 86, 93, 100])
    const crowded = dodge(Array.from<number>({ length: 21 }).fill(50), 7, [0, 100])
    expect(crowded[0]).toBe(0)
    expect(crowded.at(-1)).toBe(100)
    for (let i = 1; i < crowded.length; i++)
      expect(crowded[i]! - crowded[i - 1]!).toBeCloseTo(5)
    const random = rng(7)
    for (let round = 0; round < 100; round++) {
      const xs = Array.from({ length: 1 + Math.floor(random() * 40) }, () => random() * 300).sort((a, b) => a - b)
      const out = dodge(xs, 7, [0, 300])
      for (const [i, x] of out.entries()) {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(300 + 1e-9)
        if (i > 0)
          expect(x - out[i - 1]!).toBeGreaterThanOrEqual(Math.min(7, 300 / (out.length - 1)) - 1e-9)
      }
    }
  })
})
