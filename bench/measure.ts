/// <reference path="../setup/root.ts" />
/**
 * What the audience's browser pays for a built deck: first slide load, keyboard navigation
 * through every slide and click, and the JS heap afterwards. All timing is read inside the page
 * (performance.now(), event timestamps), so the Playwright round trip is not counted.
 */
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Spread } from './stats'
import { settleSlide, slideCount } from '../scripts/slide-page'
import { median, round, spread } from './stats'

export const VIEWPORT = { width: 1280, height: 720 } as const

declare global {
  interface Window {
    /** performance.now() when the first slide was painted with fonts ready (set by the bench). */
    __benchReady?: number
    /** event.timeStamp of the last keydown (set by the bench). */
    __benchKeyAt?: number
    /** performance.now() when the awaited slide/click was settled (set by the bench). */
    __benchSettledAt?: number
    __benchError?: string
  }
}

/**
 * A fresh context for one measurement. tsx compiles with esbuild `keepNames`, which wraps inner
 * functions in `__name(...)`; functions sent to the page need that helper there too.
 */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' })
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  return context
}

/* ------------------------------------------------------------------ first load */

/**
 * Installed before any page script: marks the moment slide 1 is on screen, finished (no
 * loading placeholder, Mermaid rendered into its shadow root) and painted with its fonts.
 */
export function watchFirstSlide(): void {
  performance.setResourceTimingBufferSize(10_000)
  const slideDone = (): boolean => {
    if (window.__deckNav?.currentSlideNo !== 1)
      return false
    const root = document.querySelector<HTMLElement>('.slidev-page-1')
    if (!root || root.querySelector('.slidev-slide-loading') || !root.checkVisibility())
      return false
    const box = root.getBoundingClientRect() // forces layout, which starts the font loads it needs
    return box.width > 0 && [...root.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
  }
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve))
  void (async () => {
    while (true) {
      await frame()
      if (!slideDone())
        continue
      await document.fonts.ready
      await frame()
      if (slideDone() && document.fonts.status === 'loaded') {
        window.__benchReady = performance.now()
        return
      }
    }
  })()
}

export interface Traffic {
  requests: number
  bytes: number
  jsBytes: number
}

export interface FirstLoad {
  /** Measured loads (after one warm-up load), each in a fresh browser context. */
  loads: number
  /** Median ms from navigation start to slide 1 painted with fonts ready. */
  readyMs: number
  readyMsEach: number[]
  /** Requests started before that moment (median over loads). */
  untilReady: Traffic
  /** Everything fetched until the network is idle (Slidev preloads the next slides). */
  untilIdle: Traffic
}

async function loadOnce(browser: Browser, url: string): Promise<{ readyMs: number, untilReady: Traffic, untilIdle: Traffic }> {
  const context = await newContext(browser)
  try {
    await context.addInitScript(watchFirstSlide)
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 60_000, polling: 100 })
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {})
    return await page.evaluate(() => {
      const ready = window.__benchReady!
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const entries = [
        { name: nav.name, startTime: 0, transferSize: nav.transferSize },
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]),
      ]
      const sum = (list: typeof entries) => ({
        requests: list.length,
        bytes: list.reduce((n, e) => n + e.transferSize, 0),
        jsBytes: list.filter(e => ['.js', '.mjs'].some(ext => new URL(e.name).pathname.endsWith(ext))).reduce((n, e) => n + e.transferSize, 0),
      })
      return { readyMs: ready, untilReady: sum(entries.filter(e => e.startTime <= ready)), untilIdle: sum(entries) }
    })
  }
  finally {
    await context.close()
  }
}

function medianTraffic(list: Traffic[]): Traffic {
  return {
    requests: median(list.map(t => t.requests)),
    bytes: median(list.map(t => t.bytes)),
    jsBytes: median(list.map(t => t.jsBytes)),
  }
}

export async function measureFirstLoad(browser: Browser, url: string, loads: number): Promise<FirstLoad> {
  await loadOnce(browser, url) // warm-up: server, OS file cache, browser process
  const runs = []
  for (let i = 0; i < loads; i++)
    runs.push(await loadOnce(browser, url))
  return {
    loads,
    readyMs: round(median(runs.map(r => r.readyMs))),
    readyMsEach: runs.map(r => round(r.readyMs)),
    untilReady: medianTraffic(runs.map(r => r.untilReady)),
    untilIdle: medianTraffic(runs.map(r => r.untilIdle)),
  }
}

/* ------------------------------------------------------------------ navigation */

export interface NavStep {
  /** Slide and click reached by this key press. */
  no: number
  clicks: number
  kind: 'text' | 'diagram'
  ms: number
}

export interface Navigation {
  slides: number
  /** Key presses from slide 1 (no clicks) to the last click of the last slide. */
  steps: number
  totalMs: number
  all: Spread
  text: Spread
  diagram: Spread
  /** Slide numbers counted as diagram slides (a Mermaid host or an SVG chart on them). */
  diagramSlides: number[]
  slowest: NavStep[]
  /** JS heap after visiting every slide, before and after a forced garbage collection. */
  heap: { usedBytes: number, usedBytesAfterGc: number }
  errors: string[]
}

