import { describe, expect, it } from 'vitest'
import { assertIsoDate, isoToDate } from '../../../lib/dates'

describe('isoToDate', () => {
  it('gives UTC midnight, month-only dates on the 1st', () => {
    expect(isoToDate('2019-10-23').toISOString()).toBe('2019-10-23T00:00:00.000Z')
    expect(isoToDate('2023-03').toISOString()).toBe('2023-03-01T00:00:00.000Z')
  })

  it('throws on what the parser rejects, naming the input', () => {
    expect(() => isoToDate('2019-13-01')).toThrow(/2019-13-01/)
  })
})

describe('assertIsoDate (a date printed as its ISO text)', () => {
  it('keeps valid ISO dates', () => {
    expect(assertIsoDate('2019-10-23')).toBe('2019-10-23')
    expect(assertIsoDate('2023-03')).toBe('2023-03')
    expect(assertIsoDate('2024-02-29')).toBe('2024-02-29')
  })

  it('rejects malformed or impossible dates', () => {
    expect(() => assertIsoDate('2019/10/23')).toThrow(RangeError)
    expect(() => assertIsoDate('2019-13-01')).toThrow(RangeError)
    expect(() => assertIsoDate('2023-02-29')).toThrow(RangeError)
    expect(() => assertIsoDate('')).toThrow(RangeError)
    expect(() => assertIsoDate('2019-10-23T00:00')).toThrow(RangeError)
  })
})
