/**
 * The agenda, read from the slides themselves: every slide whose frontmatter has an `agenda:`
 * summary is an entry, linking to its `routeAlias`, with its number and name from its title
 * ("5 收获总结：不微调，直接 few-shot" → 5, 收获总结). It reads Slidev's navigation in the deck
 * (components/Agenda.vue); scripts/check-sources.ts checks the same frontmatter (`agenda:`,
 * `routeAlias`) in the parsed sources itself.
 */

/** The `routeAlias` that opens the backup part, after the closing slide. */
export const BACKUP_ALIAS = 'backup'

/** What the agenda needs of a slide: Slidev's route meta and @slidev/parser both have it. */
export interface AgendaSlide {
  title?: string
  frontmatter?: Record<string, unknown>
}

export interface AgendaEntry {
  /** The section's number, "2"; empty for the backup part. */
  no: string
  /** Its name: the title without the number and anything after a colon. */
  title: string
  /** The slide's `agenda:` line. */
  summary: string
  /** Its `routeAlias`: `<Link :to="alias">` goes there. */
  alias: string
}

const NUMBERED = /^(\d+(?:\.\d+)*)\s+(\S.*)$/
const SUBTITLE = /[：:].*$/

/** "2 Transformer" → { no: "2", title: "Transformer" }; "备用" → { no: "", title: "备用" }. */
export function sectionName(title: string): { no: string, title: string } {
  const numbered = NUMBERED.exec(title.trim())
  const [no, rest] = numbered ? [numbered[1]!, numbered[2]!] : ['', title.trim()]
  return { no, title: rest.replace(SUBTITLE, '').trim() }
}

/** The numbered sections in slide order, and the backup part (the entry whose alias is `backup`). */
export function agendaOf(slides: readonly AgendaSlide[]): { sections: AgendaEntry[], backup?: AgendaEntry } {
  const entries = slides.flatMap((slide): AgendaEntry[] => {
    const summary = slide.frontmatter?.agenda
    if (typeof summary !== 'string')
      return []
    const alias = slide.frontmatter?.routeAlias
    return [{ ...sectionName(slide.title ?? ''), summary, alias: typeof alias === 'string' ? alias : '' }]
  })
  return {
    sections: entries.filter(e => e.alias !== BACKUP_ALIAS),
    backup: entries.find(e => e.alias === BACKUP_ALIAS),
  }
}
