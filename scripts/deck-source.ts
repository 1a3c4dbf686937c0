import { dirname, relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { BACKUP_ALIAS } from '../lib/agenda'

/** Where a slide of the built deck comes from, for messages a person can act on. */
export interface SlideSource {
  /** 1-based slide number in the presentation (what the URL shows). */
  no: number
  title: string
  /** File relative to the repository root, e.g. `pages/02-transformer.md`. */
  file: string
  /** 1-based position of the slide inside that file. */
  indexInFile: number
  /** 1-based line where the slide starts in that file. */
  line: number
  /** 1-based line after the slide's last line (where the next slide's separator is). */
  endLine: number
  /** Raw speaker notes. */
  note: string
  /** Raw Markdown of the slide body. */
  content: string
  /** The slide's frontmatter (the cover's is the headmatter). */
  frontmatter: Record<string, unknown>
}

export interface DeckSource {
  slides: SlideSource[]
  /** The deck's headmatter (`duration`, `title`, …). */
  headmatter: Record<string, unknown>
}

/** Parses the deck the way Slidev does (following `src:` imports), with its headmatter. */
export async function loadDeck(entry = 'slides.md'): Promise<DeckSource> {
  const entryPath = resolve(entry)
  const root = dirname(entryPath)
  const data = await load({ roots: [root], userRoot: root }, entryPath)
  const slides = data.slides
    .filter(slide => !slide.frontmatter?.disabled && !slide.frontmatter?.hide)
    .map((slide, i) => ({
      no: i + 1,
      title: slide.title ?? '',
      file: relative(root, slide.source.filepath),
      indexInFile: slide.source.index + 1,
      line: slide.source.start + 1,
      endLine: slide.source.end + 1,
      note: slide.note ?? '',
      content: slide.content ?? '',
      frontmatter: (slide.frontmatter ?? {}) as Record<string, unknown>,
    }))
  return { slides, headmatter: (data.headmatter ?? {}) as Record<string, unknown> }
}

/** The PDF's name when the headmatter gives no `exportFilename` (Slidev's own fallback). */
const SLIDEV_EXPORT_FILENAME = 'slidev-exported'

/**
 * The slides PDF's file name without `.pdf`: the headmatter's `exportFilename`, which names the
 * PDF `npm run build` prints into the build and the exports in `exports/`.
 */
export async function exportFilename(entry = 'slides.md'): Promise<string> {
  const { headmatter } = await loadDeck(entry)
  return String(headmatter.exportFilename || SLIDEV_EXPORT_FILENAME)
}

/** Parses the deck the way Slidev does (following `src:` imports) and lists every slide. */
export async function loadDeckSources(entry = 'slides.md'): Promise<SlideSource[]> {
  return (await loadDeck(entry)).slides
}

export { BACKUP_ALIAS }

/**
 * Splits the deck into the part the speaker presents (cover to the closing slide) and the
 * backup part: everything from the first slide whose frontmatter says `routeAlias: backup`.
 * Every check that treats the two parts differently goes through this one function.
 */
export function splitPresented<T extends { frontmatter: Record<string, unknown> }>(slides: T[]): { presented: T[], backup: T[] } {
  const first = slides.findIndex(slide => slide.frontmatter.routeAlias === BACKUP_ALIAS)
  return first < 0
    ? { presented: slides, backup: [] }
    : { presented: slides.slice(0, first), backup: slides.slice(first) }
}

export function describeSlide(slide: Pick<SlideSource, 'no' | 'file' | 'indexInFile' | 'line' | 'title'>): string {
  return `slide ${slide.no} (${slide.file} #${slide.indexInFile}, line ${slide.line}${slide.title ? `: ${slide.title}` : ''})`
}
