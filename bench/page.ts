/// <reference path="../setup/root.ts" />
/** What the audience's browser pays, timed inside the page so the Playwright round trip is not counted. */
import type { Browser, Page } from 'playwright-chromium'
import { newDeckContext, settleSlide, slideCount } from '../scripts/slide-page'

export const VIEWPORT = { width: 1280, height: 720 } as const

declare global {
  interface Window {
    __bench?: {
      /** performance.now() when slide 1 was painted, settled, with its fonts loaded. */
      ready?: number
      /** event.timeStamp of the last keydown. */
      keyAt?: number
      settled: (no: number, clicks?: number) => boolean
    }
  }
}

/**
 * Installed before any page script. A slide is settled when it is current at the expected click,
 * visible, past Slidev's loading placeholder, and every Mermaid host holds its SVG (in a shadow root).
 */
function installProbe(): void {
  performance.setResourceTimingBufferSize(10_000)
  const probe: NonNullable<Window['__bench']> = {
    settled: (no, clicks) => {
      const nav = window.__deckNav
      const root = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
      if (nav?.currentSlideNo !== no || (clicks !== undefined && nav.clicks !== clicks) || !root?.checkVisibility() || root.querySelector('.slidev-slide-loading'))
        return false
      // Reading the box forces layout, which starts the font loads the slide needs.
      return root.getBoundingClientRect().width > 0 && [...root.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
    },
  }
  window.__bench = probe
  window.addEventListener('keydown', event => probe.keyAt = event.timeStamp, { capture: true })
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve))
  void (async () => {
    while (probe.ready === undefined) {
      await frame()
      if (!probe.settled(1))
        continue
      await document.fonts.ready
      await frame()
      if (probe.settled(1) && document.fonts.status === 'loaded')
        probe.ready = performance.now()
    }
  })()
}

/** A fresh context (empty cache) with the probe installed. */
export async function probeContext(browser: Browser) {
  const context = await newDeckContext(browser, { viewport: VIEWPORT, colorScheme: 'light' })
  await context.addInitScript(installProbe)
  return context
}

/** Opens `url` (slide 1) and returns ms from navigation start until it is painted with fonts ready. */
export async function firstSlidePainted(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 60_000, polling: 50 })
  return page.evaluate(() => window.__bench!.ready!)
}

/** One load in a fresh context: time to painted, and what was fetched until then and until idle. */
export async function loadOnce(browser: Browser, url: string) {
  const context = await probeContext(browser)
  try {
    const page = await context.newPage()
    const readyMs = await firstSlidePainted(page, url)
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {})
    return { readyMs, ...await page.evaluate((ready) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const entries = [{ name: nav.name, startTime: 0, transferSize: nav.transferSize }, ...performance.getEntriesByType('resource') as PerformanceResourceTiming[]]
      const sum = (list: typeof entries) => ({
        requests: list.length,
        bytes: list.reduce((n, e) => n + e.transferSize, 0),
        jsBytes: list.filter(e => /\.m?js$/.test(new URL(e.name).pathname)).reduce((n, e) => n + e.transferSize, 0),
      })
      // Transfer sizes are uncompressed: the static server does not compress.
      return { untilReady: sum(entries.filter(e => e.startTime <= ready)), untilIdle: sum(entries) }
    }, readyMs) }
  }
  finally {
    await context.close()
  }
}

/** True when slide `no` shows a Mermaid diagram or an SVG chart (icons do not count). */
function isDiagramSlide(no: number): boolean {
  const root = document.querySelector(`.slidev-page-${no}`)
  return Boolean(root?.querySelector('.mermaid')) || [...root?.querySelectorAll('svg') ?? []].some((svg) => {
    const box = svg.getBoundingClientRect()
    return box.width >= 100 && box.height >= 60
  })
}

/**
 * From slide 1, → until the last click of the last slide. Each step runs from the keydown's
 * timestamp to the first frame the target slide and click are settled; the slide transition runs
 * out before the next press. Then the tab's JS heap after a forced garbage collection.
 */
