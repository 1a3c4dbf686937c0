import { describe, expect, it } from 'vitest'
import { describeSize, formatDate, formatMonth, formatParams, formatSize, formatSizeRange, formatUrl, largestSize, modelScale, UNDISCLOSED } from '../../data/format'

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

describe('formatDate', () => {
  it('keeps valid ISO dates', () => {
    expect(formatDate('2019-10-23')).toBe('2019-10-23')
    expect(formatDate('2023-03')).toBe('2023-03')
    expect(formatDate('2024-02-29')).toBe('2024-02-29')
  })

  it('rejects malformed or impossible dates', () => {
    expect(() => formatDate('2019/10/23')).toThrow(RangeError)
    expect(() => formatDate('2019-13-01')).toThrow(RangeError)
    expect(() => formatDate('2023-02-29')).toThrow(RangeError)
    expect(() => formatDate('')).toThrow(RangeError)
  })
})

describe('formatMonth', () => {
  it('gives a Chinese month label', () => {
    expect(formatMonth('2019-10-23')).toBe('2019 年 10 月')
    expect(formatMonth('2023-03')).toBe('2023 年 3 月')
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

describe('modelScale', () => {
  it('gives dense sizes with training tokens', () => {
    expect(modelScale({ params: [{ total: 1.25e8 }, { total: 1.75e11 }], tokens: 1.8e11 }))
      .toEqual({ kind: 'dense', params: '125M–175B', tokens: '180B', text: '125M–175B 参数，训练 180B token' })
    expect(modelScale({ params: [{ total: 5.3e11 }] }).text).toBe('530B 参数')
  })
  it('gives MoE total and active', () => {
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

describe('formatUrl', () => {
  it('prints host and path without www and trailing slash', () => {
    expect(formatUrl('https://arxiv.org/abs/1910.10683')).toBe('arxiv.org/abs/1910.10683')
    expect(formatUrl('https://www.example.com/')).toBe('example.com')
    expect(formatUrl('https://github.com/THUDM/ChatGLM-6B/')).toBe('github.com/THUDM/ChatGLM-6B')
  })
  it('shortens long links in the middle to the limit', () => {
    const text = formatUrl('https://www.databricks.com/blog/2023/03/24/hello-dolly-democratizing-magic-chatgpt-open-models.html', 40)
    expect(text).toHaveLength(40)
    expect(text.startsWith('databricks.com/')).toBe(true)
    expect(text.endsWith('.html')).toBe(true)
    expect(text).toContain('…')
  })
})
