/**
 * The slides PDF, printed from a static build rather than Slidev's dev server: the same pages
 * the hosted copy serves, and no file watcher to reload mid-export. Tagged, with a bookmark per
 * section (scripts/pdf-export.ts); the file name (`exportFilename`) comes from the headmatter.
 *
 *   npm run export -- [--dark] [--with-clicks] [--output exports/llm-overview-slides.pdf]
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { buildDeck } from './build'
import { exportFilename } from './deck-source'
import { exportDeckPdf } from './pdf-export'

export interface SlidesExportOptions {
  output: string
  /** The deck's Markdown entry (default slides.md). */
  entry?: string
  /** Keep the build here (the notes handout can read it); a temporary folder otherwise. */
  dist?: string
  dark?: boolean
  withClicks?: boolean
  quiet?: boolean
}

export async function exportSlides(options: SlidesExportOptions): Promise<string> {
  const entry = options.entry ?? 'slides.md'
  const work = options.dist ?? await mkdtemp(join(tmpdir(), 'deck-export-'))
  try {
    await buildDeck({ entry, out: work, quiet: options.quiet })
    await mkdir(dirname(options.output), { recursive: true })
    return await exportDeckPdf({ dist: work, output: options.output, dark: options.dark, withClicks: options.withClicks })
  }
  finally {
    if (!options.dist)
      await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'dark': { type: 'boolean', default: false },
      'with-clicks': { type: 'boolean', default: false },
      'output': { type: 'string' },
    },
  })
  const output = values.output ?? `exports/${await exportFilename()}${values.dark ? '-dark' : ''}${values['with-clicks'] ? '-clicks' : ''}.pdf`
  exportSlides({ output, dark: values.dark, withClicks: values['with-clicks'] })
    .then(file => console.log(`slides PDF: ${file}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exit(1)
    })
}