export async function walkDeck(browser: Browser, url: string, timeout = 20_000) {
  const context = await probeContext(browser)
  const walk = { slides: 0, steps: [] as { no: number, clicks: number, diagram: boolean, ms: number }[], totalMs: 0, heapAfterGc: Number.NaN, errors: [] as string[] }
  try {
    const page = await context.newPage()
    page.on('pageerror', error => walk.errors.push(`page error: ${error.message}`))
    await page.goto(url)
    walk.slides = await slideCount(page)
    await settleSlide(page, 1)
    const state = () => page.evaluate(() => ({ no: window.__deckNav!.currentSlideNo, clicks: window.__deckNav!.clicks, clicksTotal: window.__deckNav!.clicksTotal }))
    const diagrams = new Set<number>()
    const started = Date.now()
    for (let at = await state(); at.no < walk.slides || at.clicks < at.clicksTotal; at = await state()) {
      const target = at.clicks < at.clicksTotal ? { no: at.no, clicks: at.clicks + 1 } : { no: at.no + 1, clicks: 0 }
      await page.evaluate(() => window.__bench!.keyAt = undefined)
      // Checked every animation frame from before the press: ms from the keydown to the first settled frame.
      const settled = page.waitForFunction(([no, clicks]) => {
        const probe = window.__bench!
        return probe.keyAt !== undefined && probe.settled(no, clicks) && performance.now() - probe.keyAt
      }, [target.no, target.clicks] as const, { polling: 'raf', timeout })
      await page.keyboard.press('ArrowRight')
      const ms = await settled.then(handle => handle.jsonValue() as Promise<number>, () => undefined)
      await page.waitForFunction(() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 1500, polling: 50 }).catch(() => {})
      if (ms === undefined) {
        const after = await state()
        walk.errors.push(`expected slide ${target.no} click ${target.clicks}, still at slide ${after.no} click ${after.clicks}`)
        if (after.no < at.no || (after.no === at.no && after.clicks <= at.clicks)) {
          walk.errors.push(`navigation stuck: walk abandoned`)
          break
        }
        continue
      }
      if (diagrams.has(target.no) || await page.evaluate(isDiagramSlide, target.no))
        diagrams.add(target.no)
      walk.steps.push({ ...target, diagram: diagrams.has(target.no), ms: Math.round(ms * 10) / 10 })
    }
    walk.totalMs = Date.now() - started
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    walk.heapAfterGc = (await cdp.send('Performance.getMetrics')).metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
    return walk
  }
  finally {
    await context.close()
  }
}

/**
 * `npm run present`'s presenter (1440×900) and projector opened together: ms until a → pressed in
 * the presenter (every 100 ms until one lands) shows in both windows.
 */
export async function bothWindowsTakeInput(browser: Browser, urls: { presenter: string, audience: string }): Promise<number> {
  const context = await newDeckContext(browser, { viewport: VIEWPORT })
  try {
    const [presenter, audience] = [await context.newPage(), await context.newPage()]
    await presenter.setViewportSize({ width: 1440, height: 900 })
    const at = (page: Page) => page.evaluate(() => window.__deckNav ? `${window.__deckNav.currentSlideNo}.${window.__deckNav.clicks}` : '')
    const started = Date.now()
    await Promise.all([presenter.goto(urls.presenter, { waitUntil: 'commit' }), audience.goto(urls.audience, { waitUntil: 'commit' })])
    await presenter.waitForFunction(() => window.__deckNav?.currentSlideNo === 1, null, { timeout: 60_000, polling: 20 })
    const before = await at(presenter)
    while (await at(presenter) === before) {
      await presenter.keyboard.press('ArrowRight')
      await presenter.waitForTimeout(100)
    }
    const moved = await at(presenter)
    await audience.waitForFunction(target => window.__deckNav && `${window.__deckNav.currentSlideNo}.${window.__deckNav.clicks}` === target, moved, { timeout: 60_000, polling: 20 })
    return Date.now() - started
  }
  finally {
    await context.close()
  }
}
