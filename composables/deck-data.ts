import type { InjectionKey } from 'vue'
import type { ModelRecord } from '../data/schema'
import type { SectionList } from '../data/sections'
import { inject } from 'vue'
import { models } from '../data/models'
import { sections } from '../data/sections'

/** What the grids and charts draw from: the records and which section presents which. */
export interface DeckData {
  models: readonly ModelRecord[]
  sections: SectionList
}

/** Provide a copy of the data under this key (a test adding a model) and every grid and chart below draws it. */
export const DECK_DATA: InjectionKey<DeckData> = Symbol('deck-data')

/** The deck's data, or the copy an ancestor provides. */
export function useDeckData(): DeckData {
  return inject(DECK_DATA, { models, sections }, false)
}

/** Ids a chart shows: the section's list when a section is given, else `ids` (undefined: every model). */
export function chartIds(data: DeckData, section?: keyof SectionList, ids?: readonly string[]): readonly string[] | undefined {
  if (!section)
    return ids
  const listed = data.sections[section]
  return ids ? listed.filter(id => ids.includes(id)) : listed
}
