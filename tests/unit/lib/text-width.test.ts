import { describe, expect, it } from 'vitest'
import { lineCount, textWidth } from '../../../lib/text-width'

describe('textWidth (the one text-width estimator)', () => {
  it('sets CJK at one em and Latin narrower, in px at a font size or in em without one', () => {
    expect(textWidth('大模型')).toBe(3)
    expect(textWidth('开始大模型', 14)).toBe(70)
    expect(textWidth('GPT')).toBeCloseTo(1.98)
    expect(textWidth('gpt')).toBeCloseTo(1.68)
    expect(textWidth('GPT', 14)).toBeLessThan(textWidth('开始大', 14))
    expect(textWidth('GPT', 14, true)).toBeGreaterThan(textWidth('GPT', 14))
  })
})

describe('lineCount', () => {
  it('wraps Latin words whole and CJK anywhere', () => {
    expect(lineCount('', 10)).toBe(1)
    expect(lineCount('一二三四五', 5)).toBe(1)
    expect(lineCount('一二三四五六', 5)).toBe(2)
    expect(lineCount('一二三四五六七八九十一', 10)).toBe(2)
    // "Transformer" (≈6.3 em) does not fit after three CJK characters in a line of 8: it moves down whole
    expect(lineCount('一二三 Transformer', 8)).toBe(2)
  })

  it('breaks a word longer than a line', () => {
    expect(lineCount('a'.repeat(40), 10)).toBe(3)
  })
})
