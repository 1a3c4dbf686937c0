/**
 * The speaker's handout: one A4 page per slide, the slide as rendered (all clicks revealed)
 * with its speaker notes below, like a presentation program's notes pages.
 *
 *   npm run export:notes -- [--dist dist] [--output exports/llm-overview-notes.pdf] [--dark]
 *
 * Without --dist it builds the deck first. Slidev's own `export-notes` prints notes without the
 * slides and cannot be given a browser, so this drives the shared browser finder instead.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { ink, neutral, primary } from '../data/palette'
import { launchChromium } from './browser'
import { buildDeck } from './build'
import { withDocumentInfo } from './pdf-export'
import { serveStatic } from './serve'
import { describeSlide, gotoSlide, newDeckContext, slideAlternatives, slideCount } from './slide-page'

export interface NotesExportOptions {
  /** A built deck; built into a temporary folder when absent. */
  dist?: string
  entry?: string
  output: string
  dark?: boolean
}

interface NotesPage {
  no: number
  title: string
  image: string
  /** The picture's text alternative: the slide's title and its figures' (describeSlide). */
  alt: string
  notesHtml: string
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

function handoutHtml(title: string, pages: NotesPage[], total: number, fontFaces: string): string {
  const sheets = pages.map(p => `
    <section class="sheet">
      <header><span class="no">${p.no} / ${total}</span><h2 class="title">${escapeHtml(p.title)}</h2></header>
      <img src="${p.image}" alt="${escapeHtml(p.alt)}">
      <div class="notes">${p.notesHtml || '<p class="empty">(无备注)</p>'}</div>
    </section>`).join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} · 讲者备注</title>
<style>
${fontFaces}
  @page { size: A4; margin: 12mm 14mm 14mm; }
  body { margin: 0; font-family: 'Inter Variable', 'Noto Sans SC Variable', 'Noto Sans CJK SC', sans-serif; color: ${ink}; }
  .sheet { break-after: page; display: flex; flex-direction: column; gap: 4mm; }
  .sheet:last-child { break-after: auto; }
  header { display: flex; gap: 4mm; font-size: 11pt; font-weight: 600; border-bottom: 1px solid ${neutral.hairline}; padding-bottom: 2mm; }
  header .no { color: ${neutral.muted}; font-variant-numeric: tabular-nums; }
  header .title { margin: 0; font-size: inherit; }
  img { display: block; box-sizing: border-box; width: 100%; border: 1px solid ${neutral.hairline}; border-radius: 2mm; }
  .notes { font-size: 11pt; line-height: 1.65; }
  .notes p { margin: 0 0 2.5mm; }
  .notes ul, .notes ol { margin: 0 0 2.5mm; padding-left: 6mm; }
  .notes code { font-family: 'JetBrains Mono Variable', monospace; font-size: 10pt; }
  .notes .slidev-note-click-mark { display: inline-block; font-size: 8.5pt; font-weight: 600; color: ${primary.light}; border: 1px solid ${primary.light}; border-radius: 3mm; padding: 0 2mm; margin-right: 1.5mm; }
  .notes .slidev-note-click-mark::before { content: '点击 '; }
  .empty { color: ${neutral.muted}; }
</style></head><body>${sheets}</body></html>`
}

export async function exportNotes(options: NotesExportOptions): Promise<{ output: string, pages: number }> {
  let dist = options.dist
  let builtHere = false
  if (!dist) {
    dist = resolve('.work/notes-dist')
    await buildDeck({ entry: options.entry, out: dist, quiet: true })
    builtHere = true
  }
  const server = await serveStatic(dist)
  const browser = await launchChromium()
  try {
    // 1.5× keeps slide text crisp on A4 while the handout of ~90 pages stays under 10 MB.
    const context = await newDeckContext(browser, { deviceScaleFactor: 1.5, colorScheme: options.dark ? 'dark' : 'light' })
    const page = await context.newPage()

    // Notes as Slidev renders them for the presenter (Markdown → HTML, [click] markers kept).
    await page.goto(`${server.url}presenter/print`)
    await page.waitForSelector('.slidev-note')
    const notes = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('#page-root .break-inside-avoid-page')].map((block) => {
        const no = Number((block.querySelector('h2 .opacity-50')?.textContent ?? '').split('/')[0])
        return [no, block.querySelector('.slidev-note')?.innerHTML ?? '']
      }),
    ) as Record<number, string>)
    if (Object.values(notes).every(html => !html.trim()))
      throw new Error(`${dist} has no speaker notes at /presenter/print: build it with \`npm run build\``)
    const deckTitle = await page.title()
    // The deck's self-hosted @font-face rules, so the handout's Chinese text uses the same fonts.
    const fontFaces = await page.evaluate(() => [...document.styleSheets]
      .flatMap((sheet) => {
        try {
          return [...sheet.cssRules]
        }
        catch {
          return []
        }
      })
      .filter(rule => rule instanceof CSSFontFaceRule)
      .map(rule => rule.cssText)
      .join('\n'))

    await page.goto(`${server.url}1`)
    const total = await slideCount(page)
    const pages: NotesPage[] = []
    for (let no = 1; no <= total; no++) {
      await gotoSlide(page, no)
      const slide = page.locator(`.slidev-page-${no}`).first()
      const image = await slide.screenshot({ type: 'jpeg', quality: 72 })
      const alternative = await slideAlternatives(page, no)
      pages.push({ no, title: alternative.title, image: `data:image/jpeg;base64,${image.toString('base64')}`, alt: describeSlide(alternative), notesHtml: notes[no] ?? '' })
    }

    const printer = await context.newPage()
    // Served from the deck's origin, so the deck's font files load.
    const html = handoutHtml(deckTitle.replace(/^Notes - /, ''), pages, total, fontFaces)
    await printer.route(`${server.url}__handout.html`, route => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }))
    await printer.goto(`${server.url}__handout.html`, { waitUntil: 'load' })
    await printer.evaluate(() => document.fonts.ready)
    await mkdir(dirname(resolve(options.output)), { recursive: true })
    // Tagged: headings, the notes' lists and each slide picture with its text alternative, in
    // reading order, `/Lang zh-CN` from the page (the handout is read aloud too).
    const printed = await printer.pdf({
      tagged: true,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8pt;color:${neutral.muted};width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    })
    const pdf = await withDocumentInfo(printed, { title: `${deckTitle.replace(/^Notes - /, '')} · 讲者备注`, lang: 'zh-CN' })
    await writeFile(options.output, await pdf.save())
    return { output: options.output, pages: pages.length }
  }
  finally {
    await browser.close()
    await server.close()
    if (builtHere)
      await rm(dist, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      entry: { type: 'string' },
      output: { type: 'string', default: 'exports/llm-overview-notes.pdf' },
      dark: { type: 'boolean', default: false },
    },
  })
  exportNotes({ dist: values.dist, entry: values.entry, output: values.output!, dark: values.dark })
    .then(({ output, pages }) => console.log(`notes handout: ${output} (${pages} pages)`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exit(1)
    })
}
