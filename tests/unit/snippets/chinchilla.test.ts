import type { LossFit } from '../../../snippets/chinchilla'
import { describe, expect, it } from 'vitest'
import { budgetForOptimalSize, CHINCHILLA_FIT, computeOptimal, isoComputeLoss, loss, trainingFlops } from '../../../snippets/chinchilla'

/**
 * Hoffmann et al. 2022 (arXiv 2203.15556), Appendix D.3, Table A3, the Approach 3 columns:
 * model size → the compute budget for which it is optimal and its training tokens.
 * The paper prints 1.26e+24 FLOPs for 175B; its own 12.0T tokens give 6·N·D = 1.26e+25, and the
 * column rises monotonically only with e+25, so the exponent is a typo (checked below).
 */
const TABLE_A3_APPROACH_3 = [
  { N: 400e6, C: 2.21e19, D: 9.2e9 },
  { N: 1e9, C: 1.62e20, D: 27.1e9 },
  { N: 10e9, C: 2.46e22, D: 410.1e9 },
  { N: 67e9, C: 1.71e24, D: 4.1e12 },
  { N: 175e9, C: 1.26e25, D: 12.0e12 },
  { N: 280e9, C: 3.52e25, D: 20.1e12 },
  { N: 520e9, C: 1.36e26, D: 43.5e12 },
  { N: 1e12, C: 5.65e26, D: 94.1e12 },
  { N: 10e12, C: 8.55e28, D: 1425.5e12 },
]

/**
 * The fit before rounding, as in the paper's TeX source (read by Besiroglu et al. 2024,
 * arXiv 2404.10102, notebook `data_analysis.ipynb`: log A, log B, log E, α, β).
 */
const UNROUNDED_FIT: LossFit = {
  A: Math.exp(6.0073404),
  B: Math.exp(6.0179186),
  E: Math.exp(0.5267228),
  alpha: 0.33917084,
  beta: 0.2849083,
}

/** Each printed constant's rounding interval: α, β to 2 decimals, A, B to 1, E to 2. */
const ROUNDING = { E: 0.005, A: 0.05, B: 0.05, alpha: 0.005, beta: 0.005 }

/** Every fit inside the rounding box (5 steps per side on A, B, α, β; E does not move the optimum). */
function fitsWithinRounding(): LossFit[] {
  const steps = [-1, -0.5, 0, 0.5, 1]
  const out: LossFit[] = []
  for (const a of steps) {
    for (const b of steps) {
      for (const al of steps) {
        for (const be of steps) {
          out.push({
            E: CHINCHILLA_FIT.E,
            A: CHINCHILLA_FIT.A + a * ROUNDING.A,
            B: CHINCHILLA_FIT.B + b * ROUNDING.B,
            alpha: CHINCHILLA_FIT.alpha + al * ROUNDING.alpha,
            beta: CHINCHILLA_FIT.beta + be * ROUNDING.beta,
          })
        }
      }
    }
  }
  return out
}

/** Golden-section search of the iso-compute loss over log N: the optimum without the closed form. */
function numericOptimum(C: number, f: LossFit = CHINCHILLA_FIT): number {
  let lo = Math.log(1e6)
  let hi = Math.log(1e15)
  const g = (Math.sqrt(5) - 1) / 2
  for (let i = 0; i < 200; i++) {
    const x1 = hi - g * (hi - lo)
    const x2 = lo + g * (hi - lo)
    if (isoComputeLoss(C, Math.exp(x1), f) < isoComputeLoss(C, Math.exp(x2), f))
      hi = x2
    else
      lo = x1
  }
  return Math.exp((lo + hi) / 2)
}

describe('the fitted loss', () => {
  it('uses the constants the paper prints (Appendix D.2, Eq. 10)', () => {
    expect(CHINCHILLA_FIT).toEqual({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 })
  })

  it('falls with more parameters and with more data, towards E', () => {
    expect(loss(1e10, 1e11)).toBeLessThan(loss(1e9, 1e11))
    expect(loss(1e10, 1e12)).toBeLessThan(loss(1e10, 1e11))
    expect(loss(1e30, 1e30)).toBeCloseTo(CHINCHILLA_FIT.E, 3)
  })

  it('counts 6 FLOPs per parameter per token', () => {
    expect(trainingFlops(70e9, 1.4e12)).toBeCloseTo(5.88e23, -20)
  })
})

