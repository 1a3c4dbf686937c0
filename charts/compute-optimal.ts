/**
 * The compute-optimal scaling demo's layout (components/ScalingDemo.vue): Chinchilla's fitted loss
 * along one training budget C over model size N (log axis, d3 `scaleLog`) against loss L (d3
 * `scaleLinear`), the optimum of every budget on the slider as a frontier, and models at their own
 * (N, D). The maths is `snippets/chinchilla.ts`; this only places it.
 */
import type { ModelRecord } from '../data/schema'
import { scaleLinear, scaleLog } from 'd3-scale'
import { activeParams, formatFixed, formatParams } from '../lib/format'
import { computeOptimal, isoComputeLoss, loss } from '../snippets/chinchilla'

/** Parameters on the x axis: 100M to 10T. */
export const N_DOMAIN: readonly [number, number] = [1e8, 1e13]
/** Loss on the y axis. */
export const L_DOMAIN: readonly [number, number] = [1.8, 2.6]
/** Below this height the curve stops being readable: the plot keeps it even if the slide has less. */
export const MIN_PLOT_HEIGHT = 240

export interface ComputeOptimalOptions {
  width: number
  height: number
  /** Training compute in FLOPs: the budget the curve is drawn for. */
  compute: number
  /** The slider's range, log10 of FLOPs: the frontier spans it. */
  minLog10: number
  maxLog10: number
}

export interface ComputeOptimalLayout {
  width: number
  height: number
  /** The plot area; the margins hold the tick labels. */
  plot: { left: number, right: number, top: number, bottom: number }
  xTicks: Array<{ value: number, x: number, text: string }>
  yTicks: Array<{ value: number, y: number, text: string }>
  /** Loss along the budget, as polyline points (clipped to the plot when drawn). */
  curve: string
  /** The optimum of every budget on the slider, as polyline points. */
  frontier: string
  optimum: { N: number, D: number, loss: number, x: number, y: number }
  models: Array<{ id: string, name: string, N: number, D: number, L: number, x: number, y: number }>
}

function polyline(points: ReadonlyArray<readonly [number, number]>): string {
  return points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')
}

/** Where everything of the demo sits for one compute budget. */
export function computeOptimalLayout(records: readonly ModelRecord[], opts: ComputeOptimalOptions): ComputeOptimalLayout {
  const { width, compute } = opts
  const height = Math.max(MIN_PLOT_HEIGHT, opts.height)
  // the bottom margin holds the tick labels; the axis title and the legend sit below the plot
  const plot = { left: 58, right: width - 12, top: 10, bottom: height - 28 }
  const x = scaleLog().domain(N_DOMAIN).range([plot.left, plot.right])
  const y = scaleLinear().domain(L_DOMAIN).range([plot.bottom, plot.top])
  const [lo, hi] = N_DOMAIN.map(Math.log10) as [number, number]

  // samples even in log N; losses far above the axis are capped so the clipped line stays short
  const curve = Array.from({ length: 161 }, (_, i) => {
    const N = 10 ** (lo + (i / 160) * (hi - lo))
    return [x(N), y(Math.min(isoComputeLoss(compute, N), L_DOMAIN[1] + 1))] as const
  })
  const frontier = Array.from({ length: 51 }, (_, i) => {
    const o = computeOptimal(10 ** (opts.minLog10 + (i / 50) * (opts.maxLog10 - opts.minLog10)))
    return [x(o.N), y(o.loss)] as const
  })
  const best = computeOptimal(compute)
  return {
    width,
    height,
    plot,
    // a tick count of one per decade: d3 gives the powers of ten and no minor ticks
    xTicks: x.ticks(hi - lo).map(value => ({ value, x: x(value), text: formatParams(value) })),
    yTicks: y.ticks().map(value => ({ value, y: y(value), text: formatFixed(value, 1) })),
    curve: polyline(curve),
    frontier: polyline(frontier),
    optimum: { N: best.N, D: best.D, loss: best.loss, x: x(best.N), y: y(best.loss) },
    models: records.map((m) => {
      const N = activeParams(m.params) ?? 0
      const D = m.tokens ?? 0
      const L = loss(N, D)
      return { id: m.id, name: m.name, N, D, L, x: x(N), y: y(L) }
    }),
  }
}
