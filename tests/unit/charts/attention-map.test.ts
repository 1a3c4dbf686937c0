import { describe, expect, it } from 'vitest'
import { headProfile, heatmapLayout, maskOutline, thumbnailPaths, topLooks, weightOpacity } from '../../../charts/attention-map'
import { MIN_FONT } from '../../../charts/shared'
import { DEMO_DEFAULTS, HEATMAP_LIMIT } from '../../../composables/demo-defaults'
import { heatmapInput } from '../../../lib/generation'
import { readModel } from '../../../scripts/tiny-gpt-snapshot'
import { forward } from '../../../snippets/tiny-gpt'

describe('the attention heat map\'s geometry', () => {
  it('fits n cells and their labels in the square, labels at no less than the floor', () => {
    for (const n of [1, 6, 12, HEATMAP_LIMIT]) {
      const layout = heatmapLayout(n, 404)
      expect(layout.width).toBeLessThanOrEqual(404 + 1e-9)
      expect(layout.height).toBeLessThanOrEqual(404 + 1e-9)
      expect(layout.fontSize).toBeGreaterThanOrEqual(MIN_FONT)
      expect(layout.x(n - 1) + layout.cell).toBeLessThanOrEqual(layout.width)
      expect(layout.pitch).toBeGreaterThanOrEqual(layout.fontSize) // one label per cell, no overlap
      expect(layout.cell).toBeLessThan(layout.pitch)
    }
    expect(heatmapLayout(2, 404).pitch).toBe(40) // a short text stays compact
    expect(() => heatmapLayout(0, 404)).toThrow()
  })

  it('outlines exactly the cells above the diagonal as the mask', () => {
    const layout = heatmapLayout(4, 200)
    const d = maskOutline(layout)
    const corners = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map(m => [Number(m[1]), Number(m[2])])
    const { left, top, pitch } = layout
    // From the top edge right of cell (0,0), along the top and right edges, down the staircase.
    expect(corners[0]).toEqual([left + pitch, top])
    expect(corners[1]).toEqual([left + 4 * pitch, top])
    expect(corners[2]).toEqual([left + 4 * pitch, top + 3 * pitch])
    expect(corners).toHaveLength(3 + 2 * 3)
    expect(maskOutline(heatmapLayout(1, 200))).toBe('')
  })

  it('maps weights to opacity linearly, never invisible, and bands every cell of a thumbnail once', () => {
    expect(weightOpacity(0)).toBeGreaterThan(0)
    expect(weightOpacity(1)).toBe(1)
    expect(weightOpacity(0.5)).toBeCloseTo((weightOpacity(0) + weightOpacity(1)) / 2)
    const matrix = [[1], [0.5, 0.5], [0.1, 0.2, 0.7]]
    const paths = thumbnailPaths(matrix, 30)
    expect(paths.map(p => p.d.split('M').length - 1).reduce((a, b) => a + b, 0)).toBe(6)
    expect(paths.map(p => p.opacity)).toEqual([...paths.map(p => p.opacity)].sort((a, b) => a - b))
  })

  it('reads a head\'s profile and a row\'s heaviest looks', () => {
    const previous = [[1], [1, 0], [0, 1, 0], [0, 0, 1, 0]]
    const chars = ['床', '，', '明', '。']
    expect(headProfile(previous, chars)).toEqual({ previous: 1, self: 0, first: 1 / 3, punctuation: 1 / 3 })
    expect(topLooks([0.1, 0.6, 0.3], 2)).toEqual([{ position: 1, weight: 0.6 }, { position: 2, weight: 0.3 }])
  })
})

describe('what the notes say about the heads, on the default text', () => {
  const { model, vocab } = readModel()
  const { ids, chars } = heatmapInput(DEMO_DEFAULTS.attention.text, vocab, model.config.contextLength, HEATMAP_LIMIT)
  const { matrix } = forward(model, ids)
  const profiles = matrix.map(heads => heads.map(m => headProfile(m, chars)))
  const pct = (x: number) => Math.round(x * 100)

  it('has no weight above the diagonal: row t holds t + 1 weights summing to 1', () => {
    for (const heads of matrix) {
      for (const rows of heads) {
        rows.forEach((row, t) => {
          expect(row).toHaveLength(t + 1)
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
        })
      }
    }
  })

  it('layer 1 head 4 (the default) looks at the character before: 65 %, against about 12 % if it spread evenly', () => {
    expect(DEMO_DEFAULTS.attention).toMatchObject({ layer: 0, head: 3 })
    expect(pct(profiles[0]![3]!.previous)).toBe(65)
    const even = chars.slice(1).reduce((sum, _, k) => sum + 1 / (k + 2), 0) / (chars.length - 1)
    expect(pct(even)).toBe(12)
  })

  it('layer 2 head 1 looks at the punctuation: 79 %, 84 % on the latest 「，」, next to nothing on 「。」', () => {
    expect(pct(profiles[1]![0]!.punctuation)).toBe(79)
    let comma = 0
    let period = 0
    let rows = 0
    matrix[1]![0]!.forEach((row, t) => {
      period += row.reduce((sum, w, s) => sum + (chars[s] === '。' ? w : 0), 0)
      const at = t ? chars.lastIndexOf('，', t - 1) : -1
      if (at >= 0) {
        comma += row[at]!
        rows++
      }
    })
    expect(pct(comma / rows)).toBe(84)
    expect(period / (chars.length - 1)).toBeLessThan(0.01)
  })

  it('no other head is that single-minded: under 35 % to the character before, under half to punctuation', () => {
    profiles.forEach((heads, l) => heads.forEach((p, h) => {
      if ((l === 0 && h === 3) || (l === 1 && h === 0))
        return
      expect(p.previous, `layer ${l + 1} head ${h + 1}`).toBeLessThan(0.35)
      expect(p.punctuation, `layer ${l + 1} head ${h + 1}`).toBeLessThan(0.5)
    }))
  })
})
