/// <reference path="../setup/root.ts" />
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-chromium'

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
 * Waits until slide `no` is on screen and finished: route reached, lazy parts loaded,
 * every Mermaid block rendered (it lives in a shadow root), fonts ready.
 */
export async function settleSlide(page: Page, no: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(n => window.__deckNav?.currentSlideNo === n, no, { timeout })
  await page.locator(`.slidev-page-${no}`).first().waitFor({ timeout })
  await page.waitForFunction((n) => {
    const root = document.querySelector(`.slidev-page-${n}`)
    if (!root || root.querySelector('.slidev-slide-loading'))
      return false
    // Each Mermaid host holds its SVG in a shadow root; Slidev shows a <pre> on error instead.
    return [...root.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
  }, no, { timeout })
  await page.evaluate(() => document.fonts.ready)
  // Boxes are measured where they will stay: after the slide transition (started by the next frame)
  // and any finite animation have finished. Looping ones (a pulsing dot) never finish and do not count.
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await page.waitForFunction(() => document.getAnimations().every(animation =>
    animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity), null, { timeout, polling: 'raf' })
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
