import type { SlideAlternative } from './slide-page'
/**
 * PowerPoint for colleagues who live in it: Slidev's own pptx export, one PowerPoint slide per
 * slide (a picture of it, every click revealed, described for a screen reader) with the slide's
 * speaker notes in PowerPoint's notes. Like the PDF it is exported from a static build, with the
 * Chromium the finder picks.
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
import { launchChromium } from './browser'
import { exportFilename } from './deck-source'
import { printReady } from './pdf-export'
import { serveStatic } from './serve'
import { CANVAS, describeSlide, slideAlternatives, slideCount } from './slide-page'
import { runSlidev } from './slidev'

/** PowerPoint's own notes page, 7.5 × 10 in, in EMU: the size pptxgenjs lays its notes master out for. */
const NOTES_PAGE = { cx: 6858000, cy: 9144000 }

const escapeXml = (text: string) => text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/**
 * Slidev's pptx, made readable beyond its pictures:
 * - each slide's picture (Slidev sets it as the slide background, which nothing can describe)
 *   becomes a full-slide picture whose alternative text is the slide's title and its figures'
 *   (the same text the PDF's /Alt and the handout's pictures carry);
 * - the notes are marked Chinese (`zh-CN`, not pptxgenjs's `en-US`), so read-aloud and spelling
 *   treat them as such;
 * - pptxgenjs sizes the notes page as the slide turned upright (5.7 × 10.2 in for this deck) but
 *   places the notes text for a 7.5 in wide page, cutting every printed line off at the right:
 *   the notes page gets the size its layout was made for.
 */
async function readablePptx(file: string, alternatives: SlideAlternative[]): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const presentation = await zip.file('ppt/presentation.xml')!.async('string')
  const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation) ?? []
  zip.file('ppt/presentation.xml', presentation.replace(/<p:notesSz [^>]*\/>/, `<p:notesSz cx="${NOTES_PAGE.cx}" cy="${NOTES_PAGE.cy}"/>`))
  for (const alternative of alternatives) {
    const slidePath = `ppt/slides/slide${alternative.no}.xml`
    const slide = await zip.file(slidePath)?.async('string')
    if (!slide)
      throw new Error(`${file}: no ${slidePath} for slide ${alternative.no}`)
    const background = /<p:bg><p:bgPr><a:blipFill[^>]*><a:blip r:embed="(rId\d+)"[\s\S]*?<\/p:bg>/.exec(slide)
    if (!background)
      throw new Error(`${slidePath}: the slide's picture is not where Slidev puts it (the background)`)
    const picture = `<p:pic><p:nvPicPr><p:cNvPr id="1024" name="${escapeXml(`第 ${alternative.no} 页`)}" title="${escapeXml(alternative.title)}" descr="${escapeXml(describeSlide(alternative))}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`
      + `<p:blipFill><a:blip r:embed="${background[1]}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`
      + `<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`
    zip.file(slidePath, slide.replace(background[0], '').replace('</p:grpSpPr>', `</p:grpSpPr>${picture}`))
  }
  for (const name of Object.keys(zip.files).filter(name => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))) {
    const notes = await zip.file(name)!.async('string')
    zip.file(name, notes.replace(/ lang="en-US"/g, ' lang="zh-CN"'))
  }
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

/** Every slide's alternative, read from the build's print page (all slides rendered at once). */
async function printedAlternatives(dist: string): Promise<SlideAlternative[]> {
  const server = await serveStatic(dist)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { ...CANVAS } })
    await page.goto(`${server.url}print?print=true`, { waitUntil: 'networkidle' })
    await printReady(page, 120_000)
    const total = await slideCount(page)
    const alternatives: SlideAlternative[] = []
    for (let no = 1; no <= total; no++)
      alternatives.push(await slideAlternatives(page, no))
    return alternatives
  }
  finally {
    await browser.close()
    await server.close()
  }
}

export async function exportPptx(options: { output: string, quiet?: boolean }): Promise<string> {
  const output = resolve(options.output)
  await mkdir(dirname(output), { recursive: true })
  const work = await mkdtemp(join(tmpdir(), 'deck-pptx-'))
  try {
    // Slidev's own pptx export, which runs inside a build with --download; it adds a slide per
    // click by default, one per slide matches the PDF.
    await runSlidev(['build', '--download', '--timeout', '120000', '--format', 'pptx', '--with-clicks', 'false', '--out', work, '--output', output], { quiet: options.quiet })
    await readablePptx(output, await printedAlternatives(work))
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
