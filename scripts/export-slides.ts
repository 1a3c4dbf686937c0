/**
 * The slides PDF, exported from a static build rather than Slidev's dev server: the same pages
 * the hosted copy serves, and no file watcher to reload mid-export.
 *
 *   npm run export -- [--dark] [--with-clicks] [--output exports/llm-overview-slides.pdf]
 *
 * Bookmarks per section (`withToc`) and the file name (`exportFilename`) come from the headmatter.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { exportFilename } from './deck-source'
import { DECK_BUILD_ARGS, runSlidev } from './slidev'

export interface SlidesExportOptions {
  output: string
  /** The deck's Markdown entry (default slides.md). */
  entry?: string
  /** Keep the build here (it has /presenter/print, which the notes handout reads); a temporary folder otherwise. */
  dist?: string
  dark?: boolean
  withClicks?: boolean
  quiet?: boolean
}

export async function exportSlides(options: SlidesExportOptions): Promise<string> {
  const entry = options.entry ?? 'slides.md'
  const work = options.dist ?? await mkdtemp(join(tmpdir(), 'deck-export-'))
  try {
    const args = [...DECK_BUILD_ARGS, entry, '--out', work]
    if (options.dark)
      args.push('--dark')
    if (options.withClicks)
      args.push('--with-clicks')
    await runSlidev(args, { quiet: options.quiet })
    await mkdir(dirname(options.output), { recursive: true })
    await copyFile(join(work, `${await exportFilename(entry)}.pdf`), options.output)
    return options.output
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
