/// <reference path="../setup/root.ts" />
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request } from 'playwright-chromium'

/** Slidev's canvas size (headmatter `canvasWidth` default, 16:9). */
export const CANVAS = { width: 980, height: 552 } as const

/** Number of slides the running deck has. */
export async function slideCount(page: Page): Promise<number> {
  await page.waitForFunction(() => (window.__deckNav?.total ?? 0) > 0)
  return page.evaluate(() => window.__deckNav!.total)
}

/** Opens the slide a `routeAlias` points to and returns its number. */
export async function aliasSlideNo(page: Page, base: string, alias: string): Promise<number> {
  await page.goto(`${base}${alias}`)
  await page.waitForFunction(() => (window.__deckNav?.currentSlideNo ?? 0) > 1)
  return page.evaluate(() => window.__deckNav!.currentSlideNo)
}

/**
 * Requests each page has in flight, for `settleSlide`. A slide's lazy parts (Slidev loads the
 * Mermaid component and Mermaid itself on the first slide that has a diagram, the demos their code
 * and weights) arrive as requests: until they have, the slide is not finished even if every
 * diagram host already there has its SVG. Streams that never end (the sync relay's event stream,
 * the dev server's socket) do not count.
 */
const inFlight = new WeakMap<Page, Set<Request>>()

function trackRequests(page: Page): Set<Request> {
  let requests = inFlight.get(page)
  if (!requests) {
    const pending = new Set<Request>()
    page.on('request', (request) => {
      if (!['eventsource', 'websocket'].includes(request.resourceType()))
        pending.add(request)
    })
    page.on('requestfinished', request => pending.delete(request))
    page.on('requestfailed', request => pending.delete(request))
    inFlight.set(page, requests = pending)
  }
  return requests
}

/**
 * Waits until slide `no` is on screen and finished: route reached, lazy parts loaded (no request
 * in flight), every Mermaid block rendered (it lives in a shadow root), fonts ready, animations over.
 */
export async function settleSlide(page: Page, no: number, timeout = 15_000): Promise<void> {
  const requests = trackRequests(page)
  const deadline = Date.now() + timeout
  await page.waitForFunction(n => window.__deckNav?.currentSlideNo === n, no, { timeout })
  await page.locator(`.slidev-page-${no}`).first().waitFor({ timeout })
  const rendered = (n: number) => {
    const root = document.querySelector(`.slidev-page-${n}`)
    if (!root || root.querySelector('.slidev-slide-loading'))
      return false
    // Each Mermaid host holds its SVG in a shadow root; Slidev shows a <pre> on error instead.
    return [...root.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
  }
  // Twice over: a lazy component that arrives after the first pass (a diagram's host) is waited for.
  for (let pass = 0; pass < 2; pass++) {
    while (requests.size) {
      if (Date.now() > deadline)
        throw new Error(`slide ${no}: requests still in flight after ${timeout} ms: ${[...requests].slice(0, 3).map(r => r.url()).join(', ')}`)
      await page.waitForTimeout(20)
    }
    await page.waitForFunction(rendered, no, { timeout: Math.max(1, deadline - Date.now()) })
    await page.evaluate(() => document.fonts.ready)
    // Boxes are measured where they will stay: after the slide transition (started by the next frame)
    // and any finite animation have finished. Looping ones (a pulsing dot) never finish and do not count.
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await page.waitForFunction(() => document.getAnimations().every(animation =>
      animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity), null, { timeout: Math.max(1, deadline - Date.now()), polling: 'raf' })
  }
}

/** Goes to slide `no` inside the running app (no reload), all clicks revealed by default. */
export async function gotoSlide(page: Page, no: number, clicks = 999): Promise<void> {
  await page.evaluate(([n, c]) => window.__deckNav!.go(n, c), [no, clicks] as const)
  await settleSlide(page, no)
}

/**
 * A browser context for driving the deck. tsx compiles our functions with esbuild's keepNames,
 * which wraps them in `__name(...)`; functions passed to `page.evaluate` need that helper in the page.
 */
export async function newDeckContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: CANVAS, ...options })
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  context.on('page', page => trackRequests(page))
  return context
}

/** What a slide says to someone who cannot see it: its title and each figure's text alternative. */
export interface SlideAlternative {
  no: number
  title: string
  figures: string[]
}

/**
 * The slide's title and the text alternatives of its figures (`role="img"`, named by `aria-label`
 * or an SVG <title>: the charts, the hand-drawn diagrams, and the Mermaid diagrams inside their
 * shadow roots), read from
 * the rendered slide: the one source the PDF's /Alt, the handout's images and the pptx's picture
 * descriptions share. `root` finds the slide's element (`.slidev-page-N`, or a print page's).
 */
export async function slideAlternatives(page: Page, no: number, root = `.slidev-page-${no}`): Promise<SlideAlternative> {
  return page.evaluate(({ no, root }) => {
    const slide = document.querySelector(root)
    const scopes: ParentNode[] = slide ? [slide, ...[...slide.querySelectorAll('.mermaid')].flatMap(host => host.shadowRoot ? [host.shadowRoot] : [])] : []
    // An image's name: its aria-label, or an SVG's own <title> (the charts write theirs from the data).
    const figures = scopes.flatMap(scope => [...scope.querySelectorAll('[role="img"]')]
      .map(el => (el.getAttribute('aria-label') ?? el.querySelector(':scope > title')?.textContent ?? '').trim()))
    const title = window.__deckNav?.slides[no - 1]?.meta?.slide?.title ?? slide?.querySelector('h1')?.textContent?.trim() ?? ''
    return { no, title, figures: figures.filter(Boolean) }
  }, { no, root })
}

/** One sentence for a picture of the slide: 「第 N 页：title。figure；figure」. */
export function describeSlide({ no, title, figures }: SlideAlternative): string {
  return [`第 ${no} 页：${title || '（无标题）'}。`, figures.join('；')].filter(Boolean).join('')
}
