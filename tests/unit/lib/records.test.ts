import type { ModelRecord } from '../../../data/schema'
import { describe, expect, it } from 'vitest'
import { deckData } from '../../../composables/deck-data'
import { models } from '../../../data/models'
import { byRelease, lookupModels, requireModels } from '../../../lib/records'

describe('lookupModels (the one id lookup)', () => {
  it('finds the records in the order asked', () => {
    const { found, unknown, error } = lookupModels(models, ['t5', 'bert'])
    expect(found.map(m => m.name)).toEqual(['T5', 'BERT'])
    expect(unknown).toEqual([])
    expect(error).toBeUndefined()
  })

  it('reports unknown ids, listing the known ones', () => {
    const { found, unknown, error } = lookupModels(models, ['t6', 't5', 'gpt-5'])
    expect(found.map(m => m.id)).toEqual(['t5'])
    expect(unknown).toEqual(['t6', 'gpt-5'])
    expect(error).toMatch(/^Unknown model ids "t6", "gpt-5" — known ids: .*\bt5\b/)
  })

  it('requireModels throws the same message', () => {
    expect(requireModels(models, ['t5'])[0]!.name).toBe('T5')
    expect(() => requireModels(models, ['t6'])).toThrow(/Unknown model id "t6" — known ids: .*\bt5\b/)
  })
})

describe('byRelease (the one release order)', () => {
  const at = (id: string, released: string) => ({ id, released }) as ModelRecord

  it('orders by first public release, a month-only date on its 1st, then by id', () => {
    const order = [at('b', '2023-03-01'), at('a', '2023-03'), at('c', '2022-12-31'), at('d', '2023-02-28')].sort(byRelease)
    expect(order.map(m => m.id)).toEqual(['c', 'd', 'a', 'b'])
  })

  it('is the order the deck reads its records in', () => {
    expect(deckData.models.map(m => m.id)).toEqual([...models].sort(byRelease).map(m => m.id))
    const dates = deckData.models.map(m => m.released)
    expect(dates).toEqual([...dates].sort())
  })
})