describe('the compute-optimal split (Eq. 4)', () => {
  it.each([1e20, 1e22, 5.76e23, 1e25])('is the minimum of the iso-compute curve at C = %d', (C) => {
    const { N, D } = computeOptimal(C)
    expect(N / numericOptimum(C)).toBeCloseTo(1, 6)
    expect(trainingFlops(N, D) / C).toBeCloseTo(1, 12)
    expect(isoComputeLoss(C, N)).toBeLessThan(isoComputeLoss(C, N * 1.2))
    expect(isoComputeLoss(C, N)).toBeLessThan(isoComputeLoss(C, N / 1.2))
  })

  it('inverts: the budget for an optimal size gives back that size', () => {
    for (const N of [1e9, 70e9, 1e12])
      expect(computeOptimal(budgetForOptimalSize(N)).N / N).toBeCloseTo(1, 9)
  })

  it('gives the exponents of Table 2 (Approach 3: a = 0.46, b = 0.54) within the rounding of α and β', () => {
    // a = β/(α+β) rises with β and falls with α: its range over the rounding box is at two corners.
    const aLow = (0.28 - 0.005) / (0.34 + 0.005 + 0.28 - 0.005)
    const aHigh = (0.28 + 0.005) / (0.34 - 0.005 + 0.28 + 0.005)
    const { a, b } = computeOptimal(1e23)
    expect(a + b).toBeCloseTo(1, 12)
    // The printed 0.46 stands for [0.455, 0.465]: it must overlap what the rounded α, β allow.
    expect(aHigh).toBeGreaterThanOrEqual(0.455)
    expect(aLow).toBeLessThanOrEqual(0.465)
    expect(a).toBeGreaterThan(aLow)
    expect(a).toBeLessThan(aHigh)
    // Unrounded, the fit gives exactly the printed exponents.
    const unrounded = computeOptimal(1e23, UNROUNDED_FIT)
    expect(unrounded.a.toFixed(2)).toBe('0.46')
    expect(unrounded.b.toFixed(2)).toBe('0.54')
  })
})

describe('table A3 (Approach 3) of the paper', () => {
  it('is itself consistent with C = 6·N·D within its printed digits (175B row: e+25, see above)', () => {
    for (const row of TABLE_A3_APPROACH_3)
      expect(Math.abs(trainingFlops(row.N, row.D) / row.C - 1)).toBeLessThan(0.045)
    const column = TABLE_A3_APPROACH_3.map(r => r.C)
    expect(column).toEqual([...column].sort((x, y) => x - y))
  })

  it('lies inside what the printed constants allow once their rounding is taken into account', () => {
    const fits = fitsWithinRounding()
    for (const row of TABLE_A3_APPROACH_3) {
      const sizes = fits.map(f => computeOptimal(row.C, f).N)
      expect(row.N).toBeGreaterThanOrEqual(Math.min(...sizes))
      expect(row.N).toBeLessThanOrEqual(Math.max(...sizes))
    }
  })

  it('matches the rounded constants to within 31 % in N and 44 % in D (the rounding bias)', () => {
    for (const row of TABLE_A3_APPROACH_3) {
      const { N, D } = computeOptimal(row.C)
      // Rounding α up and β down shifts the optimum to smaller models and more tokens, never the other way.
      expect(N / row.N).toBeGreaterThan(0.69)
      expect(N / row.N).toBeLessThan(1)
      expect(D / row.D).toBeGreaterThan(1)
      expect(D / row.D).toBeLessThan(1.44)
    }
  })

  it('matches the unrounded fit to within 8 % in N and 11 % in D', () => {
    for (const row of TABLE_A3_APPROACH_3) {
      const { N, D } = computeOptimal(row.C, UNROUNDED_FIT)
      expect(Math.abs(N / row.N - 1)).toBeLessThan(0.08)
      expect(Math.abs(D / row.D - 1)).toBeLessThan(0.11)
    }
  })
})

describe('gopher and Chinchilla on the Gopher budget (5.76e23 FLOPs)', () => {
  const C = 5.76e23

  it('puts the optimum near the paper\'s 40B (Figure 4) unrounded, ≈ 32B with the printed constants', () => {
    expect(computeOptimal(C, UNROUNDED_FIT).N / 40e9).toBeCloseTo(1, 1)
    const sizes = fitsWithinRounding().map(f => computeOptimal(C, f).N)
    expect(40e9).toBeGreaterThan(Math.min(...sizes))
    expect(40e9).toBeLessThan(Math.max(...sizes))
  })

  it('predicts a lower loss for Chinchilla (70B, 1.4T) than for Gopher (280B, 300B), both above the optimum', () => {
    const gopher = loss(280e9, 300e9)
    const chinchilla = loss(70e9, 1.4e12)
    const best = computeOptimal(C).loss
    expect(chinchilla).toBeLessThan(gopher)
    expect(best).toBeLessThan(chinchilla)
    // Chinchilla sits close to the bottom of the curve; Gopher far up its right-hand side (too big).
    expect(chinchilla - best).toBeLessThan((gopher - best) / 5)
  })
})