/** Watches, from before the key press, for slide `no` at click `clicks` to be settled. */
function armSettleWatch([no, clicks, timeout]: [number, number, number]): void {
  window.__benchKeyAt = undefined
  window.__benchSettledAt = undefined
  window.__benchError = undefined
  const started = performance.now()
  const settled = (): boolean => {
    const nav = window.__deckNav
    if (!nav || nav.currentSlideNo !== no || nav.clicks !== clicks)
      return false
    const root = document.querySelector(`.slidev-page-${no}`)
    if (!root || root.querySelector('.slidev-slide-loading'))
      return false
    return [...root.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
  }
  const tick = () => {
    if (window.__benchKeyAt !== undefined && settled()) {
      window.__benchSettledAt = performance.now()
      return
    }
    if (performance.now() - started > timeout) {
      const nav = window.__deckNav
      window.__benchError = `expected slide ${no} click ${clicks}, still at slide ${nav?.currentSlideNo} click ${nav?.clicks}`
      return
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** True when the current slide shows a Mermaid diagram or an SVG chart (icons do not count). */
function isDiagramSlide(no: number): boolean {
  const root = document.querySelector(`.slidev-page-${no}`)
  if (!root)
    return false
  if (root.querySelector('.mermaid'))
    return true
  return [...root.querySelectorAll('svg')].some((svg) => {
    const box = svg.getBoundingClientRect()
    return box.width >= 100 && box.height >= 60
  })
}

/** Waits until no CSS transition/animation is running (the slide transition), at most `cap` ms. */
async function waitAnimationsDone(page: Page, cap = 1500): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    null,
    { timeout: cap, polling: 50 },
  ).catch(() => {})
}

async function navState(page: Page) {
  return page.evaluate(() => {
    const nav = window.__deckNav!
    return { no: nav.currentSlideNo, clicks: nav.clicks, clicksTotal: nav.clicksTotal, total: nav.total }
  })
}

export async function measureNavigation(browser: Browser, url: string, stepTimeout = 20_000): Promise<Navigation> {
  const context = await newContext(browser)
  const errors: string[] = []
  try {
    const page = await context.newPage()
    page.on('pageerror', error => errors.push(`page error: ${error.message}`))
    await page.addInitScript(() => {
      window.addEventListener('keydown', (event) => {
        window.__benchKeyAt = event.timeStamp
      }, { capture: true })
    })
    await page.goto(url)
    const total = await slideCount(page)
    await settleSlide(page, 1)
    const steps: NavStep[] = []
    const diagramSlides = new Set<number>()
    if (await page.evaluate(isDiagramSlide, 1))
      diagramSlides.add(1)
    const started = Date.now()
    for (let guard = 0; guard < total * 50; guard++) {
      const state = await navState(page)
      if (state.no >= state.total && state.clicks >= state.clicksTotal)
        break
      const target = state.clicks < state.clicksTotal
        ? { no: state.no, clicks: state.clicks + 1 }
        : { no: state.no + 1, clicks: 0 }
      await page.evaluate(armSettleWatch, [target.no, target.clicks, stepTimeout] as [number, number, number])
      await page.keyboard.press('ArrowRight')
      await page.waitForFunction(() => window.__benchSettledAt !== undefined || window.__benchError !== undefined, null, { timeout: stepTimeout + 5_000, polling: 'raf' })
      const outcome = await page.evaluate(() => ({ keyAt: window.__benchKeyAt, settledAt: window.__benchSettledAt, error: window.__benchError }))
      if (outcome.error || outcome.keyAt === undefined || outcome.settledAt === undefined) {
        errors.push(outcome.error ?? `slide ${target.no} click ${target.clicks}: key press not seen`)
        await waitAnimationsDone(page)
        const now = await navState(page)
        if (now.no < state.no || (now.no === state.no && now.clicks <= state.clicks)) {
          errors.push(`navigation stuck at slide ${now.no} click ${now.clicks}: walk abandoned`)
          break
        }
        continue
      }
      const kind = (diagramSlides.has(target.no) || await page.evaluate(isDiagramSlide, target.no)) ? 'diagram' : 'text'
      if (kind === 'diagram')
        diagramSlides.add(target.no)
      steps.push({ ...target, kind, ms: round(outcome.settledAt - outcome.keyAt) })
      await waitAnimationsDone(page)
    }
    const totalMs = Date.now() - started

    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const heapUsed = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
    }
    const usedBytes = await heapUsed()
    await cdp.send('HeapProfiler.collectGarbage')
    const usedBytesAfterGc = await heapUsed()

    const ms = (kind?: NavStep['kind']) => steps.filter(s => !kind || s.kind === kind).map(s => s.ms)
    return {
      slides: total,
      steps: steps.length,
      totalMs,
      all: spread(ms()),
      text: spread(ms('text')),
      diagram: spread(ms('diagram')),
      diagramSlides: [...diagramSlides].sort((a, b) => a - b),
      slowest: [...steps].sort((a, b) => b.ms - a.ms).slice(0, 5),
      heap: { usedBytes, usedBytesAfterGc },
      errors,
    }
  }
  finally {
    await context.close()
  }
}
