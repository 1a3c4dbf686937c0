/**
 * The records of a deck's data (`useDeckData()`), by id and in time: the one id lookup and the one
 * release order. Cards, the compare table, the demos and the charts all find models through
 * `lookupModels`, so an unknown id reads the same everywhere.
 */
import type { ModelRecord } from '../data/schema'
import { isoToDate } from './dates'

export interface ModelLookup {
  /** The records the ids name, in the order of the ids (unknown ids left out). */
  found: ModelRecord[]
  /** Ids that name no record. */
  unknown: string[]
  /** When some id is unknown: which, and the known ids (`Unknown model id "t6" — known ids: …`). */
  error?: string
}

/** The one id lookup: the records `ids` name in `records`, and the ids that name none. */
export function lookupModels(records: readonly ModelRecord[], ids: readonly string[]): ModelLookup {
  const byId = new Map(records.map(m => [m.id, m]))
  const found: ModelRecord[] = []
  const unknown: string[] = []
  for (const id of ids) {
    const model = byId.get(id)
    if (model)
      found.push(model)
    else
      unknown.push(id)
  }
  if (unknown.length === 0)
    return { found, unknown }
  const named = unknown.map(id => `"${id}"`).join(', ')
  const error = `Unknown model id${unknown.length > 1 ? 's' : ''} ${named} — known ids: ${records.map(m => m.id).join(', ')}`
  return { found, unknown, error }
}

/** `lookupModels` for code that cannot show an error on the slide: throws on an unknown id. */
export function requireModels(records: readonly ModelRecord[], ids: readonly string[]): ModelRecord[] {
  const { found, error } = lookupModels(records, ids)
  if (error)
    throw new Error(error)
  return found
}

/** What the release order reads of a record (a family-tree row has just these). */
interface Dated {
  id: string
  released: string
}

/** The one release order: first public release, oldest first (a month-only date on its 1st), then by id. */
export function byRelease(a: Dated, b: Dated): number {
  return isoToDate(a.released).getTime() - isoToDate(b.released).getTime() || a.id.localeCompare(b.id)
}
