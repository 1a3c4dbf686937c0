import type { Reference } from '../data/references'
import type { ModelRecord } from '../data/schema'

/**
 * The reference slides' list (ReferenceList.vue): each model's paper, in the models' order (the
 * deck's: release order), then the extra works of `data/references.ts`; no URL twice.
 */
export function referenceList(records: readonly ModelRecord[], extra: readonly Reference[]): Reference[] {
  const seen = new Set<string>()
  const all: Reference[] = [
    ...records.map(m => ({ label: m.name, title: m.paper.title, url: m.paper.url })),
    ...extra,
  ]
  return all.filter(r => !seen.has(r.url) && seen.add(r.url))
}
