/**
 * PowerPoint for colleagues who live in it: Slidev's own pptx export, one PowerPoint slide per
 * slide (a picture of it, every click revealed) with the slide's speaker notes in PowerPoint's
 * notes. Like the PDF it is exported from a static build, with the Chromium the finder picks.
 *
 *   npm run export:pptx -- [--output exports/llm-overview-slides.pptx]
 *
 * Slidev's `pptx-editable` format is not offered: on this deck it drops the indentation of code,
 * turns superscripts into small baseline text and names Inter as the font for Chinese text
 * (README, "After the talk").
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { EXPORT_FILENAME } from './export-slides'
import { runSlidev } from './slidev'

export async function exportPptx(options: { output: string, quiet?: boolean }): Promise<string> {
  const output = resolve(options.output)
  await mkdir(dirname(output), { recursive: true })
  const work = await mkdtemp(join(tmpdir(), 'deck-pptx-'))
  try {
    // Slidev's pptx export adds a slide per click by default; one per slide matches the PDF.
    await runSlidev([
      'build',
      '--download',
      '--format',
      'pptx',
      '--with-clicks',
      'false',
      '--timeout',
      '120000',
      '--out',
      work,
      '--output',
      output,
    ], { quiet: options.quiet })
    return output
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { output: { type: 'string', default: `exports/${EXPORT_FILENAME}.pptx` } } })
  exportPptx({ output: values.output! })
    .then(file => console.log(`PowerPoint: ${file}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exit(1)
    })
}
