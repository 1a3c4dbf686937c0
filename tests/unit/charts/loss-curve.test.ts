import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { lossLayout, smoothLoss } from '../../../charts/loss-curve'
import TrainingCurve from '../../../components/TrainingCurve.vue'

const record = JSON.parse(readFileSync(resolve(__dirname, '../../../model/training-record.json'), 'utf8'))

describe('the training curve', () => {
  it('averages the per-step losses in windows, each at its middle step', () => {
    expect(smoothLoss([1, 2, 3, 4, 5], 2)).toEqual([{ step: 0.5, loss: 1.5 }, { step: 2.5, loss: 3.5 }, { step: 4, loss: 5 }])
    expect(smoothLoss(record.trainLoss, 10)).toHaveLength(record.training.steps / 10)
  })

  it('keeps every point inside the plot, the held-out loss falling, the checkpoints at their steps', () => {
    const layout = lossLayout(record, 430, 330)
    const { left, right, top, bottom } = layout.plot
    const coords = [...layout.train.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map(m => [Number(m[1]), Number(m[2])] as const)
    expect(coords).toHaveLength(record.training.steps / 10)
    for (const [x, y] of [...coords, ...layout.heldOut.map(p => [p.x, p.y] as const)]) {
      expect(x).toBeGreaterThanOrEqual(left - 1e-9)
      expect(x).toBeLessThanOrEqual(right + 1e-9)
      expect(y).toBeGreaterThanOrEqual(top - 1e-9)
      expect(y).toBeLessThanOrEqual(bottom + 1e-9)
    }
    expect(layout.heldOut).toHaveLength(record.heldOutLoss.length)
    expect(layout.heldOut.at(-1)!.y).toBeGreaterThan(layout.heldOut[0]!.y) // lower loss is lower on screen: larger y
    expect(layout.checkpoints.map(c => c.step)).toEqual(record.samples.map((s: { step: number }) => s.step))
    expect(layout.yTicks.length).toBeGreaterThanOrEqual(3)
  })

  it('prints each checkpoint\'s sample of the first prompt', () => {
    const wrapper = mount(TrainingCurve)
    const items = wrapper.findAll('[data-step]')
    expect(items.map(i => Number(i.attributes('data-step')))).toEqual(record.samples.map((s: { step: number }) => s.step))
    expect(items[0]!.text()).toContain(record.sampling.prompts[0])
    expect(wrapper.text()).toContain(`留出损失 ${record.heldOutLoss.at(-1).loss.toFixed(2)}`)
  })
})
