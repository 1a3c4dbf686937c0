/**
 * `npm run build`: the static SPA and, behind its download button, the tagged slides PDF.
 *
 *   npm run build -- [--base /talks/llm/] [--out dist] [--no-pdf] [entry.md]
 *
 * Slidev's `--download` would print its own PDF, untagged, during the build; here the SPA is
 * built with its print pages (setup/vite-plugins.ts), then the PDF is printed from them once
 * (scripts/pdf-export.ts). The same function builds for `npm run present` (no PDF), the exports
 * and the tests.
 */
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { exportFilename } from './deck-source'
import { exportDeckPdf } from './pdf-export'
import { runSlidev } from './slidev'

export interface DeckBuildOptions {
  out: string
  /** The deck's Markdown entry (default slides.md). */
  entry?: string
  /** Hosting under a sub-path: starts and ends with `/`. */
  base?: string
  /** Print the slides PDF into the build and offer it for download (`npm run build` does). */
  pdf?: boolean
  quiet?: boolean
}

/** Env var the SPA reads to offer the PDF it was built with (setup/main.ts). */
export const PDF_ENV = 'VITE_DECK_PDF'

export async function buildDeck(options: DeckBuildOptions): Promise<void> {
  const entry = options.entry ?? 'slides.md'
  const pdfName = `${await exportFilename(entry)}.pdf`
  await runSlidev(['build', entry, '--out', options.out, ...options.base ? ['--base', options.base] : []], {
    quiet: options.quiet,
    env: options.pdf ? { [PDF_ENV]: pdfName } : undefined,
  })
  if (options.pdf)
    await exportDeckPdf({ dist: options.out, base: options.base, output: join(options.out, pdfName) })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'base': { type: 'string' },
      'out': { type: 'string', default: 'dist' },
      'no-pdf': { type: 'boolean', default: false },
    },
  })
  const started = Date.now()
  buildDeck({ out: values.out!, entry: positionals[0], base: values.base, pdf: !values['no-pdf'] })
    .then(() => console.log(`built ${values.out}/ in ${((Date.now() - started) / 1000).toFixed(0)} s${values['no-pdf'] ? '' : ', with the tagged slides PDF'}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exit(1)
    })
}
