/**
 * The deck as the audience and the speaker get it: the built SPA in a real Chromium, served the
 * way `npm run present` serves it (its content security policy included), the PDF and the notes
 * handout. dist/ is built (with its PDF, as `npm run build` makes it) only when stale: ensureDist.
 */
import type { Browser } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import type { PresentServer } from '../../scripts/present'
import type { RoomReport } from './inspect-deck'
import type { PresenterReport } from './presenter-notes'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from '../../scripts/browser'
import { describeSlide, exportFilename, loadDeckSources } from '../../scripts/deck-source'
import { ensureDist, startPresentServer } from '../../scripts/present'
import { gotoSlide, newDeckContext, slideAlternatives } from '../../scripts/slide-page'
import { inspectDeck, PROSE_LIMIT, TEXT_FLOOR_PX } from './inspect-deck'
import { inspectPdf, mermaidTitles, missingDiagrams } from './pdf'
import { inspectPresenterNotes } from './presenter-notes'

const DIST = 'dist'
const PDF = join(DIST, `${await exportFilename()}.pdf`)
const WORK = '.work/test'
const list = (problems: string[]) => `\n  ${problems.join('\n  ')}`

/** The figures the content authors work from, printed and kept in .work/test/room.json. */
async function summarise(room: RoomReport, presenter?: PresenterReport): Promise<void> {
  const presented = room.stats.filter(s => s.presented)
  const sizes = presented.map(s => s.smallestPx).filter((px): px is number => px !== null)
  const overProse = presented.filter(s => s.prose > PROSE_LIMIT)
  const lines = [
    `presented slides: ${presented.length} (backup: ${room.stats.length - presented.length})`,
    `smallest text on a presented slide: ${Math.min(...sizes).toFixed(1)}px; slides with text under the floor (${TEXT_FLOOR_PX.presented}px, backup ${TEXT_FLOOR_PX.backup}px): ${room.smallText.length}`,
    `largest prose: ${Math.max(0, ...presented.map(s => s.prose))} characters; slides over ${PROSE_LIMIT}: ${overProse.length} (${overProse.map(s => `${s.no}: ${s.prose}`).join(', ')})`,
    `line breaks inside names: ${room.lineBreaks.length} slides; 勘误/大纲 shown: ${room.hiddenWords.length} slides; code with ligatures: ${room.ligatures.length} slides`,
  ]
  if (presenter)
    lines.push(`notes that need scrolling at 1920×1080: ${presenter.overflow.length} of ${presenter.stats.length} presented slides`)
  process.stdout.write(`\n${lines.join('\n')}\n\n`)
  await mkdir(WORK, { recursive: true })
  await writeFile(`${WORK}/room.json`, JSON.stringify({ room, presenter }, null, 2))
}

