/// <reference path="../../setup/root.ts" />
import type { Browser } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import { describeSlide, splitPresented } from '../../scripts/deck-source'
import { splitNote } from '../../scripts/notes'
import { newDeckContext } from '../../scripts/slide-page'

/** The speaker's screen the notes must fit: a 1080p laptop or monitor, Slidev's default layout. */
export const PRESENTER_VIEWPORT = { width: 1920, height: 1080 } as const

export interface PresenterNoteStats {
  no: number
  /** How far the spoken part reaches below the notes panel, in px (≤ 0: fits). */
  overflowPx: number
  /** Height of the notes panel, in px. */
  panelPx: number
}

export interface PresenterReport {
  /** Slides whose notes the presenter view does not show (or shows another slide's). */
  missing: string[]
  /** Presented slides whose spoken part needs scrolling. */
  overflow: string[]
  /** Presented slides whose 备查 part is styled as loud as the spoken part. */
  notQuieter: string[]
  stats: PresenterNoteStats[]
}

/** Letters and digits only: how extracted text (PDF, PowerPoint, the page) is compared. */
export function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '')
}

/** Letters and digits of Markdown: link targets, HTML tags and [click] markers dropped too. */
export function lettersOf(text: string): string {
  return letters(text.replace(/\]\([^)]*\)|<[^>]+>|\[click(?::\d+)?\]/g, ''))
}

/**
 * Opens the presenter view (`/presenter/<n>`) at 1920×1080 once and steps through the slides:
 * every slide's notes must show; on presented slides the spoken part (everything before
 * `## 备查`) must lie inside the notes panel without scrolling, and the 备查 heading and what
 * follows it must be quieter (smaller or fainter) than the spoken part.
 */
export async function inspectPresenterNotes(options: {
  browser: Browser
  url: string
  sources: SlideSource[]
  /** Extra CSS for the page (the fixture test uses it to take the quieter style away). */
  addStyle?: string
}): Promise<PresenterReport> {
  const { browser, url, sources } = options
  const presented = new Set(splitPresented(sources).presented.map(s => s.no))
  const context = await newDeckContext(browser, { viewport: PRESENTER_VIEWPORT })
  const page = await context.newPage()
  const report: PresenterReport = { missing: [], overflow: [], notQuieter: [], stats: [] }
  await page.goto(`${url}presenter/1`)
  await page.waitForFunction(() => (window.__deckNav?.total ?? 0) > 0)
  // The current and next slide previews do not change the notes panel's size (fixed grid
  // tracks); not painting them halves the time of this pass.
  await page.addStyleTag({ content: `.grid-section.main > *, .grid-section.next > * { display: none !important }\n${options.addStyle ?? ''}` })
  for (const source of sources) {
    const where = describeSlide(source)
    // The first words of the source notes, compared letter by letter (Markdown renders away).
    const expected = lettersOf(splitNote(source.note).spoken || source.note).slice(0, 12)
    if (!expected) {
      report.missing.push(`${where}: has no speaker notes`)
      continue
    }
    await page.evaluate(no => window.__deckNav!.go(no, 0), source.no)
    const shown = await page.waitForFunction(([no, letters]) => {
      if (window.__deckNav?.currentSlideNo !== no)
        return false
      const text = document.querySelector('.grid-section.note .slidev-note')?.textContent ?? ''
      return text.replace(/[^\p{L}\p{N}]/gu, '').includes(letters)
    }, [source.no, expected] as const, { timeout: 5000 }).then(() => true, () => false)
    if (!shown) {
      const text = await page.locator('.grid-section.note .slidev-note').first().textContent({ timeout: 1000 }).catch(() => '')
      report.missing.push(`${where}: presenter shows "${lettersOf(text ?? '').slice(0, 30)}", expected "${expected}"`)
      continue
    }
    if (!presented.has(source.no))
      continue
    const measured = await page.evaluate(() => {
      const note = document.querySelector('.grid-section.note .slidev-note') as HTMLElement
      const box = note.getBoundingClientRect()
      const visibleBottom = box.top + note.clientTop + note.clientHeight
      const children = [...note.children]
      const heading = children.findIndex(el => el.tagName === 'H2' && (el.textContent ?? '').trim() === '备查')
      const spoken = heading < 0 ? children : children.slice(0, heading)
      const reference = heading < 0 ? [] : children.slice(heading)
      const bottom = Math.max(box.top, ...spoken.map(el => el.getBoundingClientRect().bottom))
      /** Opacity as seen: the element's own times every ancestor's up to the notes panel. */
      const opacityOf = (el: Element) => {
        let value = 1
        for (let node: Element | null = el; node && node !== note.parentElement; node = node.parentElement)
          value *= Number(getComputedStyle(node).opacity)
        return value
      }
      const voice = (el: Element) => ({ size: Number.parseFloat(getComputedStyle(el).fontSize), opacity: opacityOf(el) })
      const base = spoken.find(el => (el.textContent ?? '').trim()) ?? note
      const loud = voice(base)
      const notQuieter = reference
        .filter((el) => {
          const own = voice(el)
          return !(own.size < loud.size - 0.5 || own.opacity < loud.opacity * 0.85)
        })
        .map(el => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 20)}" at ${voice(el).size}px, opacity ${voice(el).opacity.toFixed(2)} (spoken part: ${loud.size}px, opacity ${loud.opacity.toFixed(2)})`)
      return { overflowPx: bottom - visibleBottom, panelPx: note.clientHeight, scrollTop: note.scrollTop, notQuieter }
    })
    report.stats.push({ no: source.no, overflowPx: measured.overflowPx, panelPx: measured.panelPx })
    if (measured.overflowPx > 1)
      report.overflow.push(`${where}: the spoken part runs ${Math.round(measured.overflowPx)}px below the ${measured.panelPx}px notes panel (${(1 + measured.overflowPx / measured.panelPx).toFixed(1)} panel heights)`)
    if (measured.notQuieter.length)
      report.notQuieter.push(`${where}: 备查 part not quieter: ${measured.notQuieter.slice(0, 2).join('; ')}`)
  }
  await context.close()
  return report
}
