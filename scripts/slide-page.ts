/// <reference path="../setup/root.ts" />
import type { Page } from 'playwright-chromium'

/** Number of slides the running deck has (Slidev exposes it on the nav). */
export async function slideCount(page: Page): Promise<number> {
  await page.waitForFunction(() => (window.__deckNav?.total ?? 0) > 0)
  return page.evaluate(() => window.__deckNav!.total)
}

/**
 * Waits until slide `no` is on screen and finished: route reached, lazy parts loaded,
 * every Mermaid block rendered (it lives in a shadow root), fonts ready.
 */
export async function settleSlide(page: Page, no: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(n => window.__deckNav?.currentSlideNo === n, no, { timeout })
  const slide = page.locator(`.slidev-page-${no}`).first()
  await slide.waitFor({ timeout })
  await page.waitForFunction((n) => {
    const root = document.querySelector(`.slidev-page-${n}`)
    if (!root || root.querySelector('.slidev-slide-loading'))
      return false
    // Each Mermaid host holds its SVG in a shadow root; Slidev shows a <pre> on error instead.
    return [...root.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
  }, no, { timeout })
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(300) // slide transition
}
