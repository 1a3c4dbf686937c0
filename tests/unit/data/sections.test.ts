import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { models } from '../../../data/models'
import { chartLists, OUTLINE_SECTIONS, sections } from '../../../data/sections'
import { lookupModels, requireModels } from '../../../lib/records'

const sectionRecords = (s: keyof typeof sections) => requireModels(models, sections[s])
const ids = (s: keyof typeof sections) => sectionRecords(s).map(m => m.id)

describe('the section list (data/sections.ts)', () => {
  it('names only known models, none twice in a section, and every section 4.1–4.7 has one', () => {
    for (const s of OUTLINE_SECTIONS) {
      expect(lookupModels(models, sections[s]).unknown, `section ${s} lists unknown ids`).toEqual([])
      expect(new Set(sections[s]).size, s).toBe(sections[s].length)
    }
    for (const s of OUTLINE_SECTIONS.filter(s => s !== '3'))
      expect(sections[s].length, s).toBeGreaterThanOrEqual(1)
  })

  it('section 3 lists the 12 chronology entries in outline order', () => {
    expect(ids('3')).toEqual(['bert', 'gpt-2', 'megatron-lm', 't5', 'gpt-3', 'jurassic-1', 'mt-nlg', 'gopher', 'chinchilla', 'palm', 'opt-175b', 'glm-130b'])
  })

  it('files the non-Meta items where the outline put them', () => {
    expect(ids('4.2')).toEqual(['opt-175b', 'self-instruct', 'llama', 'colossalchat', 'dolly'])
    expect(sectionRecords('4.2').filter(m => m.org !== 'meta').map(m => m.id)).toEqual(['self-instruct', 'colossalchat', 'dolly'])
    expect(ids('4.3')).toEqual(['gpt', 'gpt-2', 'gpt-3', 'instructgpt', 'chatgpt', 'gpt-4'])
    expect(ids('4.5')).toEqual(['gopher', 'chinchilla'])
  })

  it('leaves out only models the family tree needs as ancestors (the Transformer, GPT-J)', () => {
    const listed = new Set<string>(Object.values(sections).flat())
    const unlisted = models.filter(m => !listed.has(m.id))
    expect(unlisted.map(m => m.id).sort()).toEqual(['gpt-j', 'transformer'])
    for (const m of unlisted)
      expect(models.some(child => child.basedOn?.includes(m.id)), `${m.id} is in no section and no model builds on it`).toBe(true)
  })

  it('every <ModelGrid section="…"> and <ModelCompare section="…"> on a page names a listed section', () => {
    const pages = resolve(__dirname, '../../../pages')
    const used = readdirSync(pages).flatMap(f => [...readFileSync(resolve(pages, f), 'utf8').matchAll(/<(ModelGrid|ModelCompare)\s[^>]*?section="([^"]+)"/g)].map(m => [m[1]!, m[2]!] as const))
    expect(used.length).toBeGreaterThan(0)
    for (const [tag, s] of used)
      expect(OUTLINE_SECTIONS, `pages: <${tag} section="${s}">`).toContain(s)
  })

  it('every named chart list names only known models, none twice, and each <ScaleChart list="…"> on a page names one', () => {
    const known = new Set(models.map(m => m.id))
    for (const [name, list] of Object.entries(chartLists)) {
      expect(list.filter(id => !known.has(id)), name).toEqual([])
      expect(new Set(list).size, name).toBe(list.length)
    }
    const pages = resolve(__dirname, '../../../pages')
    const used = readdirSync(pages).flatMap(f => [...readFileSync(resolve(pages, f), 'utf8').matchAll(/<ScaleChart\s[^>]*?\blist="([^"]+)"/g)].map(m => m[1]!))
    expect(used).toContain('recap')
    for (const name of used)
      expect(Object.keys(chartLists), `pages: <ScaleChart list="${name}">`).toContain(name)
  })
})
