/**
 * The checks must fail on a broken deck, naming the slide: a Mermaid block that does not render
 * (a syntax error), a slide that overflows, an unknown model id, clicks without [click] notes;
 * the rules for the room (text below 14 px — HTML, a scaled SVG chart and Mermaid labels —, too
 * much prose, a name broken across lines, 勘误/大纲 on a slide, code with ligatures; the backup
 * part's looser floor); speaker notes missing, too long for the presenter's panel, or a 备查
 * part as loud as the spoken part; and a PDF with the wrong page count or a page without text.
 * The fixture lives in tests/fixtures, never in the deck.
 */
import type { Browser } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/serve'
import type { DeckReport } from '../browser/inspect-deck'
import type { PresenterReport } from '../browser/presenter-notes'
import assert from 'node:assert/strict'
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { launchChromium } from '../../scripts/browser'
import { loadDeckSources } from '../../scripts/deck-source'
import { serveStatic } from '../../scripts/serve'
import { runSlidev } from '../../scripts/slidev'
import { inspectDeck } from '../browser/inspect-deck'
import { inspectPdf } from '../browser/pdf'
import { inspectPresenterNotes } from '../browser/presenter-notes'

// Slidev takes components and setup from the entry's folder, so the fixture is built from the root.
const ENTRY = '.fixture-broken-deck.md'
const OUT = '.work/test/fixture-dist'

