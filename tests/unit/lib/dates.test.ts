import { describe, expect, it } from 'vitest'
import { isoToDate } from '../../../lib/dates'

describe('isoToDate', () => {
  it('gives UTC midnight, month-only dates on the 1st', () => {
    expect(isoToDate('2019-10-23').toISOString()).toBe('2019-10-23T00:00:00.000Z')
    expect(isoToDate('2023-03').toISOString()).toBe('2023-03-01T00:00:00.000Z')
  })

  it('throws on what the parser rejects, naming the input', () => {
    expect(() => isoToDate('2019-13-01')).toThrow(/2019-13-01/)
  })
})
