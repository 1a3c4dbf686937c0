/**
 * What the audience takes home: the hosted address's QR code on the closing slide, set and unset,
 * in the browser (light and dark) and in the PDF; and the PowerPoint export with every slide's
 * notes. The deck as it is (dist/ as `npm run build` makes it, built only when stale: ensureDist)
 * shows one state; a copy of slides.md with the field flipped shows the other.
 */
import type { Browser } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import type { Pptx } from './pptx'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from '../../scripts/browser'
import { buildDeck } from '../../scripts/build'
import { describeSlide, exportFilename, loadDeck } from '../../scripts/deck-source'
import { exportPptx } from '../../scripts/export-pptx'
import { readPdf } from '../../scripts/pdf'
import { ensureDist } from '../../scripts/present'
import { serveStatic } from '../../scripts/serve'
import { newDeckContext, settleSlide } from '../../scripts/slide-page'
import { THANKS_ALIAS } from '../../scripts/talk-rules'
import { mermaidTitles } from '../browser/pdf'
import { letters } from '../browser/presenter-notes'
import { readPptx } from './pptx'
import { readQrCodes } from './qr'

const DIST = 'dist'
const PDF_NAME = `${await exportFilename()}.pdf`
const WORK = '.work/test'
// Slidev takes components and setup from the entry's folder, so the copy lives at the root.
const FLIPPED_ENTRY = '.fixture-hosted-url.md'
const FLIPPED_OUT = `${WORK}/hosted-url-dist`
const EXAMPLE_URL = 'https://example.github.io/llm-overview-talk/'
const CLOSING_TITLE = '谢谢'
const list = (problems: string[]) => `\n  ${problems.join('\n  ')}`
const compact = (text: string) => text.replace(/\s+/g, '')

interface DeckState {
  dist: string
  /** The headmatter's hostedUrl, or null when empty. */
  url: string | null
}

