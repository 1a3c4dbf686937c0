import { describe, expect, it } from 'vitest'
import { activeParams, describeSize, formatChineseCount, formatFixed, formatParams, formatScientific, formatSize, formatSizeRange, formatWan, largestSize, modelScale, smallestSize, UNDISCLOSED } from '../../../lib/format'

describe('formatParams', () => {
  it.each([
    [1.75e11, '175B'],
    [1.2e12, '1.2T'],
    [1.25e8, '125M'],
    [9.66e10, '96.6B'],
    [6.2e9, '6.2B'],
    [1.3e9, '1.3B'],
    [6e7, '60M'],
    [2.2e8, '220M'],
    [7.7e8, '770M'],
    [5.4e11, '540B'],
    [1.4e12, '1.4T'],
    [3e11, '300B'],
    [1.5e9, '1.5B'],
    [1.17e8, '117M'],
    [3.4e8, '340M'],
    [5.62e11, '562B'],
    [1e12, '1T'],
    [999.96e9, '1T'],
    [52000, '52K'],
    [42, '42'],
    [0, '0'],
    [1.542e9, '1.54B'],
    [6.05e9, '6.05B'],
    [6.52e10, '65.2B'],
  ])('%d → %s', (n, expected) => {
    expect(formatParams(n)).toBe(expected)
  })

  it('rejects negative and non-finite input', () => {
    expect(() => formatParams(-1)).toThrow(RangeError)
    expect(() => formatParams(Number.NaN)).toThrow(RangeError)
    expect(() => formatParams(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('formatSize', () => {
  it('prints dense sizes plainly', () => {
    expect(formatSize({ total: 1.75e11 })).toBe('175B')
  })
  it('prints MoE total and active distinctly', () => {
    expect(formatSize({ total: 1.2e12, active: 9.66e10 })).toBe('1.2T 总 / 96.6B 激活')
  })
})

describe('formatSizeRange', () => {
  it('says undisclosed when there are no sizes', () => {
    expect(formatSizeRange([])).toBe(UNDISCLOSED)
    expect(UNDISCLOSED).toBe('未公开')
  })
  it('gives the single size, as the paper rounds it where the label is a bare size', () => {
    expect(formatSizeRange([{ total: 6.2e9 }])).toBe('6.2B')
    expect(formatSizeRange([{ label: '6B', total: 6.05e9 }])).toBe('6B')
    expect(formatSizeRange([{ label: 'GPT-J-6B', total: 6.05e9 }])).toBe('6.05B')
  })
  it('gives smallest–largest for several dense sizes, whatever the order', () => {
    expect(formatSizeRange([{ total: 1.75e11 }, { total: 1.25e8 }, { total: 1.3e9 }])).toBe('125M–175B')
  })
  it('prefers the paper\'s own size labels for the ends of the range', () => {
    expect(formatSizeRange([{ label: '117M', total: 1.17e8 }, { label: '1.5B', total: 1.542e9 }])).toBe('117M–1.5B')
    expect(formatSizeRange([{ label: 'LLaMA-7B', total: 6.7e9 }, { label: 'LLaMA-65B', total: 6.52e10 }])).toBe('6.7B–65.2B')
    expect(formatSizeRange([{ label: '7B', total: 6.7e9 }, { label: '65B', total: 6.52e10 }])).toBe('7B–65B')
  })
  it('gives the largest MoE size with total and active', () => {
    expect(formatSizeRange([{ total: 1.7e9, active: 1.3e8 }, { total: 1.2e12, active: 9.66e10 }])).toBe('1.2T 总 / 96.6B 激活')
  })
})

describe('largestSize', () => {
  it('picks the largest total, whatever the order', () => {
    expect(largestSize([{ total: 1e9 }, { total: 5e9, active: 1e9 }, { total: 2e9 }])).toEqual({ total: 5e9, active: 1e9 })
    expect(largestSize([])).toBeUndefined()
  })
})

describe('smallestSize and activeParams', () => {
  it('picks the smallest total, and the parameters a token uses of the largest size', () => {
    expect(smallestSize([{ total: 2e9 }, { total: 1e9 }, { total: 5e9 }])).toEqual({ total: 1e9 })
    expect(smallestSize([])).toBeUndefined()
    expect(activeParams([{ total: 1e9 }, { total: 5e9 }])).toBe(5e9)
    expect(activeParams([{ total: 1e11 }, { total: 1.2e12, active: 9.66e10 }])).toBe(9.66e10)
    expect(activeParams([])).toBeUndefined()
  })
})

describe('formatFixed and formatScientific (Intl.NumberFormat)', () => {
  it('prints a fixed number of decimals, rounding half away from zero, without grouping', () => {
    expect(formatFixed(2.345, 1)).toBe('2.3')
    expect(formatFixed(0.125, 2)).toBe('0.13')
    expect(formatFixed(4.66666, 1)).toBe('4.7')
    expect(formatFixed(37.5, 0)).toBe('38')
    expect(formatFixed(12345.6, 1)).toBe('12345.6')
    expect(formatFixed(2, 3)).toBe('2.000')
  })

  it('agrees with toFixed on the demos\' values', () => {
    for (const [n, digits] of [[1.75, 1], [0.05, 2], [1.9, 1], [2.0123, 3], [0.0449, 1], [99.5, 0]] as const)
      expect(formatFixed(n, digits)).toBe(n.toFixed(digits))
  })

  it('splits scientific notation into mantissa and exponent, carrying a rounded 10 into the exponent', () => {
    expect(formatScientific(5.764e23, 2)).toEqual({ mantissa: '5.76', exponent: 23 })
    expect(formatScientific(5.04e23, 1)).toEqual({ mantissa: '5.0', exponent: 23 })
    expect(formatScientific(9.97e22, 1)).toEqual({ mantissa: '1.0', exponent: 23 })
    expect(formatScientific(3.15e-4, 1)).toEqual({ mantissa: '3.2', exponent: -4 })
  })
})

describe('modelScale', () => {
  it('gives dense sizes with training tokens', () => {
    expect(modelScale({ params: [{ total: 1.25e8 }, { total: 1.75e11 }], tokens: 1.8e11 }))
      .toEqual({ kind: 'dense', params: '125M–175B', tokens: '180B', text: '125M–175B 参数，训练 180B token' })
    expect(modelScale({ params: [{ total: 5.3e11 }] }).text).toBe('530B 参数')
  })
  it('gives MoE total and active', () => {
    // sizes trained on different amounts (LLaMA): both ends, with one decimal alike
    expect(modelScale({ params: [{ label: '7B', total: 6.7e9 }, { label: '65B', total: 6.52e10 }], tokens: 1.4e12, fewestTokens: 1e12 }))
      .toEqual({ kind: 'dense', params: '7B–65B', tokens: '1.0T–1.4T', text: '7B–65B 参数，训练 1.0T–1.4T token' })
    expect(modelScale({ params: [{ total: 1.2e12, active: 9.66e10 }], tokens: 6e11 }))
      .toEqual({ kind: 'moe', params: '1.2T 总 / 96.6B 激活', tokens: '600B', text: '1.2T 总 / 96.6B 激活，训练 600B token' })
  })
  it('says 未公开 when sizes were withheld', () => {
    expect(modelScale({ params: [] })).toEqual({ kind: 'undisclosed', params: UNDISCLOSED, tokens: undefined, text: '参数未公开' })
  })
  it('prints the scale note, unchanged, for a system without parameters of its own', () => {
    const note = '无自有参数，调用 ChatGPT 与 22 个视觉基础模型'
    expect(modelScale({ params: [], scaleNote: note })).toEqual({ kind: 'none', params: note, tokens: undefined, text: note })
  })
})

describe('describeSize', () => {
  it('shows a named variant with its count', () => {
    expect(describeSize({ label: 'T5-Small', total: 6e7 })).toEqual({ label: 'T5-Small', value: '60M' })
  })
  it('keeps the paper\'s own size label instead of re-rounding', () => {
    expect(describeSize({ label: '1.5B', total: 1.542e9 })).toEqual({ value: '1.5B' })
  })
  it('drops a value the label already states', () => {
    expect(describeSize({ label: 'PaLM 540B', total: 5.4e11 })).toEqual({ value: 'PaLM 540B' })
  })
  it('shows only the count when there is no label', () => {
    expect(describeSize({ total: 1.75e11 })).toEqual({ value: '175B' })
  })
  it('always shows MoE total and active', () => {
    expect(describeSize({ label: 'GLaM (64B/64E)', total: 1.2e12, active: 9.66e10 }))
      .toEqual({ label: 'GLaM (64B/64E)', value: '1.2T 总 / 96.6B 激活' })
  })
})

describe('formatWan and formatChineseCount', () => {
  it('counts in 万 below 10⁸ and in 亿 from there, a space before the unit', () => {
    expect(formatWan(1_313_792, 0)).toBe('131 万')
    expect(formatWan(45_239, 1)).toBe('4.5 万')
    expect(formatChineseCount(1_313_792)).toBe('131 万')
    expect(formatChineseCount(6.52e10)).toBe('652 亿')
    expect(formatChineseCount(1.75e11)).toBe('1750 亿')
  })
})
