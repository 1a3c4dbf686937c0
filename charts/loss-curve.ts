/**
 * The tiny GPT's training curve (model/training-record.json): the loss on each step's batch,
 * averaged over windows of steps so the line is readable, and the held-out loss where it was
 * measured, on linear axes; the checkpoints whose samples the slide prints are marked.
 */
import { scaleLinear } from 'd3-scale'

export interface LossRecord {
  trainLoss: readonly number[]
  heldOutLoss: readonly { step: number, loss: number }[]
  samples: readonly { step: number }[]
}

/** Means of consecutive windows of `every` steps, each placed at its window's middle step. */
export function smoothLoss(losses: readonly number[], every: number): { step: number, loss: number }[] {
  const out: { step: number, loss: number }[] = []
  for (let start = 0; start < losses.length; start += every) {
    const window = losses.slice(start, start + every)
    out.push({ step: start + (window.length - 1) / 2, loss: window.reduce((a, b) => a + b, 0) / window.length })
  }
  return out
}

export interface LossLayout {
  width: number
  height: number
  plot: { left: number, right: number, top: number, bottom: number }
  train: string
  heldOut: { x: number, y: number }[]
  heldOutPath: string
  xTicks: { x: number, label: string }[]
  yTicks: { y: number, label: string }[]
  checkpoints: { step: number, x: number }[]
}

const fmt = (v: number) => String(Math.round(v * 10) / 10)
const path = (points: { x: number, y: number }[]) => points.map((p, i) => `${i ? 'L' : 'M'}${fmt(p.x)} ${fmt(p.y)}`).join('')

export function lossLayout(record: LossRecord, width: number, height: number, every = 10): LossLayout {
  const plot = { left: 44, right: width - 24, top: 10, bottom: height - 28 }
  const steps = record.trainLoss.length
  const smooth = smoothLoss(record.trainLoss, every)
  const all = [...smooth.map(p => p.loss), ...record.heldOutLoss.map(p => p.loss)]
  const x = scaleLinear().domain([0, steps]).range([plot.left, plot.right])
  const y = scaleLinear().domain([Math.floor(Math.min(...all)), Math.ceil(Math.max(...all))]).range([plot.bottom, plot.top]).nice()
  const heldOut = record.heldOutLoss.map(p => ({ x: x(p.step), y: y(p.loss) }))
  return {
    width,
    height,
    plot,
    train: path(smooth.map(p => ({ x: x(p.step), y: y(p.loss) }))),
    heldOut,
    heldOutPath: path(heldOut),
    xTicks: x.ticks(5).map(v => ({ x: x(v), label: v.toLocaleString('en') })),
    yTicks: y.ticks(5).map(v => ({ y: y(v), label: String(v) })),
    checkpoints: record.samples.map(s => ({ step: s.step, x: x(s.step) })),
  }
}