describe('sharing the talk', () => {
  let sources: SlideSource[]
  let closing: SlideSource
  let browser: Browser
  const states: DeckState[] = []
  let pptx: Pptx

  before(async () => {
    const { headmatter, slides } = await loadDeck()
    sources = slides
    // The closing slide: route alias `thanks`, else the slide titled 谢谢.
    closing = sources.find(slide => slide.frontmatter.routeAlias === THANKS_ALIAS) ?? sources.find(slide => slide.title === CLOSING_TITLE)!
    assert.ok(closing, `no closing slide (routeAlias ${THANKS_ALIAS}, or titled 「${CLOSING_TITLE}」)`)
    const entry = await readFile('slides.md', 'utf8')
    assert.match(entry, /^hostedUrl:.*$/m, 'slides.md: the headmatter has no `hostedUrl:` line')
    const deckUrl = String(headmatter.hostedUrl ?? '').trim() || null

    // The deck as it is: the dist/ that `npm run build` makes (and the other browser tests use).
    await ensureDist(DIST)
    states.push({ dist: DIST, url: deckUrl })

    // The same deck with the field flipped: set to an example address, or emptied.
    const flippedUrl = deckUrl ? null : EXAMPLE_URL
    await writeFile(FLIPPED_ENTRY, entry.replace(/^hostedUrl:.*$/m, `hostedUrl: '${flippedUrl ?? ''}'`))
    try {
      await rm(FLIPPED_OUT, { recursive: true, force: true })
      await buildDeck({ entry: FLIPPED_ENTRY, out: FLIPPED_OUT, pdf: true, quiet: true })
    }
    finally {
      await rm(FLIPPED_ENTRY, { force: true })
    }
    states.push({ dist: FLIPPED_OUT, url: flippedUrl })
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
  })

  /** What the closing slide shows in one state and colour scheme, as problems. */
  async function closingSlideProblems(state: DeckState, colorScheme: 'light' | 'dark'): Promise<string[]> {
    const where = `${describeSlide(closing)}, ${state.url ? `hostedUrl ${state.url}` : 'hostedUrl empty'}, ${colorScheme}`
    const server = await serveStatic(state.dist)
    const context = await newDeckContext(browser, { colorScheme })
    const problems: string[] = []
    try {
      const page = await context.newPage()
      await page.goto(`${server.url}${closing.no}`)
      await settleSlide(page, closing.no)
      const slide = page.locator(`.slidev-page-${closing.no}`)
      const shot = await page.screenshot()
      const [read] = await readQrCodes(browser, [shot])
      const boxes = await slide.locator('[data-hosted-qr], figure, svg').count()
      const text = compact(await slide.textContent() ?? '')
      if (state.url) {
        if (read !== state.url)
          problems.push(`${where}: the QR code on screen reads ${JSON.stringify(read)}`)
        if (!text.includes(state.url))
          problems.push(`${where}: the address is not shown as text`)
        const figure = slide.locator('[data-hosted-qr]')
        if (await figure.count() !== 1) {
          problems.push(`${where}: ${await figure.count()} QR code boxes ([data-hosted-qr]), expected 1`)
        }
        else {
          const qr = (await figure.boundingBox())!
          const canvas = (await slide.boundingBox())!
          if (qr.y < canvas.y || qr.y + qr.height > canvas.y + canvas.height + 0.5)
            problems.push(`${where}: the QR code spills past the slide`)
        }
      }
      else {
        if (read !== null)
          problems.push(`${where}: a QR code (${read}) is shown`)
        if (boxes)
          problems.push(`${where}: ${boxes} QR box(es), figure(s) or svg(s) left on the slide`)
      }
    }
    finally {
      await context.close()
      await server.close()
    }
    return problems
  }

  it('shows the hosted address with a QR code on the closing slide when hostedUrl is set, and nothing when it is empty', async () => {
    const problems: string[] = []
    for (const state of states) {
      for (const scheme of ['light', 'dark'] as const)
        problems.push(...await closingSlideProblems(state, scheme))
    }
    assert.deepEqual(problems, [], list(problems))
  })

  it('prints the QR code into the PDF as vector drawing, and nothing when hostedUrl is empty', async () => {
    const problems: string[] = []
    const page = String(closing.no)
    const rasterImages = (pdf: string) => execFileSync('pdfimages', ['-list', '-f', page, '-l', page, pdf], { encoding: 'utf8' }).trim().split('\n').length - 2
    const images = states.map(state => rasterImages(join(state.dist, PDF_NAME)))
    for (const [i, state] of states.entries()) {
      const pdf = join(state.dist, PDF_NAME)
      const where = `${pdf} page ${page} (${closing.title})`
      const pageImage = execFileSync('pdftoppm', ['-png', '-r', '150', '-f', page, '-l', page, pdf])
      const [read] = await readQrCodes(browser, [pageImage])
      const { pageTexts } = await readPdf(pdf)
      assert.ok(pageTexts, 'pdftotext not found: install poppler-utils (Debian) or poppler (Homebrew)')
      const text = compact(pageTexts[closing.no - 1] ?? '')
      if (read !== state.url)
        problems.push(`${where}: the QR code reads ${JSON.stringify(read)}, expected ${JSON.stringify(state.url)}`)
      if (state.url && !text.includes(state.url))
        problems.push(`${where}: the address cannot be extracted as text`)
      // The code adds no picture to the page: it is drawn, so it stays sharp at any zoom.
      if (images[i] !== Math.min(...images))
        problems.push(`${where}: ${images[i]} raster image(s) with the QR code, ${Math.min(...images)} without`)
    }
    assert.deepEqual(problems, [], list(problems))
  })

  it('exports PowerPoint with one slide per slide, each picture described, and each slide\'s notes (in Chinese) in PowerPoint\'s notes', async () => {
    const output = `${WORK}/slides.pptx`
    await rm(output, { force: true })
    await exportPptx({ output, quiet: true })
    pptx = await readPptx(output)
    const pptxSlides = pptx.slides
    assert.equal(pptxSlides.length, sources.length, `${output}: ${pptxSlides.length} slides, the deck has ${sources.length}`)
    const problems: string[] = []
    for (const source of sources) {
      const slide = pptxSlides[source.no - 1]
      const expected = letters(source.note).slice(0, 40)
      if (slide.pictures.length !== 1)
        problems.push(`${describeSlide(source)}: ${slide.pictures.length} pictures on its PowerPoint slide, expected 1`)
      if (!letters(slide.notes).includes(expected))
        problems.push(`${describeSlide(source)}: PowerPoint notes "${slide.notes.slice(0, 30)}", expected "${expected}"`)
      // For a screen reader: the picture says which slide it is and what its figures show.
      const [description = ''] = slide.descriptions
      if (slide.descriptions.length !== 1 || !description.startsWith(`第 ${source.no} 页：${source.title}`))
        problems.push(`${describeSlide(source)}: picture description ${JSON.stringify(slide.descriptions)}, expected 「第 ${source.no} 页：${source.title}…」`)
      for (const title of mermaidTitles(source.content)) {
        if (!description.includes(title))
          problems.push(`${describeSlide(source)}: the picture's description leaves out the diagram 「${title}」`)
      }
      if (slide.notes && slide.notesLanguages.join() !== 'zh-CN')
        problems.push(`${describeSlide(source)}: notes marked ${slide.notesLanguages.join(', ')}, expected zh-CN`)
    }
    // Printed notes pages: the notes text box must lie on the page, not run off its right edge.
    if (pptx.notesPage.textRight > pptx.notesPage.width)
      problems.push(`${output}: the notes text reaches ${pptx.notesPage.textRight} EMU on a notes page ${pptx.notesPage.width} EMU wide`)
    assert.deepEqual(problems, [], list(problems))
  })

  it('keeps the Chinese notes of known slides in the PowerPoint file', () => {
    assert.ok(pptx, 'the PowerPoint export ran')
    const known = [
      sources[0],
      sources.find(slide => /^2\s*Transformer/.test(slide.title)),
      closing,
    ]
    for (const source of known) {
      assert.ok(source, 'a known slide is missing from the deck')
      const notes = pptx.slides[source.no - 1].notes
      assert.match(notes, /\p{Script=Han}{6}/u, `${describeSlide(source)}: no Chinese in its PowerPoint notes: "${notes.slice(0, 40)}"`)
      assert.ok(letters(notes).includes(letters(source.note).slice(0, 40)), `${describeSlide(source)}: PowerPoint notes differ from the slide's`)
    }
  })

  it('draws the closing slide in PowerPoint with the QR code exactly when hostedUrl is set', async () => {
    assert.ok(pptx, 'the PowerPoint export ran')
    const [read] = await readQrCodes(browser, [pptx.slides[closing.no - 1].pictures[0]])
    assert.equal(read, states[0].url, `${describeSlide(closing)} in PowerPoint`)
  })
})
