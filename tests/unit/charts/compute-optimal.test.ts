import { describe, expect, it } from 'vitest'
import { computeOptimalLayout, L_DOMAIN, MIN_PLOT_HEIGHT, N_DOMAIN } from '../../../charts/compute-optimal'
import { models } from '../../../data/models'
import { requireModels } from '../../../lib/records'
import { computeOptimal, loss } from '../../../snippets/chinchilla'
import { WIDTH } from './helpers'

describe('compute-optimal demo layout', () => {
  const records = requireModels(models, ['gopher', 'chinchilla'])
  const opts = { width: WIDTH, height: 360, compute: 5.76e23, minLog10: 20, maxLog10: 25 }
  const layout = computeOptimalLayout(records, opts)
  const { plot } = layout

  it('ticks every power of ten of N and every 0.1 of loss, across the plot', () => {
    const [lo, hi] = N_DOMAIN.map(Math.log10) as [number, number]
    expect(layout.xTicks.map(t => t.value)).toEqual(Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i)))
    expect(layout.xTicks[0]!.x).toBeCloseTo(plot.left)
    expect(layout.xTicks.at(-1)!.x).toBeCloseTo(plot.right)
    // a decade is as wide anywhere
    const steps = layout.xTicks.slice(1).map((t, i) => t.x - layout.xTicks[i]!.x)
    for (const step of steps)
      expect(step).toBeCloseTo(steps[0]!)
    expect(layout.yTicks.map(t => t.text)).toEqual(['1.8', '1.9', '2.0', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6'])
    expect(layout.yTicks[0]!.y).toBeCloseTo(plot.bottom)
    expect(layout.yTicks.at(-1)!.y).toBeCloseTo(plot.top)
    expect(layout.yTicks[0]!.value).toBe(L_DOMAIN[0])
  })

  it('puts each model at its own N and loss, and the optimum at the paper\'s closed form', () => {
    for (const m of layout.models) {
      const record = records.find(r => r.id === m.id)!
      expect(m.D).toBe(record.tokens)
      expect(m.L).toBeCloseTo(loss(m.N, m.D))
      expect(m.x).toBeGreaterThan(plot.left)
      expect(m.x).toBeLessThan(plot.right)
    }
    const best = computeOptimal(opts.compute)
    expect(layout.optimum.N).toBe(best.N)
    // the optimum is the lowest point of the curve
    const ys = layout.curve.split(' ').map(p => Number(p.split(',')[1]))
    expect(Math.max(...ys)).toBeCloseTo(layout.optimum.y, 0)
  })

  it('redraws the curve for another budget, and keeps a readable height on a short slide', () => {
    expect(computeOptimalLayout(records, { ...opts, compute: 1e25 }).curve).not.toBe(layout.curve)
    expect(computeOptimalLayout(records, { ...opts, height: 100 }).height).toBe(MIN_PLOT_HEIGHT)
    expect(layout.frontier.split(' ')).toHaveLength(51)
  })
})
