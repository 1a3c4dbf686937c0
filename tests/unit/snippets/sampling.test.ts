import { describe, expect, it } from 'vitest'
import { sampleIndex, samplingDistribution, seededUniform, seededUniforms, softmax, topK, topP } from '../../../snippets/sampling'

const logits = [2, 1, 0.5, 0, -1]
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('temperature', () => {
  it('at 1 is the plain softmax', () => {
    const p = softmax(logits, 1)
    const exps = logits.map(Math.exp)
    p.forEach((v, i) => expect(v).toBeCloseTo(exps[i]! / sum(exps), 12))
  })

  it('towards 0 puts all the mass on the argmax; at 0 it is exactly greedy', () => {
    expect(softmax(logits, 0.01)[0]).toBeGreaterThan(0.999)
    expect(softmax(logits, 0)).toEqual([1, 0, 0, 0, 0])
    expect(softmax([0, 3, 1], 0)).toEqual([0, 1, 0])
  })

  it('above 1 flattens the distribution towards uniform', () => {
    expect(softmax(logits, 2)[0]).toBeLessThan(softmax(logits, 1)[0]!)
    softmax(logits, 1e6).forEach(v => expect(v).toBeCloseTo(1 / logits.length, 4))
  })

  it('stays finite for large logits', () => {
    expect(sum(softmax([1000, 1001], 0.5))).toBeCloseTo(1, 12)
  })
})

describe('top-k', () => {
  it('keeps the k most likely tokens and renormalises them', () => {
    const p = topK(softmax(logits), 2)
    expect(p.filter(v => v > 0)).toHaveLength(2)
    expect(p[2]).toBe(0)
    expect(sum(p)).toBeCloseTo(1, 12)
    const q = softmax(logits)
    expect(p[0]! / p[1]!).toBeCloseTo(q[0]! / q[1]!, 12)
  })

  it('with k ≥ the vocabulary changes nothing', () => {
    expect(topK(softmax(logits), 99)).toEqual(softmax(logits))
  })
})

describe('top-p', () => {
  const probs = [0.5, 0.3, 0.15, 0.05]

  it('keeps the smallest set whose mass reaches p, the rest renormalised', () => {
    expect(topP(probs, 0.5)).toEqual([1, 0, 0, 0])
    const p = topP(probs, 0.7)
    expect(p[0]).toBeCloseTo(0.5 / 0.8, 12)
    expect(p[1]).toBeCloseTo(0.3 / 0.8, 12)
    expect(p.slice(2)).toEqual([0, 0])
    expect(topP(probs, 0.8).filter(v => v > 0)).toHaveLength(2) // 0.5 + 0.3 reaches 0.8 exactly
    expect(topP(probs, 0.81).filter(v => v > 0)).toHaveLength(3)
  })

  it('with p = 1 keeps every token', () => {
    expect(topP(probs, 1)).toEqual(probs)
  })

  it('always keeps at least the most likely token', () => {
    expect(topP(probs, 0)).toEqual([1, 0, 0, 0])
  })
})

describe('sampling', () => {
  it('applies temperature, then top-k, then top-p', () => {
    const p = samplingDistribution(logits, { temperature: 1, topK: 3, topP: 1 })
    expect(p).toEqual(topK(softmax(logits), 3))
    expect(samplingDistribution(logits, { temperature: 0, topK: 5, topP: 1 })).toEqual([1, 0, 0, 0, 0])
  })

  it('maps a uniform number through the cumulative distribution', () => {
    const p = [0.2, 0.5, 0.3]
    expect(sampleIndex(p, 0)).toBe(0)
    expect(sampleIndex(p, 0.19)).toBe(0)
    expect(sampleIndex(p, 0.2)).toBe(1)
    expect(sampleIndex(p, 0.69)).toBe(1)
    expect(sampleIndex(p, 0.7)).toBe(2)
    expect(sampleIndex(p, 0.9999999999)).toBe(2)
    expect(sampleIndex([0.5, 0.5, 0], 1)).toBe(1) // never a token whose probability is 0
  })

  it('never draws a token the filters removed', () => {
    const p = samplingDistribution(logits, { temperature: 1.5, topK: 2, topP: 1 })
    for (const u of seededUniforms(7, 200))
      expect(sampleIndex(p, u)).toBeLessThan(2)
  })

  it('replays the same draws for the same seed, and other draws for another seed', () => {
    const a = seededUniforms(42, 20)
    const b = Array.from({ length: 20 }, (_, i) => seededUniform(42, i))
    const c = seededUniforms(43, 20)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    a.forEach(u => expect(u >= 0 && u < 1).toBe(true))
  })

  it('draws tokens with their probabilities (frequencies over 20,000 seeded draws)', () => {
    const p = softmax(logits)
    const counts = p.map(() => 0)
    const n = 20_000
    for (const u of seededUniforms(1, n))
      counts[sampleIndex(p, u)]!++
    counts.forEach((c, i) => expect(Math.abs(c / n - p[i]!)).toBeLessThan(0.015))
  })
})
