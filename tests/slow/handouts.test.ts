/**
 * What the audience takes away, and the hosted copy: the deck in dark mode (every slide readable),
 * the notes handout (tagged, each slide picture described), the dark slides PDF, and the deck
 * built for a sub-path. The slower half of the browser checks: `npm run test:slow`, run by CI.
 */
import type { Browser } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import type { PresentServer } from '../../scripts/present'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from '../../scripts/browser'
import { describeSlide, loadDeckSources } from '../../scripts/deck-source'
import { exportNotes } from '../../scripts/export-notes'
import { exportSlides } from '../../scripts/export-slides'
import { ensureDist, startPresentServer } from '../../scripts/present'
import { serveStatic } from '../../scripts/serve'
import { gotoSlide, newDeckContext, settleSlide } from '../../scripts/slide-page'
import { runSlidev } from '../../scripts/slidev'
import { inspectDeck } from '../browser/inspect-deck'
import { inspectPdf, missingDiagrams } from '../browser/pdf'
import { lettersOf } from '../browser/presenter-notes'

const DIST = 'dist'
const WORK = '.work/test'
const list = (problems: string[]) => `\n  ${problems.join('\n  ')}`

describe('after the talk: dark mode, handouts, the hosted copy', () => {
  let sources: SlideSource[]
  let server: PresentServer
  let url: string
  let browser: Browser

  before(async () => {
    sources = await loadDeckSources()
    await ensureDist(DIST)
    server = await startPresentServer({ dist: DIST, port: 0 })
    url = server.urls.local.audience
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  it('renders every slide in dark mode, readable', async () => {
    const report = await inspectDeck({ browser, url, sources, colorScheme: 'dark' })
    assert.deepEqual(report.problems, [], list(report.problems))
  })

  it('exports the notes handout: each slide with its notes', async () => {
    const output = `${WORK}/notes.pdf`
    await exportNotes({ dist: DIST, output })
    const withNotes = sources.find(s => s.no > 2 && s.note.trim().length > 8)!
    const snippet = lettersOf(withNotes.note).slice(0, 8)
    const report = await inspectPdf(output, { pages: sources.length, mustContain: ['大语言模型技术概览', snippet] })
    assert.deepEqual(report.problems, [], list(report.problems))
    assert.match(execFileSync('pdfinfo', [output], { encoding: 'utf8' }), /^Tagged:\s+yes$/m, 'pdfinfo: Tagged')
    assert.equal(report.lang, 'zh-CN')
    const undescribed = sources.filter(source => !report.figures.some(figure => figure.alt.startsWith(`第 ${source.no} 页：${source.title}`)))
    assert.deepEqual(undescribed.map(describeSlide), [], 'slide pictures in the handout without their description')
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
