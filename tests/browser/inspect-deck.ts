/// <reference path="../../setup/root.ts" />
import type { AxeResults, RunOptions } from 'axe-core'
import type { Browser, Page } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { describeSlide, splitPresented } from '../../scripts/deck-source'
import { gotoSlide, newDeckContext, slideCount } from '../../scripts/slide-page'

export interface InspectOptions {
  browser: Browser
  /** Base URL of the served deck, ending in `/`. */
  url: string
  sources: SlideSource[]
  colorScheme: 'light' | 'dark'
  /** Only these slide numbers (default: all). */
  only?: number[]
  /**
   * Also measure the rules for the room (text size, prose, line breaks, words, ligatures).
   * They do not depend on the colour scheme, so one pass is enough.
   */
  room?: boolean
}

/** Smallest rendered text on the 980×552 canvas: presented slides, and the denser backup part. */
export const TEXT_FLOOR_PX = { presented: 14, backup: 11.5 } as const
/** Most non-whitespace characters of prose on a presented slide. */
export const PROSE_LIMIT = 200
/** Words the audience must not see: corrections live in the notes and the backup errata. */
export const HIDDEN_WORDS = ['勘误', '大纲'] as const

/** axe-core's rules for WCAG 2.2 A and AA (best practices are not requirements, and not checked). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

declare global {
  interface Window { axe?: { run: (context: Element, options: RunOptions) => Promise<AxeResults> } }
}

/** axe-core's violations on slide `no`, one line each: the rule, what it asks, where. */
async function axeViolations(page: Page, no: number): Promise<string[]> {
  return page.evaluate(async ({ no, tags }) => {
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return [`slide ${no} not found`]
    const { violations } = await window.axe!.run(slide, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return violations.map(v => `${v.id} (${v.help}): ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')}`)
  }, { no, tags: AXE_TAGS })
}

/** Per-slide figures for the report the content authors work from. */
export interface SlideRoomStats {
  no: number
  presented: boolean
  /** Non-whitespace characters of prose (outside the title, diagrams, charts and code). */
  prose: number
  /** Smallest rendered text size in canvas px (null: no visible text). */
  smallestPx: number | null
  /** Every text below the slide's floor (the problem message shows the first few). */
  smallText: string[]
}

/** Problems with the rules for the room, one list per rule, each naming the slide. */
export interface RoomReport {
  smallText: string[]
  prose: string[]
  lineBreaks: string[]
  hiddenWords: string[]
  ligatures: string[]
  stats: SlideRoomStats[]
}

export interface DeckReport {
  total: number
  problems: string[]
  /** Requests that left localhost (should be none). */
  externalRequests: string[]
  visited: number
  room: RoomReport
}

/** What a person would see wrong on one slide, measured in the page. */
interface SlideFindings {
  mermaidSvgs: number
  overflow: string[]
  clipped: string[]
  lowContrast: string[]
  brokenImages: string[]
  failedFonts: string[]
  /** Errors a component shows on the slide itself (`role="alert"`), e.g. an unknown model id. */
  shownErrors: string[]
  clicksTotal: number
}

function isLocal(url: string): boolean {
  if (/^(?:data|blob|about):/.test(url))
    return true
  const { hostname } = new URL(url)
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
}

/**
 * The click the speaker's notes reach: `[click]` moves one click on, `[click:n]` jumps to click n
 * (Slidev's own marker syntax). A slide's notes should reach exactly its last click, so the
 * presenter view highlights a paragraph for every step of the slide.
 */
export function notedClicks(note: string): number {
  let at = 0
  for (const marker of note.matchAll(/\[click(?::(\d+))?\]/g))
    at = marker[1] ? Number(marker[1]) : at + 1
  return at
}

/**
 * Visits every slide with all clicks revealed and reports, naming the slide's file and number:
 * console and page errors (content-security-policy violations too, when the server sets one),
 * Mermaid blocks that did not become SVG (why a block does not parse, with its line, is
 * scripts/check-sources.ts's), elements that spill past the canvas or are clipped, unreadable
 * contrast or tiny text, broken images, fonts that failed, slides with clicks but no [click] in
 * the notes, and any request that leaves localhost.
 */
export async function inspectDeck(options: InspectOptions): Promise<DeckReport> {
  const numbers = options.only ?? options.sources.map(source => source.no)
  // One window per core: a slide's checks are the renderer's work, and slides do not share state.
  const windows = Math.max(1, Math.min(availableParallelism(), 4))
  const shards = Array.from({ length: windows }, (_, i) => numbers.filter((_, j) => j % windows === i))
  const reports = await Promise.all(shards.filter(shard => shard.length).map(shard => inspectSlides(options, shard)))
  // In slide order, whichever window measured them: each finding is tagged with its slide.
  const merged = <T>(pick: (report: ShardReport) => Tagged<T>[]) => reports.flatMap(pick).sort((a, b) => a.no - b.no).map(item => item.value)
  return {
    total: reports[0]?.total ?? 0,
    problems: merged(r => r.problems),
    externalRequests: merged(r => r.externalRequests),
    visited: reports.reduce((n, r) => n + r.visited, 0),
    room: {
      smallText: merged(r => r.room.smallText),
      prose: merged(r => r.room.prose),
      lineBreaks: merged(r => r.room.lineBreaks),
      hiddenWords: merged(r => r.room.hiddenWords),
      ligatures: merged(r => r.room.ligatures),
      stats: merged(r => r.room.stats),
    },
  }
}

interface Tagged<T> { no: number, value: T }
type TaggedRoom = { [K in keyof RoomReport]: Tagged<RoomReport[K][number]>[] }
interface ShardReport { total: number, problems: Tagged<string>[], externalRequests: Tagged<string>[], visited: number, room: TaggedRoom }

/** The checks on `numbers`, in one window. Reduced motion: boxes are measured without waiting out a transition. */
async function inspectSlides(options: InspectOptions, numbers: number[]): Promise<ShardReport> {
  const { browser, url, sources, colorScheme } = options
  const context = await newDeckContext(browser, { colorScheme, reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`content security policy: ${event.violatedDirective} blocked ${event.blockedURI}`)
  }))
  let current = 0
  const problems = tagged<string>(() => current)
  const externalRequests = tagged<string>(() => current)
  const where = (no: number) => {
    const source = sources[no - 1]
    return source ? describeSlide(source) : `slide ${no}`
  }
  page.on('request', (request) => {
    if (!isLocal(request.url())) {
      externalRequests.push(request.url())
      problems.push(`${where(current)}: request leaves localhost: ${request.url()}`)
    }
  })
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`${where(current)}: console error (Slidev also preloads the next slides): ${message.text()}`)
  })
  page.on('pageerror', error => problems.push(`${where(current)}: page error: ${error.message}`))
  page.on('requestfailed', request => problems.push(`${where(current)}: request failed: ${request.url()}`))

  await page.goto(`${url}1`)
  // The kept checker: axe-core, put into the page once (slides change without a reload).
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))
  const total = await slideCount(page)
  current = 0 // about the deck, not a slide: listed first
  if (total !== sources.length && numbers.includes(1))
    problems.push(`the built deck has ${total} slides but the source has ${sources.length}`)
  let visited = 0
  const presentedNumbers = new Set(splitPresented(sources).presented.map(s => s.no))
  const room = {
    smallText: tagged<string>(() => current),
    prose: tagged<string>(() => current),
    lineBreaks: tagged<string>(() => current),
    hiddenWords: tagged<string>(() => current),
    ligatures: tagged<string>(() => current),
    stats: tagged<SlideRoomStats>(() => current),
  }
  for (const no of numbers) {
    current = no
    try {
      await gotoSlide(page, no)
    }
    catch (error) {
      problems.push(`${where(no)}: did not finish rendering (${(error as Error).message.split('\n')[0]})`)
      continue
    }
    visited++
    const findings = await measureSlide(page, no)
    const source = sources[no - 1]
    const expectedMermaid = source ? (source.content.match(/^```mermaid/gm) ?? []).length : 0
    if (findings.mermaidSvgs < expectedMermaid)
      problems.push(`${where(no)}: ${expectedMermaid} Mermaid block(s) in the source but ${findings.mermaidSvgs} rendered as SVG`)
    const report = (what: string, items: string[]) => {
      if (items.length)
        problems.push(`${where(no)}: ${what}: ${items.slice(0, 3).join('; ')}${items.length > 3 ? ` (and ${items.length - 3} more)` : ''}`)
    }
    report('spills past the slide', findings.overflow)
    report('content clipped or scrolling', findings.clipped)
    report(`low contrast in ${colorScheme} mode`, findings.lowContrast)
    report('broken image', findings.brokenImages)
    report('font failed to load', findings.failedFonts)
    report('error shown on the slide', findings.shownErrors)
    report(`accessibility (axe-core, WCAG 2.2 AA, ${colorScheme} mode)`, await axeViolations(page, no))
    const noted = source ? notedClicks(source.note) : 0
    if (source && noted !== findings.clicksTotal)
      problems.push(`${where(no)}: has ${findings.clicksTotal} click(s) but its notes' [click] markers reach click ${noted}`)
    if (options.room) {
      const presented = presentedNumbers.has(no)
      const floor = presented ? TEXT_FLOOR_PX.presented : TEXT_FLOOR_PX.backup
      const measured = await measureRoom(page, no, floor)
      room.stats.push({ no, presented, prose: measured.prose, smallestPx: measured.smallestPx, smallText: measured.smallText })
      const list = (items: string[]) => `${items.slice(0, 4).join('; ')}${items.length > 4 ? ` (and ${items.length - 4} more)` : ''}`
      if (measured.smallText.length)
        room.smallText.push(`${where(no)}: text below ${floor}px on the canvas: ${list(measured.smallText)}`)
      if (measured.ligatures.length)
        room.ligatures.push(`${where(no)}: code rendered with ligatures: ${list(measured.ligatures)}`)
      if (presented) {
        if (measured.prose > PROSE_LIMIT)
          room.prose.push(`${where(no)}: ${measured.prose} characters of prose (at most ${PROSE_LIMIT}): "${measured.proseSample}…"`)
        if (measured.lineBreaks.length)
          room.lineBreaks.push(`${where(no)}: line break inside ${list(measured.lineBreaks)}`)
        if (measured.hiddenWords.length)
          room.hiddenWords.push(`${where(no)}: shows ${list(measured.hiddenWords)}`)
      }
    }
  }
  page.removeAllListeners() // closing aborts what is still loading: not a problem of the deck
  await context.close()
  return { total, problems: problems.items, externalRequests: externalRequests.items, visited, room: {
    smallText: room.smallText.items,
    prose: room.prose.items,
    lineBreaks: room.lineBreaks.items,
    hiddenWords: room.hiddenWords.items,
    ligatures: room.ligatures.items,
    stats: room.stats.items,
  } }
}

/** A list whose pushes remember the slide being checked, so shards merge back in slide order. */
function tagged<T>(slide: () => number): { items: Tagged<T>[], push: (...values: T[]) => void } {
  const items: Tagged<T>[] = []
  return { items, push: (...values) => items.push(...values.map(value => ({ no: slide(), value }))) }
}

interface RoomFindings {
  smallestPx: number | null
  smallText: string[]
  prose: number
  proseSample: string
  lineBreaks: string[]
  hiddenWords: string[]
  ligatures: string[]
}

/**
 * Measures slide `no` as the back row sees it. Text size is the rendered size on the canvas:
 * the computed font size times every scale between the text and the slide (CSS transform, the
 * `scale` property, zoom, an SVG viewBox), read from the SVG's screen matrix for SVG text and
 * walked up the tree for HTML; Mermaid's labels live in its host's shadow root and are included.
 */
async function measureRoom(page: Page, no: number, floorPx: number): Promise<RoomFindings> {
  return page.evaluate(([n, floor, hiddenWords]) => {
    const slide = document.querySelector(`.slidev-page-${n}`) as HTMLElement
    const snippet = (text: string) => text.trim().replace(/\s+/g, ' ').slice(0, 30)
    /** The element's parent, stepping out of a shadow root to its host. */
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)
    /** How much the element itself scales what it contains. */
    const ownScale = (el: Element) => {
      const style = getComputedStyle(el)
      let factor = 1
      if (style.transform && style.transform !== 'none') {
        const m = new DOMMatrixReadOnly(style.transform)
        factor *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c))
      }
      if (style.scale && style.scale !== 'none') {
        const [x, y = x] = style.scale.split(/\s+/).map(Number.parseFloat)
        factor *= Math.sqrt(Math.abs(x * y))
      }
      const zoom = Number.parseFloat(style.zoom)
      if (zoom > 0)
        factor *= zoom
      return factor
    }
    /** Scale from `el`'s CSS pixels to the screen, walking up to (and including) `stop`'s ancestors when `stop` is null. */
    const scaleBetween = (el: Element, stop: Element | null) => {
      let factor = 1
      for (let node: Element | null = el; node && node !== stop; node = parentOf(node))
        factor *= ownScale(node)
      return factor
    }
    const canvas = slide.parentElement!
    const canvasScale = scaleBetween(canvas, null)
    /** Rendered font size of the text in `el`, in canvas px. */
    const renderedSize = (el: Element) => {
      const fontSize = Number.parseFloat(getComputedStyle(el).fontSize)
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM()
        return m ? fontSize * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) / canvasScale : fontSize
      }
      // HTML inside an SVG (Mermaid's foreignObject labels): the SVG's matrix, then the HTML in between.
      let foreign: Element | null = null
      for (let node: Element | null = el; node && node !== slide; node = parentOf(node)) {
        if (node instanceof SVGForeignObjectElement) {
          foreign = node
          break
        }
      }
      if (foreign) {
        const m = (foreign as SVGGraphicsElement).getScreenCTM()
        const svgScale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1
        return fontSize * scaleBetween(el, foreign) * svgScale / canvasScale
      }
      return fontSize * scaleBetween(el, canvas)
    }
    const SKIP = new Set(['STYLE', 'SCRIPT', 'TITLE', 'DESC', 'DEFS', 'TEMPLATE', 'NOSCRIPT', 'style', 'script', 'title', 'desc', 'defs', 'metadata'])
    /** Visible text nodes under `root`, entering shadow roots (Mermaid renders into one). */
    const textNodes = (root: Node, out: Text[] = []) => {
      for (const child of root.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (child.textContent!.trim())
            out.push(child as Text)
        }
        else if (child instanceof Element) {
          if (SKIP.has(child.tagName))
            continue
          if (child.shadowRoot)
            textNodes(child.shadowRoot, out)
          textNodes(child, out)
        }
      }
      return out
    }
    const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      && el.getClientRects().length > 0
    const describe = (el: Element, text: string) => `<${el.tagName.toLowerCase()}> "${snippet(text)}"`

    const findings = {
      smallestPx: null as number | null,
      smallText: [] as string[],
      prose: 0,
      proseSample: '',
      lineBreaks: [] as string[],
      hiddenWords: [] as string[],
      ligatures: [] as string[],
    }
    const measured = new Set<Element>()
    for (const node of textNodes(slide)) {
      const el = node.parentElement
      if (!el || !shown(el))
        continue
      const text = node.textContent!
      if (!measured.has(el)) {
        measured.add(el)
        const size = renderedSize(el)
        findings.smallestPx = Math.min(findings.smallestPx ?? size, size)
        if (size < floor - 0.05)
          findings.smallText.push(`${describe(el, el.textContent ?? text)} at ${size.toFixed(1)}px`)
      }
      // Prose: what the audience has to read, outside the title, diagrams, charts and code.
      if (!el.closest('h1, .mermaid, svg, pre, code, [data-chart]') && el.getRootNode() === document) {
        const letters = text.replace(/\s+/g, '')
        findings.prose += letters.length
        if (findings.proseSample.length < 40)
          findings.proseSample += letters.slice(0, 40 - findings.proseSample.length)
      }
      for (const word of hiddenWords) {
        if (text.includes(word))
          findings.hiddenWords.push(`「${word}」 in ${describe(el, text)}`)
      }
      // A name, date or number must sit on one line: its client rects must share one line box.
      for (const match of text.matchAll(/[A-Z0-9][\w.+%–-]*[\w%]/gi)) {
        if (!/[\d.–-]/.test(match[0]))
          continue
        const range = document.createRange()
        range.setStart(node, match.index)
        range.setEnd(node, match.index + match[0].length)
        const rects = [...range.getClientRects()].filter(r => r.width > 0.5 && r.height > 0.5)
        const tops = rects.map(r => r.top)
        const bottoms = rects.map(r => r.bottom)
        if (rects.length > 1 && Math.min(...bottoms) - 1 <= Math.max(...tops))
          findings.lineBreaks.push(`「${match[0]}」 in ${describe(el, text)}`)
      }
    }
    // Code must show `=>` as typed: ligatures and contextual alternates (JetBrains Mono's) off.
    for (const code of slide.querySelectorAll('.slidev-code')) {
      for (const el of [code, ...code.querySelectorAll('*')]) {
        const style = getComputedStyle(el)
        const variant = style.fontVariantLigatures
        const features = style.fontFeatureSettings
        const offByVariant = variant === 'none' || (variant.includes('no-common-ligatures') && variant.includes('no-contextual'))
        const offByFeatures = /"liga" 0/.test(features) && /"calt" 0/.test(features)
        if (!offByVariant && !offByFeatures) {
          findings.ligatures.push(`${describe(el, el.textContent ?? '')}: font-variant-ligatures ${variant}, font-feature-settings ${features}`)
          break
        }
      }
    }
    return findings
  }, [no, floorPx, [...HIDDEN_WORDS]] as const)
}

