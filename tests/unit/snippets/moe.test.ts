import { describe, expect, it, vi } from 'vitest'
import { moeLayer, softmax, topKGating } from '../../../snippets/moe'

describe('softmax', () => {
  it('sums to 1 and is stable for large logits', () => {
    const p = softmax([1000, 1001, 1002])
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(p.every(Number.isFinite)).toBe(true)
    expect(p[2]).toBeGreaterThan(p[1]!)
  })
})

describe('topKGating', () => {
  const logits = [0.1, 2.0, -1.0, 1.5, 0.3]

  it.each([1, 2, 3, 5])('chooses exactly k = %i distinct experts', (k) => {
    const { indices, weights } = topKGating(logits, k)
    expect(indices).toHaveLength(k)
    expect(new Set(indices).size).toBe(k)
    expect(weights).toHaveLength(k)
  })

  it('picks the highest logits, best first', () => {
    expect(topKGating(logits, 2).indices).toEqual([1, 3])
  })

  it('renormalises the kept weights to sum to 1', () => {
    for (const k of [1, 2, 4]) {
      const { weights } = topKGating(logits, k)
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
      expect(weights.every(w => w > 0)).toBe(true)
    }
  })

  it('keeps the ratio of the chosen probabilities', () => {
    const { weights } = topKGating([Math.log(3), Math.log(1), Math.log(0.5)], 2)
    expect(weights[0]).toBeCloseTo(0.75, 12)
    expect(weights[1]).toBeCloseTo(0.25, 12)
  })

  it('throws when k is out of range', () => {
    expect(() => topKGating(logits, 6)).toThrow(RangeError)
    expect(() => topKGating(logits, 0)).toThrow(RangeError)
    expect(() => topKGating(logits, 1.5)).toThrow(RangeError)
  })
})

describe('moeLayer', () => {
  const x = [1, 2]
  const makeExperts = () => [
    vi.fn((v: number[]) => v.map(a => a * 10)),
    vi.fn((v: number[]) => v.map(a => a + 1)),
    vi.fn((v: number[]) => v.map(() => 0)),
    vi.fn((v: number[]) => v.map(a => -a)),
  ]

  it('calls only the k chosen experts, once each', () => {
    const experts = makeExperts()
    moeLayer(x, experts, () => [3, 0, -2, 2], 2)
    expect(experts[0]).toHaveBeenCalledTimes(1)
    expect(experts[3]).toHaveBeenCalledTimes(1)
    expect(experts[1]).not.toHaveBeenCalled()
    expect(experts[2]).not.toHaveBeenCalled()
  })

  it('mixes the chosen outputs by the gate weights (unchosen weight 0)', () => {
    const experts = makeExperts()
    const gateLogits = [3, 0, -2, 2]
    const { weights } = topKGating(gateLogits, 2)
    const out = moeLayer(x, experts, () => gateLogits, 2)
    const expected = x.map(a => weights[0]! * a * 10 + weights[1]! * -a)
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12))
  })

  it('with k = 1 returns the single best expert\'s output', () => {
    expect(moeLayer(x, makeExperts(), () => [0, 5, 0, 0], 1)).toEqual([2, 3])
  })

  it('throws when k exceeds the number of experts', () => {
    expect(() => moeLayer(x, makeExperts(), () => [0, 0, 0, 0], 5)).toThrow(RangeError)
  })

  it('throws when the gate and expert counts differ', () => {
    expect(() => moeLayer(x, makeExperts(), () => [0, 0], 1)).toThrow(RangeError)
  })
})
