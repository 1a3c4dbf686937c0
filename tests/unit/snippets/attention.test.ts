import type { Mask, Matrix } from '../../../snippets/attention'
import { describe, expect, it } from 'vitest'
import { attention, causalMask, fullyVisibleMask, prefixMask } from '../../../snippets/attention'

/** Deterministic pseudo-random n×d matrix (no Math.random: failures must reproduce). */
function matrix(n: number, d: number, seed: number): Matrix {
  let s = seed
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648 * 2 - 1
  }
  return Array.from({ length: n }, () => Array.from({ length: d }, next))
}

const visible = (mask: Mask) => mask.map(row => row.map(x => x === 0))

describe('mask builders', () => {
  it.each([1, 4, 7])('build n×n masks of 0 / -Infinity (n = %i)', (n) => {
    for (const mask of [fullyVisibleMask(n), causalMask(n), prefixMask(n, Math.min(2, n))]) {
      expect(mask).toHaveLength(n)
      for (const row of mask) {
        expect(row).toHaveLength(n)
        for (const x of row)
          expect([0, -Infinity]).toContain(x)
      }
    }
  })

  it('fully visible: every position sees every position', () => {
    expect(visible(fullyVisibleMask(3))).toEqual([
      [true, true, true],
      [true, true, true],
      [true, true, true],
    ])
  })

  it('causal: position i sees exactly positions 0..i', () => {
    expect(visible(causalMask(3))).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ])
  })

  it('prefix: bidirectional inside the prefix only, causal after it', () => {
    const n = 6
    const p = 3
    const v = visible(prefixMask(n, p))
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i < p)
          expect(v[i][j], `prefix row ${i}, col ${j}`).toBe(j < p) // sees the whole prefix, nothing after
        else
          expect(v[i][j], `target row ${i}, col ${j}`).toBe(j <= i) // causal over prefix + earlier targets
      }
    }
    // A prefix token sees a later prefix token: that is what makes the prefix bidirectional.
    expect(v[0][p - 1]).toBe(true)
    // A target token never sees a later target token.
    expect(v[p][p + 1]).toBe(false)
  })

  it('prefix of length 0 is causal, prefix of length n is fully visible', () => {
    expect(prefixMask(5, 0)).toEqual(causalMask(5))
    expect(prefixMask(5, 5)).toEqual(fullyVisibleMask(5))
  })
})

describe('scaled dot-product attention', () => {
  const n = 6
  const d = 4
  const q = matrix(n, d, 1)
  const k = matrix(n, d, 2)
  const v = matrix(n, 3, 3)

  it.each([
    ['no mask', undefined],
    ['fully visible', fullyVisibleMask(n)],
    ['causal', causalMask(n)],
    ['prefix', prefixMask(n, 3)],
  ] as const)('rows of the weights sum to 1 (%s)', (_, mask) => {
    const { weights, output } = attention(q, k, v, mask)
    expect(weights).toHaveLength(n)
    expect(output).toHaveLength(n)
    for (const row of weights) {
      expect(row).toHaveLength(n)
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
      for (const w of row)
        expect(w).toBeGreaterThanOrEqual(0)
    }
    for (const row of output)
      expect(row).toHaveLength(3)
  })

  it('masked positions get weight exactly 0', () => {
    const { weights } = attention(q, k, v, causalMask(n))
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++)
        expect(weights[i][j]).toBe(0)
    }
  })

  it('matches a hand-computed 2-token example', () => {
    // q·k / √1: row 0 scores [0, 1], row 1 scores [0, 2] → softmax by hand.
    const { weights, output } = attention([[1], [2]], [[0], [1]], [[10], [20]])
    const e1 = Math.E / (1 + Math.E)
    const e2 = Math.E ** 2 / (1 + Math.E ** 2)
    expect(weights[0][1]).toBeCloseTo(e1, 12)
    expect(weights[1][1]).toBeCloseTo(e2, 12)
    expect(output[0][0]).toBeCloseTo(10 + 10 * e1, 12)
  })

  it('causal: output at position i does not change when tokens after i change', () => {
    const before = attention(q, k, v, causalMask(n)).output
    for (let i = 0; i < n - 1; i++) {
      // Replace every token after i (its query, key and value) with something else.
      const swap = (m: Matrix, seed: number) => m.map((row, t) => (t > i ? matrix(1, row.length, seed + t)[0] : row))
      const after = attention(swap(q, 10), swap(k, 20), swap(v, 30), causalMask(n)).output
      for (let t = 0; t <= i; t++) {
        for (let c = 0; c < 3; c++)
          expect(after[t][c], `position ${t} after changing tokens > ${i}`).toBeCloseTo(before[t][c], 12)
      }
      // …while the changed positions themselves do change (the test is not vacuous).
      expect(after[n - 1]).not.toEqual(before[n - 1])
    }
  })

  it('fully visible: changing the last token changes the first output (bidirectional)', () => {
    const before = attention(q, k, v, fullyVisibleMask(n)).output
    const k2 = k.map((row, t) => (t === n - 1 ? row.map(x => x + 1) : row))
    const after = attention(q, k2, v, fullyVisibleMask(n)).output
    expect(after[0]).not.toEqual(before[0])
  })

  it('prefix: prefix outputs ignore the target; target outputs ignore later targets', () => {
    const p = 3
    const mask = prefixMask(n, p)
    const before = attention(q, k, v, mask).output
    const change = (m: Matrix, from: number) => m.map((row, t) => (t >= from ? row.map(x => x * -2 + 1) : row))
    // Changing the target (positions ≥ p) leaves every prefix output alone.
    const t1 = attention(change(q, p), change(k, p), change(v, p), mask).output
    for (let t = 0; t < p; t++)
      expect(t1[t]).toEqual(before[t])
    // Changing the last prefix token changes the first prefix output: bidirectional in the prefix.
    const k2 = k.map((row, t) => (t === p - 1 ? row.map(x => x + 1) : row))
    expect(attention(q, k2, v, mask).output[0]).not.toEqual(before[0])
  })
})