describe('the built deck', () => {
  let sources: SlideSource[]
  let server: PresentServer
  let url: string
  let browser: Browser
  /** From the light pass: the rules for the room do not depend on the colour scheme. */
  let room: RoomReport | undefined

  before(async () => {
    sources = await loadDeckSources()
    await ensureDist(DIST) // what `npm run build` makes: the SPA plus its downloadable PDF
    // Audience windows send nothing to the server, so the passes below do not move each other.
    server = await startPresentServer({ dist: DIST, port: 0 })
    url = server.urls.local.audience
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  it('renders every slide in light mode with no error, overflow, policy violation or request off localhost', async () => {
    const report = await inspectDeck({ browser, url, sources, colorScheme: 'light', room: true })
    room = report.room
    assert.equal(report.visited, sources.length, 'every slide visited')
    assert.deepEqual(report.externalRequests, [], 'no request leaves localhost')
    assert.deepEqual(report.problems, [], list(report.problems))
  })

  describe('for the room (presented slides: cover to the closing slide)', () => {
    const measured = () => {
      assert.ok(room, 'the light pass measured the slides')
      return room
    }
    it(`shows no text below ${TEXT_FLOOR_PX.presented}px on the canvas (backup: ${TEXT_FLOOR_PX.backup}px), chart and Mermaid labels included`, () => {
      assert.deepEqual(measured().smallText, [], list(measured().smallText))
    })
    it(`holds at most ${PROSE_LIMIT} characters of prose per presented slide`, () => {
      assert.deepEqual(measured().prose, [], list(measured().prose))
    })
    it('breaks no line inside a model name, a date or a number', () => {
      assert.deepEqual(measured().lineBreaks, [], list(measured().lineBreaks))
    })
    it('shows no 勘误 and no 大纲 on a presented slide', () => {
      assert.deepEqual(measured().hiddenWords, [], list(measured().hiddenWords))
    })
    it('renders code without ligatures', () => {
      assert.deepEqual(measured().ligatures, [], list(measured().ligatures))
    })
  })

  describe('the presenter view at 1920×1080', () => {
    let presenter: PresenterReport
    before(async () => {
      presenter = await inspectPresenterNotes({ browser, url, sources })
      if (room)
        await summarise(room, presenter)
    })
    it('shows each slide\'s notes', () => {
      assert.deepEqual(presenter.missing, [], list(presenter.missing))
    })
    it('fits each presented slide\'s spoken part in the notes panel without scrolling', () => {
      assert.deepEqual(presenter.overflow, [], list(presenter.overflow))
    })
    it('sets the 备查 part quieter than the spoken part', () => {
      assert.deepEqual(presenter.notQuieter, [], list(presenter.notQuieter))
    })
  })

  it('ships a slides PDF with a page per slide, bookmarks and extractable Chinese', async () => {
    const report = await inspectPdf(PDF, { pages: sources.length, mustContain: ['大语言模型技术概览', 'Transformer', '主流大模型', '收获总结'] })
    report.problems.push(...missingDiagrams(sources, report.pageTexts, no => describeSlide(sources[no - 1])))
    assert.deepEqual(report.problems, [], list(report.problems))
    assert.ok(report.hasOutline, 'the PDF has bookmarks')
  })

  it('tags the slides PDF for a screen reader: structure, language, and every figure\'s text alternative as on screen', async () => {
    const report = await inspectPdf(PDF, { pages: sources.length, mustContain: [] })
    assert.match(execFileSync('pdfinfo', [PDF], { encoding: 'utf8' }), /^Tagged:\s+yes$/m, 'pdfinfo: Tagged')
    assert.equal(report.lang, 'zh-CN', 'the document language')
    const problems: string[] = []
    const unnamed = report.figures.filter(figure => !figure.alt.trim())
    if (unnamed.length)
      problems.push(`figures without alternative text on pages ${[...new Set(unnamed.map(f => f.page))].join(', ')}`)
    for (const source of sources) {
      for (const title of mermaidTitles(source.content)) {
        if (!report.figures.some(figure => figure.page === source.no && figure.alt.startsWith(title)))
          problems.push(`${describeSlide(source)}: no figure 「${title}…」 on PDF page ${source.no}`)
      }
    }
    // The scale chart: its /Alt is the text alternative the slide shows a screen reader, written once.
    const scale = sources.find(source => /<ScaleChart\b/.test(source.content))!
    const context = await newDeckContext(browser)
    const page = await context.newPage()
    await page.goto(`${url}${scale.no}`)
    await gotoSlide(page, scale.no)
    const onScreen = await slideAlternatives(page, scale.no)
    await context.close()
    assert.ok(onScreen.figures.length > 0, `${describeSlide(scale)}: the chart has no text alternative on screen`)
    for (const alt of onScreen.figures) {
      if (!report.figures.some(figure => figure.page === scale.no && figure.alt === alt))
        problems.push(`${describeSlide(scale)}: PDF page ${scale.no} has no figure with the chart's alternative 「${alt.slice(0, 40)}…」`)
    }
    assert.deepEqual(problems, [], list(problems))
  })
})
