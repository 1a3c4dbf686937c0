import { dirname, relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'

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
  /** Raw speaker notes. */
  note: string
  /** Raw Markdown of the slide body. */
  content: string
}

/** Parses the deck the way Slidev does (following `src:` imports) and lists every slide. */
export async function loadDeckSources(entry = 'slides.md'): Promise<SlideSource[]> {
  const entryPath = resolve(entry)
  const root = dirname(entryPath)
  const data = await load({ roots: [root], userRoot: root }, entryPath)
  return data.slides
    .filter(slide => !slide.frontmatter?.disabled && !slide.frontmatter?.hide)
    .map((slide, i) => ({
      no: i + 1,
      title: slide.title ?? '',
      file: relative(root, slide.source.filepath),
      indexInFile: slide.source.index + 1,
      line: slide.source.start + 1,
      note: slide.note ?? '',
      content: slide.content ?? '',
    }))
}

export function describeSlide(slide: Pick<SlideSource, 'no' | 'file' | 'indexInFile' | 'line' | 'title'>): string {
  return `slide ${slide.no} (${slide.file} #${slide.indexInFile}, line ${slide.line}${slide.title ? `: ${slide.title}` : ''})`
}
