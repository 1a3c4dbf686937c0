import type { InjectionKey } from 'vue'
import type { GeneralCorrection } from '../data/errata'
import type { Reference } from '../data/references'
import type { ModelRecord } from '../data/schema'
import type { SectionList } from '../data/sections'
import { inject } from 'vue'
import { generalCorrections } from '../data/errata'
import { models } from '../data/models'
import { extraReferences } from '../data/references'
import { sections } from '../data/sections'
import { byRelease } from '../lib/records'

/**
 * What every component that shows records draws from: the cards, grids, charts, the compare table,
 * the demos and the backup tables (model facts, references, errata). The one data path: components
 * read it with `useDeckData()`, the helpers in `lib/` and `charts/` take its parts as arguments.
 */
export interface DeckData {
  /** Every model record, in release order (`byRelease`). */
  models: readonly ModelRecord[]
  /** Which models each outline section presents, in order. */
  sections: SectionList
  /** Corrections to the outline that concern no single model (the model ones are on each record). */
  generalCorrections: readonly GeneralCorrection[]
  /** Works cited that are not a model's paper. */
  extraReferences: readonly Reference[]
}

/** The deck's own data, from `data/`. */
export const deckData: DeckData = {
  models: [...models].sort(byRelease),
  sections,
  generalCorrections,
  extraReferences,
}

/** Provide a copy of the data under this key (a test adding a model) and every component below draws it. */
export const DECK_DATA: InjectionKey<DeckData> = Symbol('deck-data')

/** The deck's data, or the copy an ancestor provides. */
export function useDeckData(): DeckData {
  return inject(DECK_DATA, deckData, false)
}

/** Ids a chart shows: the section's list when a section is given, else `ids` (undefined: every model). */
export function chartIds(data: DeckData, section?: keyof SectionList, ids?: readonly string[]): readonly string[] | undefined {
  if (!section)
    return ids
  const listed = data.sections[section]
  return ids ? listed.filter(id => ids.includes(id)) : listed
}