async function measureSlide(page: Page, no: number): Promise<SlideFindings> {
  return page.evaluate((n) => {
    const slide = document.querySelector(`.slidev-page-${n}`) as HTMLElement
    const box = slide.getBoundingClientRect()
    const tolerance = 1.5
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''
      return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ''}`
    }
    const visible = (el: Element) => {
      const style = getComputedStyle(el)
      return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0.05
    }
    const parseColor = (value: string): [number, number, number, number] | undefined => {
      const m = value.match(/rgba?\(([^)]+)\)/)
      if (!m)
        return undefined
      const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number)
      return [parts[0], parts[1], parts[2], parts[3] ?? 1]
    }
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const backgroundOf = (el: Element): number[] => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const color = parseColor(getComputedStyle(node).backgroundColor)
        if (color && color[3] > 0.5)
          return color
      }
      return parseColor(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1]
    }

    const findings = {
      mermaidSvgs: 0,
      overflow: [] as string[],
      clipped: [] as string[],
      lowContrast: [] as string[],
      brokenImages: [] as string[],
      failedFonts: [] as string[],
      shownErrors: [...slide.querySelectorAll('[role="alert"]')].map(el => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 160)),
      clicksTotal: window.__deckNav?.clicksTotal ?? 0,
    }

    for (const host of slide.querySelectorAll('.mermaid')) {
      const svg = host.shadowRoot?.querySelector('svg')
      if (svg) {
        findings.mermaidSvgs++
        const r = svg.getBoundingClientRect()
        if (r.right > box.right + tolerance || r.bottom > box.bottom + tolerance || r.left < box.left - tolerance || r.top < box.top - tolerance)
          findings.overflow.push(`Mermaid diagram ${Math.round(r.width)}×${Math.round(r.height)} at (${Math.round(r.left - box.left)}, ${Math.round(r.top - box.top)})`)
      }
    }

    const reported = new Set<Element>()
    for (const el of slide.querySelectorAll('*')) {
      if (!visible(el) || el.closest('.slidev-layout-ignore'))
        continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0)
        continue
      const out = r.right > box.right + tolerance || r.bottom > box.bottom + tolerance || r.left < box.left - tolerance || r.top < box.top - tolerance
      // Report the outermost element that spills, not each of its children.
      if (out && ![...reported].some(parent => parent.contains(el))) {
        reported.add(el)
        findings.overflow.push(`${describe(el)} reaches (${Math.round(r.right - box.left)}, ${Math.round(r.bottom - box.top)})`)
      }
      const style = getComputedStyle(el)
      const clips = /hidden|auto|scroll|clip/.test(style.overflowX + style.overflowY)
      if (clips && el instanceof HTMLElement && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2))
        findings.clipped.push(`${describe(el)} holds ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`)
      if (el instanceof HTMLImageElement && (!el.complete || el.naturalWidth === 0))
        findings.brokenImages.push(el.src)

      const ownText = [...el.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())
      if (!ownText || el instanceof SVGElement)
        continue
      const fg = parseColor(style.color)
      if (fg && fg[3] > 0.3) {
        const bg = backgroundOf(el)
        const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a)
        const ratio = (l1 + 0.05) / (l2 + 0.05)
        if (ratio < 3)
          findings.lowContrast.push(`${describe(el)} ratio ${ratio.toFixed(2)}`)
      }
    }
    for (const face of document.fonts) {
      if (face.status === 'error')
        findings.failedFonts.push(`${face.family} ${face.unicodeRange.slice(0, 30)}`)
    }
    return findings
  }, no)
}
