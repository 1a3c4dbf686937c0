import { describe, expect, it } from 'vitest'
import { parseIsoDate } from '../../../data/iso-date'

describe('parseIsoDate (the one date parser)', () => {
  it('splits full and month-only dates', () => {
    expect(parseIsoDate('2019-10-23')).toEqual({ year: 2019, month: 10, day: 23 })
    expect(parseIsoDate('2023-03')).toEqual({ year: 2023, month: 3, day: undefined })
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
  })

  it.each(['2019/10/23', '2019-13-01', '2019-00', '2023-02-29', '2019-04-31', '2019-1-5', '19-10-23', '2019-10-23T00:00', ''])('rejects "%s"', (iso) => {
    expect(parseIsoDate(iso)).toBeUndefined()
  })
})
