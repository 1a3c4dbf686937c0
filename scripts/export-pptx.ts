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
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import JSZip from 'jszip'
import { exportFilename } from './deck-source'
import { DECK_BUILD_ARGS, runSlidev } from './slidev'

/** PowerPoint's own notes page, 7.5 × 10 in, in EMU: the size pptxgenjs lays its notes master out for. */
const NOTES_PAGE = { cx: 6858000, cy: 9144000 }

/**
 * pptxgenjs sizes the notes page as the slide turned upright (5.7 × 10.2 in for this deck) but
 * places the notes text for a 7.5 in wide page, so printed notes pages cut every line off at the
 * right. Give the notes page the size its layout was made for.
 */
async function fitNotesPage(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const presentation = await zip.file('ppt/presentation.xml')!.async('string')
  zip.file('ppt/presentation.xml', presentation.replace(/<p:notesSz [^>]*\/>/, `<p:notesSz cx="${NOTES_PAGE.cx}" cy="${NOTES_PAGE.cy}"/>`))
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

export async function exportPptx(options: { output: string, quiet?: boolean }): Promise<string> {
  const output = resolve(options.output)
  await mkdir(dirname(output), { recursive: true })
  const work = await mkdtemp(join(tmpdir(), 'deck-pptx-'))
  try {
    // Slidev's pptx export adds a slide per click by default; one per slide matches the PDF.
    await runSlidev([...DECK_BUILD_ARGS, '--format', 'pptx', '--with-clicks', 'false', '--out', work, '--output', output], { quiet: options.quiet })
    await fitNotesPage(output)
    return output
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { output: { type: 'string', default: `exports/${await exportFilename()}.pptx` } } })
  exportPptx({ output: values.output! })
    .then(file => console.log(`PowerPoint: ${file}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exit(1)
    })
}
