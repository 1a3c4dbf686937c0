/**
 * The checks must fail on a broken deck, naming the slide: a Mermaid syntax error, a slide that
 * overflows, an unknown model id, clicks without [click] notes; and a PDF with the wrong page
 * count or a page without text. The fixture lives in tests/fixtures, never in the deck.
 */
import type { Browser } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/serve'
import assert from 'node:assert/strict'
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { launchChromium } from '../../scripts/browser'
import { loadDeckSources } from '../../scripts/deck-source'
import { serveStatic } from '../../scripts/serve'
import { runSlidev } from '../../scripts/slidev'
import { inspectDeck } from './inspect-deck'
import { inspectPdf } from './pdf'

// Slidev takes components and setup from the entry's folder, so the fixture is built from the root.
const ENTRY = '.fixture-broken-deck.md'
const OUT = '.work/test/fixture-dist'

describe('the checks catch a broken deck', () => {
  let server: StaticServer
  let browser: Browser
  let problems: string[]

  before(async () => {
    await copyFile('tests/fixtures/broken-deck.md', ENTRY)
    try {
      const sources = await loadDeckSources(ENTRY)
      await rm(OUT, { recursive: true, force: true })
      await runSlidev(['build', ENTRY, '--out', OUT], { quiet: true })
      server = await serveStatic(OUT)
      browser = await launchChromium()
      problems = (await inspectDeck({ browser, url: server.url, sources, colorScheme: 'light' })).problems
    }
    finally {
      await rm(ENTRY, { force: true })
    }
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  const about = (slide: number, pattern: RegExp) =>
    problems.filter(p => p.startsWith(`slide ${slide} (${ENTRY} #${slide}`) && pattern.test(p))

  it('reports the Mermaid syntax error on slide 1', () => {
    assert.ok(about(1, /Mermaid/).length > 0, problems.join('\n'))
  })

  it('reports the overflow on slide 2', () => {
    assert.ok(about(2, /spills past the slide/).length > 0, problems.join('\n'))
  })

  it('reports the unknown model id on slide 3', () => {
    assert.ok(about(3, /no-such-model/).length > 0, problems.join('\n'))
  })

  it('reports clicks without [click] markers on slide 4', () => {
    assert.ok(about(4, /\[click\] marker/).length > 0, problems.join('\n'))
  })

  it('reports a PDF with a missing page and a page without text', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    doc.addPage().drawText('Only slide', { x: 50, y: 700, font })
    doc.addPage() // blank: no text
    await mkdir('.work/test', { recursive: true })
    await writeFile('.work/test/broken.pdf', await doc.save())
    const report = await inspectPdf('.work/test/broken.pdf', { pages: 3, mustContain: ['大语言模型'] })
    assert.ok(report.problems.some(p => p.includes('2 pages, expected 3')), report.problems.join('\n'))
    assert.ok(report.problems.some(p => p.includes('page 2 has no text')), report.problems.join('\n'))
    assert.ok(report.problems.some(p => p.includes('cannot be extracted')), report.problems.join('\n'))
  })
})
