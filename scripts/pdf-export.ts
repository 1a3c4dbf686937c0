/// <reference path="../setup/root.ts" />
/**
 * The slides PDF, printed by Chromium as one tagged document: headings, lists, tables, links and
 * figures with their alternative text in reading order, `/Lang zh-CN` from the page, the title in
 * the window bar, and a bookmark per section with its slides below it. Slidev's exporter prints
 * the same `/print` page but without Chromium's `tagged` option (so its PDFs have no structure),
 * and its per-slide mode merges pages with pdf-lib, which drops any structure there was. Here the
 * whole deck is printed once; pdf-lib then only sets the metadata and the bookmarks, which keeps
 * the structure tree as it is.
 */
import type { Page } from 'playwright-chromium'
import { writeFile } from 'node:fs/promises'
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'
import { launchChromium } from './browser'
import { serveStatic } from './serve'
import { CANVAS } from './slide-page'

export interface PdfExportOptions {
  /** A built deck (scripts/build.ts: its print pages are on). */
  dist: string
  /** The sub-path it was built for (`--base`), if any. */
  base?: string
  output: string
  dark?: boolean
  /** A page per click instead of per slide. */
  withClicks?: boolean
  /** The most a slow slide (diagrams on a busy machine) may take to render. */
  timeout?: number
}

/** Waits until every slide of the print page is rendered: lazy parts loaded, Mermaid drawn, fonts in. */
export async function printReady(page: Page, timeout: number): Promise<void> {
  await page.locator('.print-slide-container').first().waitFor({ timeout })
  await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading')
    && [...document.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
    && !document.querySelector('#mermaid-rendering-container > div'), null, { timeout, polling: 100 })
  // Slidev's scratch area for Mermaid would print as a blank last page.
  await page.evaluate(async () => {
    document.querySelector<HTMLElement>('#mermaid-rendering-container')?.style.setProperty('display', 'none')
    await document.fonts.ready
  })
}

interface SlideEntry { no: number, title: string, frontmatter: Record<string, unknown> }

/**
 * Bookmarks as @lillallol/outline-pdf reads them (`page|-…|title`, one dash per level below the
 * top): the cover, the agenda and each section (a slide with an `agenda:` line) at the top, the
 * other slides under the section they are in.
 */
function outlineOf(slides: SlideEntry[], pageOf: (no: number) => number): string {
  let inSection = false
  return slides.filter(slide => slide.title).map((slide) => {
    const opens = typeof slide.frontmatter.agenda === 'string'
    inSection ||= opens
    return `${pageOf(slide.no)}|${inSection && !opens ? '-' : ''}|${slide.title.replace(/\s+/g, ' ')}`
  }).join('\n')
}

/**
 * The document's information as a reader's PDF viewer shows it: the title in the window bar (not
 * the file name), the language for read-aloud, subject, author, keywords. pdf-lib rewrites only
 * these entries and keeps Chromium's structure tree.
 */
export async function withDocumentInfo(printed: Uint8Array, info: { title: string, lang?: string, subject?: string, author?: string, keywords?: string[] }): Promise<pdfLib.PDFDocument> {
  const pdf = await pdfLib.PDFDocument.load(printed)
  pdf.setTitle(info.title, { showInWindowTitleBar: true })
  pdf.setLanguage(info.lang || 'zh-CN')
  if (info.subject)
    pdf.setSubject(info.subject)
  if (info.author)
    pdf.setAuthor(info.author)
  if (info.keywords)
    pdf.setKeywords(info.keywords)
  pdf.setCreator('Slidev, printed by Chromium (tagged)')
  return pdf
}

export async function exportDeckPdf(options: PdfExportOptions): Promise<string> {
  const timeout = options.timeout ?? 120_000
  const server = await serveStatic(options.dist, options.base)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { ...CANVAS }, colorScheme: options.dark ? 'dark' : 'light' })
    const page = await context.newPage()
    await page.goto(`${server.url}print?print=${options.withClicks ? 'clicks' : 'true'}`, { waitUntil: 'networkidle', timeout })
    await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light', media: 'screen' })
    await printReady(page, timeout)
    const deck = await page.evaluate(() => ({
      slides: window.__deckNav!.slides.map(route => ({ no: route.no, title: route.meta?.slide?.title ?? '', frontmatter: route.meta?.slide?.frontmatter ?? {} })),
      // The first page of each slide (with clicks, a slide takes several pages).
      firstPage: Object.fromEntries([...document.querySelectorAll('.print-slide-container')].map((el, i) => [Number(el.id.split('-')[0]), i + 1]).reverse()),
      title: document.title,
      lang: document.documentElement.lang,
    }))
    const printed = await page.pdf({ ...CANVAS, margin: { top: 0, right: 0, bottom: 0, left: 0 }, printBackground: true, preferCSSPageSize: true, tagged: true })

    const headmatter = deck.slides[0]?.frontmatter ?? {}
    let pdf = await withDocumentInfo(printed, {
      title: deck.slides[0]?.title || deck.title,
      lang: deck.lang,
      subject: typeof headmatter.info === 'string' ? headmatter.info.trim() : undefined,
      author: typeof headmatter.author === 'string' ? headmatter.author : undefined,
      keywords: typeof headmatter.keywords === 'string' ? headmatter.keywords.split(',').map(word => word.trim()) : undefined,
    })
    pdf = await outlinePdfFactory(pdfLib)({ pdf, outline: outlineOf(deck.slides, no => deck.firstPage[no] ?? 1) })
    await writeFile(options.output, await pdf.save())
    return options.output
  }
  finally {
    await browser.close()
    await server.close()
  }
}
