import { describe, expect, it } from 'vitest'
import { paramsDomain, paramsScale, powerTicks, scaleChartLayout, scaleMarks, scaleRows } from '../../../charts/scale'
import { models } from '../../../data/models'
import { textWidth } from '../../../lib/text-width'
import { WIDTH } from './helpers'

describe('parameter scale', () => {
  it('is monotone on the log axis', () => {
    const domain = paramsDomain(models)
    const x = paramsScale(domain, [300, 800])
    const values = models.flatMap(m => m.params.map(p => p.total)).sort((a, b) => a - b)
    for (let i = 1; i < values.length; i++)
      expect(x(values[i]!)).toBeGreaterThanOrEqual(x(values[i - 1]!))
    expect(x(domain[0])).toBeCloseTo(300)
    expect(x(domain[1])).toBeCloseTo(800)
    // one decade is the same width anywhere on the axis
    expect(x(1e10) - x(1e9)).toBeCloseTo(x(1e11) - x(1e10))
    expect(powerTicks(domain).every(v => v >= domain[0] && v <= domain[1])).toBe(true)
  })

  it('spans every size, rounded to 1, 2 or 5 × 10^k, with a tick on each power of ten inside', () => {
    const domain = paramsDomain(models)
    const sizes = models.flatMap(m => m.params.flatMap(p => [p.total, p.active ?? p.total]))
    expect(domain[0]).toBeLessThanOrEqual(Math.min(...sizes))
    expect(domain[1]).toBeGreaterThanOrEqual(Math.max(...sizes))
    for (const end of domain)
      expect([1, 2, 5]).toContain(Math.round(end / 10 ** Math.floor(Math.log10(end))))
    const [lo, hi] = [Math.ceil(Math.log10(domain[0]) - 1e-9), Math.floor(Math.log10(domain[1]) + 1e-9)]
    expect(powerTicks(domain)).toEqual(Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i)))
  })

  it('covers every model with a size, at its largest size, across the two slides', () => {
    const big = scaleRows(models, { minParams: 1e11 })
    const small = scaleRows(models, { maxParams: 1e11 })
    const shown = [...big, ...small]
    expect(new Set(shown.map(r => r.id)).size).toBe(shown.length)
    expect(shown.map(r => r.id).sort()).toEqual(models.map(m => m.id).sort())
    for (const m of models.filter(m => m.params.length)) {
      const row = shown.find(r => r.id === m.id)!
      expect(row.total).toBe(Math.max(...m.params.map(p => p.total)))
      expect(scaleMarks(row).length).toBeGreaterThan(0)
    }
  })

  it('gives MoE models a hollow total and a filled active mark', () => {
    const moe = models.filter(m => m.params.some(p => p.active !== undefined))
    expect(moe.length).toBeGreaterThan(0)
    for (const m of moe) {
      const row = scaleRows(models, { ids: [m.id] })[0]!
      expect(row.kind).toBe('moe')
      const marks = scaleMarks(row)
      expect(marks).toHaveLength(2)
      expect(marks.find(k => !k.filled)!.value).toBe(row.total)
      expect(marks.find(k => k.filled)!.value).toBe(row.active)
    }
  })

  it('lists undisclosed sizes as 未公开 and a system\'s scale note instead of dropping them', () => {
    const layout = scaleChartLayout(models, { width: WIDTH, minParams: 1e11 })
    for (const m of models.filter(m => !m.params.length)) {
      const row = layout.rows.find(r => r.id === m.id)!
      expect(row, m.id).toBeDefined()
      expect(row.marks).toHaveLength(0)
      expect(row.valueText).toBe(m.scaleNote ?? '未公开')
    }
    expect(layout.rows.find(r => r.id === 'visual-chatgpt')!.valueText).toBe('无自有参数，调用 ChatGPT 与 22 个视觉基础模型')
  })

  it('shares one axis between the split slides and keeps every label inside the chart', () => {
    const a = scaleChartLayout(models, { width: WIDTH, minParams: 1e11 })
    const b = scaleChartLayout(models, { width: WIDTH, maxParams: 1e11 })
    expect(a.ticks).toEqual(b.ticks)
    for (const layout of [a, b]) {
      for (const row of layout.rows) {
        expect(row.valueX + textWidth(row.valueText, layout.smallFont)).toBeLessThanOrEqual(WIDTH)
        for (const mark of row.marks)
          expect(mark.x).toBeGreaterThanOrEqual(layout.plotX0)
      }
    }
  })
})
