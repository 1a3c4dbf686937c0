/**
 * The deck as the audience and the speaker get it: the built SPA in a real Chromium, the PDF
 * and the notes handout. Set REUSE_DIST=1 to skip the build when dist/ is current.
 */
import type { Browser } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import type { StaticServer } from '../../scripts/serve'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import process from 'node:process'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from '../../scripts/browser'
import { describeSlide, loadDeckSources } from '../../scripts/deck-source'
import { exportNotes } from '../../scripts/export-notes'
import { exportSlides } from '../../scripts/export-slides'
import { serveStatic } from '../../scripts/serve'
import { gotoSlide, newDeckContext, settleSlide } from '../../scripts/slide-page'
import { runSlidev } from '../../scripts/slidev'
import { inspectDeck } from './inspect-deck'
import { inspectPdf, missingDiagrams } from './pdf'

const DIST = 'dist'
const PDF = `${DIST}/llm-overview-slides.pdf`
const WORK = '.work/test'
const list = (problems: string[]) => `\n  ${problems.join('\n  ')}`
/** Letters and digits only: Markdown syntax, link targets, HTML tags and [click] markers dropped. */
function lettersOf(text: string) {
  return text
    .replace(/\]\([^)]*\)|<[^>]+>|\[click(?::\d+)?\]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

describe('the built deck', () => {
  let sources: SlideSource[]
  let server: StaticServer
  let browser: Browser

  before(async () => {
    sources = await loadDeckSources()
    if (!(process.env.REUSE_DIST && existsSync(PDF)))
      await runSlidev(['build', '--download', '--timeout', '120000'], { quiet: true }) // what `npm run build` runs: the SPA plus its downloadable PDF
    server = await serveStatic(DIST)
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  it('renders every slide in light mode with no error, overflow or request off localhost', async () => {
    const report = await inspectDeck({ browser, url: server.url, sources, colorScheme: 'light' })
    assert.equal(report.visited, sources.length, 'every slide visited')
    assert.deepEqual(report.externalRequests, [], 'no request leaves localhost')
    assert.deepEqual(report.problems, [], list(report.problems))
    const blocks = sources.reduce((n, s) => n + (s.content.match(/^```mermaid/gm) ?? []).length, 0)
    assert.ok(report.mermaidSvgs >= blocks, `${blocks} Mermaid blocks, ${report.mermaidSvgs} SVGs`)
  })

  it('renders every slide in dark mode, readable', async () => {
    const report = await inspectDeck({ browser, url: server.url, sources, colorScheme: 'dark' })
    assert.deepEqual(report.problems, [], list(report.problems))
  })

  it('shows each slide\'s notes in the presenter view', async () => {
    const context = await newDeckContext(browser, { viewport: { width: 1600, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}presenter/1`)
    const missing: string[] = []
    for (const source of sources) {
      await page.evaluate(no => window.__deckNav!.go(no), source.no)
      await page.waitForFunction(no => window.__deckNav?.currentSlideNo === no, source.no)
      const shown = lettersOf(await page.locator('.slidev-note').first().textContent({ timeout: 5000 }).catch(() => '') ?? '')
      // The first words of the source notes, compared letter by letter (Markdown renders away).
      const expected = lettersOf(source.note).slice(0, 12)
      if (!expected)
        missing.push(`${describeSlide(source)}: has no speaker notes`)
      else if (!shown.includes(expected))
        missing.push(`${describeSlide(source)}: presenter shows "${shown.slice(0, 30)}", expected "${expected}"`)
    }
    await context.close()
    assert.deepEqual(missing, [], list(missing))
  })

  it('ships a slides PDF with a page per slide, bookmarks and extractable Chinese', async () => {
    const report = await inspectPdf(PDF, { pages: sources.length, mustContain: ['大语言模型技术概览', 'Transformer', '主流大模型', '收获总结'] })
    report.problems.push(...missingDiagrams(sources, report.pageTexts, no => describeSlide(sources[no - 1])))
    assert.deepEqual(report.problems, [], list(report.problems))
    assert.ok(report.hasOutline, 'the PDF has bookmarks (--with-toc)')
  })

  it('exports the notes handout: each slide with its notes', async () => {
    const output = `${WORK}/notes.pdf`
    await exportNotes({ dist: DIST, output })
    const withNotes = sources.find(s => s.no > 2 && s.note.trim().length > 8)!
    const snippet = lettersOf(withNotes.note).slice(0, 8)
    const report = await inspectPdf(output, { pages: sources.length, mustContain: ['大语言模型技术概览', snippet] })
    assert.deepEqual(report.problems, [], list(report.problems))
  })

  it('exports the slides in dark mode with `npm run export:dark`', async () => {
    const output = `${WORK}/slides-dark.pdf`
    await exportSlides({ output, dark: true, quiet: true })
    const report = await inspectPdf(output, { pages: sources.length, mustContain: ['大语言模型技术概览'] })
    report.problems.push(...missingDiagrams(sources, report.pageTexts, no => describeSlide(sources[no - 1])))
    assert.deepEqual(report.problems, [], list(report.problems))
  })

  it('works when hosted under a sub-path (--base)', async () => {
    const out = `${WORK}/dist-base`
    await rm(out, { recursive: true, force: true })
    await runSlidev(['build', '--base', '/llm-talk/', '--out', out], { quiet: true })
    const hosted = await serveStatic(out, '/llm-talk/')
    const context = await newDeckContext(browser)
    const page = await context.newPage()
    const failures: string[] = []
    page.on('requestfailed', r => failures.push(r.url()))
    page.on('response', (r) => {
      if (r.status() >= 400)
        failures.push(`${r.status()} ${r.url()}`)
    })
    try {
      const last = sources.length
      await page.goto(`${hosted.url}${last}`)
      await settleSlide(page, last)
      await gotoSlide(page, 3)
      assert.equal(await page.locator('.slidev-page-3 h1').first().textContent(), sources[2].title)
      assert.deepEqual(failures, [])
    }
    finally {
      await context.close()
      await hosted.close()
    }
  })
})
