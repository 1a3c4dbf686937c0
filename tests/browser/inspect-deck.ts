/// <reference path="../../setup/root.ts" />
import type { Browser, Page } from 'playwright-chromium'
import type { SlideSource } from '../../scripts/deck-source'
import { describeSlide } from '../../scripts/deck-source'
import { gotoSlide, newDeckContext, slideCount } from '../../scripts/slide-page'

export interface InspectOptions {
  browser: Browser
  /** Base URL of the served deck, ending in `/`. */
  url: string
  sources: SlideSource[]
  colorScheme: 'light' | 'dark'
  /** Only these slide numbers (default: all). */
  only?: number[]
}

export interface DeckReport {
  total: number
  problems: string[]
  /** Requests that left localhost (should be none). */
  externalRequests: string[]
  mermaidSvgs: number
  visited: number
}

/** What a person would see wrong on one slide, measured in the page. */
interface SlideFindings {
  mermaidHosts: number
  mermaidSvgs: number
  mermaidErrors: string[]
  overflow: string[]
  clipped: string[]
  lowContrast: string[]
  tinyText: string[]
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
 * Visits every slide with all clicks revealed and reports, naming the slide's file and number:
 * console and page errors, Mermaid blocks that did not become SVG (or show Mermaid's error),
 * elements that spill past the canvas or are clipped, unreadable contrast or tiny text,
 * broken images, fonts that failed, slides with clicks but no [click] in the notes, and any
 * request that leaves localhost.
 */
export async function inspectDeck(options: InspectOptions): Promise<DeckReport> {
  const { browser, url, sources, colorScheme } = options
  const context = await newDeckContext(browser, { colorScheme })
  const page = await context.newPage()
  const problems: string[] = []
  const externalRequests: string[] = []
  let current = 0
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
  const total = await slideCount(page)
  if (total !== sources.length)
    problems.push(`the built deck has ${total} slides but the source has ${sources.length}`)
  let mermaidSvgs = 0
  let visited = 0
  const numbers = options.only ?? Array.from({ length: total }, (_, i) => i + 1)
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
    mermaidSvgs += findings.mermaidSvgs
    const source = sources[no - 1]
    const expectedMermaid = source ? (source.content.match(/^```mermaid/gm) ?? []).length : 0
    if (findings.mermaidSvgs < expectedMermaid)
      problems.push(`${where(no)}: ${expectedMermaid} Mermaid block(s) in the source but ${findings.mermaidSvgs} rendered as SVG`)
    for (const message of findings.mermaidErrors)
      problems.push(`${where(no)}: Mermaid error: ${message}`)
    const report = (what: string, items: string[]) => {
      if (items.length)
        problems.push(`${where(no)}: ${what}: ${items.slice(0, 3).join('; ')}${items.length > 3 ? ` (and ${items.length - 3} more)` : ''}`)
    }
    report('spills past the slide', findings.overflow)
    report('content clipped or scrolling', findings.clipped)
    report(`low contrast in ${colorScheme} mode`, findings.lowContrast)
    report('text too small to read', findings.tinyText)
    report('broken image', findings.brokenImages)
    report('font failed to load', findings.failedFonts)
    report('error shown on the slide', findings.shownErrors)
    if (findings.clicksTotal > 0 && source && !/\[click(?::\d+)?\]/.test(source.note))
      problems.push(`${where(no)}: has ${findings.clicksTotal} click(s) but its notes have no [click] marker`)
  }
  await context.close()
  return { total, problems, externalRequests, mermaidSvgs, visited }
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
      mermaidHosts: 0,
      mermaidSvgs: 0,
      mermaidErrors: [] as string[],
      overflow: [] as string[],
      clipped: [] as string[],
      lowContrast: [] as string[],
      tinyText: [] as string[],
      brokenImages: [] as string[],
      failedFonts: [] as string[],
      shownErrors: [...slide.querySelectorAll('[role="alert"]')].map(el => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 160)),
      clicksTotal: window.__deckNav?.clicksTotal ?? 0,
    }

    for (const host of slide.querySelectorAll('.mermaid')) {
      findings.mermaidHosts++
      const svg = host.shadowRoot?.querySelector('svg')
      if (svg) {
        findings.mermaidSvgs++
        const text = svg.textContent ?? ''
        if (/Syntax error|Parse error/i.test(text))
          findings.mermaidErrors.push(text.trim().slice(0, 120))
        const r = svg.getBoundingClientRect()
        if (r.right > box.right + tolerance || r.bottom > box.bottom + tolerance || r.left < box.left - tolerance || r.top < box.top - tolerance)
          findings.overflow.push(`Mermaid diagram ${Math.round(r.width)}×${Math.round(r.height)} at (${Math.round(r.left - box.left)}, ${Math.round(r.top - box.top)})`)
      }
    }
    // Slidev replaces a diagram that fails to parse with a red <pre> holding the error.
    for (const pre of slide.querySelectorAll('pre.text-wrap'))
      findings.mermaidErrors.push((pre.textContent ?? '').trim().slice(0, 160))

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
      const size = Number.parseFloat(style.fontSize)
      if (size < 11.5)
        findings.tinyText.push(`${describe(el)} at ${size}px`)
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