describe('the checks catch a broken deck', () => {
  let server: StaticServer
  let browser: Browser
  let report: DeckReport
  let presenter: PresenterReport
  let presenterUnstyled: PresenterReport

  before(async () => {
    await copyFile('tests/fixtures/broken-deck.md', ENTRY)
    try {
      const sources = await loadDeckSources(ENTRY)
      await rm(OUT, { recursive: true, force: true })
      await runSlidev(['build', ENTRY, '--out', OUT], { quiet: true })
      server = await serveStatic(OUT)
      browser = await launchChromium()
      report = await inspectDeck({ browser, url: server.url, sources, colorScheme: 'light', room: true })
      presenter = await inspectPresenterNotes({ browser, url: server.url, sources })
      // As if styles/notes.css were missing: the 备查 part as loud as the spoken part.
      presenterUnstyled = await inspectPresenterNotes({
        browser,
        url: server.url,
        sources,
        addStyle: '.slidev-note h2, .slidev-note h2 ~ * { font-size: inherit !important; opacity: 1 !important }',
      })
    }
    finally {
      await rm(ENTRY, { force: true })
    }
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  const about = (slide: number, pattern: RegExp, problems = report.problems) =>
    problems.filter(p => p.startsWith(`slide ${slide} (${ENTRY} #${slide}`) && pattern.test(p))
  const show = (problems: string[]) => problems.join('\n')

  it('reports the Mermaid block with a syntax error on slide 1 as not rendered', () => {
    assert.ok(about(1, /1 Mermaid block\(s\) in the source but 0 rendered/).length > 0, show(report.problems))
  })

  it('reports the overflow on slide 2', () => {
    assert.ok(about(2, /spills past the slide/).length > 0, show(report.problems))
  })

  it('reports the unknown model id on slide 3', () => {
    assert.ok(about(3, /no-such-model/).length > 0, show(report.problems))
  })

  it('reports clicks without [click] markers on slide 4', () => {
    assert.ok(about(4, /\[click\] markers reach click 0/).length > 0, show(report.problems))
  })

  it('reports text below 14 px on slide 5: an HTML line, a scaled SVG chart and Mermaid labels', () => {
    assert.ok(about(5, /text below 14px/, report.room.smallText).length > 0, show(report.room.smallText))
    const small = report.room.stats.find(s => s.no === 5)!.smallText.join('\n')
    assert.match(small, /text-xs.* at 12\.0px/, 'the text-xs line, at 12 px')
    assert.match(small, /<text> "坐标轴标签.* at 10\.0px/, 'the SVG label: font-size 20 in a viewBox drawn at half size')
    // Mermaid's labels live in its shadow root; the long chain is scaled down to fit the width.
    assert.match(small, /"第十二步" at \d/, 'the Mermaid labels')
  })

  it('reports too much prose on slide 6, with the count', () => {
    const [problem] = about(6, /characters of prose/, report.room.prose)
    assert.ok(problem, show(report.room.prose))
    const count = Number(/(\d+) characters of prose/.exec(problem)![1])
    assert.ok(count > 200, problem)
    assert.equal(report.room.stats.find(s => s.no === 6)!.prose, count)
  })

  it('reports a model name and a date broken across lines on slide 7', () => {
    const [problem] = about(7, /line break inside/, report.room.lineBreaks)
    assert.ok(problem, show(report.room.lineBreaks))
    assert.match(problem, /「text-davinci-003」/)
    assert.match(problem, /「2023-03-28」/)
  })

  it('reports 勘误 and 大纲 shown on slide 8', () => {
    const [problem] = about(8, /shows/, report.room.hiddenWords)
    assert.ok(problem, show(report.room.hiddenWords))
    assert.match(problem, /「勘误」/)
    assert.match(problem, /「大纲」/)
  })

  it('reports code rendered with ligatures on slide 9', () => {
    assert.ok(about(9, /ligatures/, report.room.ligatures).length > 0, show(report.room.ligatures))
  })

  it('reports speaker notes that do not fit the presenter\'s panel on slide 10', () => {
    assert.ok(about(10, /spoken part runs \d+px below/, presenter.overflow).length > 0, show(presenter.overflow))
    assert.deepEqual(presenter.notQuieter, [], 'with styles/notes.css the 备查 part is quieter')
  })

  it('reports a 备查 part as loud as the spoken part on slide 10 when the style is missing', () => {
    assert.ok(about(10, /备查 part not quieter/, presenterUnstyled.notQuieter).length > 0, show(presenterUnstyled.notQuieter))
  })

  it('holds the backup part (slide 11) to 11.5 px only: 10 px fails, 12 px, long prose and 勘误 pass', () => {
    const [problem] = about(11, /text below 11\.5px/, report.room.smallText)
    assert.ok(problem, show(report.room.smallText))
    assert.match(problem, /at 10\.0px/)
    assert.doesNotMatch(problem, /at 12\.0px/)
    assert.deepEqual(about(11, /./, [...report.room.prose, ...report.room.hiddenWords, ...report.room.lineBreaks]), [])
    const backup = report.room.stats.find(s => s.no === 11)!
    assert.ok(backup.prose > 200, `the backup slide does hold long prose (${backup.prose})`)
    assert.deepEqual(about(11, /./, presenter.overflow), [], 'backup notes are not measured against the panel')
  })

  it('reports the image without a text alternative on slide 13 by its axe-core rule', () => {
    assert.ok(about(13, /accessibility \(axe-core.*image-alt/).length > 0, show(report.problems))
    assert.deepEqual(report.problems.filter(p => /axe-core/.test(p) && !p.startsWith(`slide 13 (`)), [], 'only the broken slide fails the accessibility rules')
  })

  it('reports the slide without speaker notes (slide 12) in the presenter view', () => {
    assert.deepEqual(presenter.missing.filter(p => !p.startsWith(`slide 12 (${ENTRY} #12`)), [], 'the other slides\' notes show')
    assert.ok(about(12, /has no speaker notes/, presenter.missing).length > 0, show(presenter.missing))
  })

  it('reports a PDF with a missing page and a page without text', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    doc.addPage().drawText('Only slide', { x: 50, y: 700, font })
    doc.addPage() // blank: no text
    await mkdir('.work/test', { recursive: true })
    await writeFile('.work/test/broken.pdf', await doc.save())
    const pdf = await inspectPdf('.work/test/broken.pdf', { pages: 3, mustContain: ['大语言模型'] })
    assert.ok(pdf.problems.some(p => p.includes('2 pages, expected 3')), pdf.problems.join('\n'))
    assert.ok(pdf.problems.some(p => p.includes('page 2 has no text')), pdf.problems.join('\n'))
    assert.ok(pdf.problems.some(p => p.includes('cannot be extracted')), pdf.problems.join('\n'))
  })
})
