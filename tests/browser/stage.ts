/// <reference path="../../setup/root.ts" />
/**
 * The stage tests' shared moves: a presenter window (1440×900, the laptop) and an audience window
 * (1280×720, the projector) in one browser context, each window's positions in order, presses in
 * the presenter. Every wait is on the windows' state, never a fixed sleep, so a busy machine makes
 * a test slower, not flaky.
 */
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import assert from 'node:assert/strict'
import { networkInterfaces } from 'node:os'
import process from 'node:process'
import { newDeckContext } from '../../scripts/slide-page'

/** Slow steps (a dev server compiling on 2 busy cores) get minutes; nothing is expected to take them. */
export const SLOW = Number(process.env.STAGE_WAIT_MS) || 240_000
export const PRESENTER = { width: 1440, height: 900 }
export const AUDIENCE = { width: 1280, height: 720 }

export interface Position { no: number, clicks: number }
export const show = (p: Position) => `${p.no}.${p.clicks}`

/** Addresses that are this machine: anything else a page asks for has left it. */
export const OWN_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', ...Object.values(networkInterfaces()).flat().map(net => net!.family === 'IPv6' ? `[${net!.address}]` : net!.address)])

export interface Stage {
  context: BrowserContext
  presenter: Page
  audience: Page
  /** Every request the windows made, as method + URL. */
  requests: { page: 'presenter' | 'audience', method: string, url: string }[]
  /** Page loads and console lines of both windows, in order: what a failure report shows. */
  log: string[]
}

export async function openStage(browser: Browser): Promise<Stage> {
  const context = await newDeckContext(browser)
  const stage: Stage = { context, presenter: await context.newPage(), audience: await context.newPage(), requests: [], log: [] }
  await stage.presenter.setViewportSize(PRESENTER)
  await stage.audience.setViewportSize(AUDIENCE)
  const started = Date.now()
  for (const name of ['presenter', 'audience'] as const) {
    const page = stage[name]
    const note = (line: string) => stage.log.push(`${((Date.now() - started) / 1000).toFixed(1)} s ${name}: ${line}`)
    page.on('request', request => stage.requests.push({ page: name, method: request.method(), url: request.url() }))
    page.on('load', () => note(`loaded ${page.url()}`))
    page.on('console', message => note(`console.${message.type()} ${message.text().slice(0, 200)}`))
  }
  // Each window's positions from its first route on: the router is there once the deck's handle is.
  await context.addInitScript(() => {
    const record = () => {
      const nav = window.__deckNav as (typeof window.__deckNav & { router?: { afterEach: (fn: () => void) => void } }) | undefined
      if (!nav?.router)
        return setTimeout(record, 1)
      window.__stageHistory = [{ no: nav.currentSlideNo, clicks: nav.clicks }]
      nav.router.afterEach(() => window.__stageHistory!.push({ no: nav.currentSlideNo, clicks: nav.clicks }))
    }
    record()
  })
  return stage
}

/** A window is ready when its route is resolved, its view mounted and the current slide rendered. */
export async function ready(page: Page, view: 'presenter' | 'play'): Promise<void> {
  await page.waitForFunction((name) => {
    const nav = window.__deckNav as (typeof window.__deckNav & { currentRoute?: { name?: string } }) | undefined
    if (!nav || nav.currentRoute?.name !== name)
      return false
    const root = document.querySelector(name === 'presenter' ? '.slidev-presenter' : '#page-root')
    const slide = root?.querySelector(`.slidev-page-${nav.currentSlideNo}`)
    return Boolean(slide && !slide.querySelector('.slidev-slide-loading'))
  }, view, { timeout: SLOW, polling: 50 })
  // Every position the window takes from now on, in order (a bounce shows as a step back).
  await page.evaluate(() => window.__stageHistory?.splice(0))
}

export const position = (page: Page) => page.evaluate(() => ({ no: window.__deckNav!.currentSlideNo, clicks: window.__deckNav!.clicks }))
export const history = (page: Page) => page.evaluate(() => window.__stageHistory ?? [])

export async function waitForPosition(page: Page, expected: Position, what: string): Promise<void> {
  await page.waitForFunction(({ no, clicks }) => window.__deckNav?.currentSlideNo === no && window.__deckNav?.clicks === clicks, expected, { timeout: SLOW, polling: 50 })
    .catch(async () => assert.fail(`${what}: expected ${show(expected)}, stays at ${show(await position(page))}`))
}

/** Where one → from the presenter's current position must lead (Slidev's `next`). */
export async function oneStepOn(page: Page): Promise<Position> {
  await page.waitForFunction(() => {
    const slide = document.querySelector(`.slidev-presenter .slidev-page-${window.__deckNav!.currentSlideNo}`)
    return Boolean(slide && !slide.querySelector('.slidev-slide-loading'))
  }, null, { timeout: SLOW, polling: 50 })
  const { no, clicks, clicksTotal } = await page.evaluate(() => ({ no: window.__deckNav!.currentSlideNo, clicks: window.__deckNav!.clicks, clicksTotal: window.__deckNav!.clicksTotal }))
  return clicks < clicksTotal ? { no, clicks: clicks + 1 } : { no: no + 1, clicks: 0 }
}

/** Presses → in the presenter, each press as soon as the last one showed there; returns the path taken. */
export async function press(stage: Stage, times: number): Promise<Position[]> {
  const path: Position[] = []
  for (let i = 0; i < times; i++) {
    const expected = await oneStepOn(stage.presenter)
    await stage.presenter.keyboard.press('ArrowRight')
    await waitForPosition(stage.presenter, expected, `presenter after press ${i + 1}`)
    path.push(expected)
  }
  return path
}

/**
 * The audience only ever moves forward along the presenter's path (from where it started; Slidev
 * may re-enter that position once more as the state arrives), and ends where it ends.
 */
export async function assertFollowed(stage: Stage, from: Position, path: Position[]) {
  const last = path.at(-1)!
  await waitForPosition(stage.audience, last, 'audience after the presses')
  const seen = (await history(stage.audience)).map(show)
  const steps = [from, ...path].map(show)
  let cursor = 0
  for (const step of seen) {
    cursor = steps.indexOf(step, cursor)
    assert.ok(cursor >= 0, `audience went ${seen.join(' → ')}, not forward along the presenter's ${steps.join(' → ')}`)
  }
}

declare global {
  interface Window { __stageHistory?: Position[] }
}

/** The whole flow: open both windows, five presses right after load, reopen each window mid-talk. */
export async function stayInStep(browser: Browser, urls: { presenter: string, audience: string }) {
  const stage = await openStage(browser)
  try {
    await stayInStepOn(stage, urls)
  }
  catch (error) {
    // Which window loaded when, and what the pages said: a reload mid-press shows here.
    throw new Error(`${(error as Error).message}\nwhat the windows did:\n${stage.log.slice(-60).join('\n')}`, { cause: error })
  }
  finally {
    await stage.context.close()
  }
}

export async function stayInStepOn(stage: Stage, urls: { presenter: string, audience: string }) {
  await stage.presenter.goto(urls.presenter)
  await stage.audience.goto(urls.audience)
  await ready(stage.presenter, 'presenter')
  await ready(stage.audience, 'play')
  const start = await position(stage.presenter)

  const path = await press(stage, 5)
  assert.deepEqual((await history(stage.presenter)).map(show), path.map(show), 'every press moved the presenter one step, none lost, none bounced')
  await assertFollowed(stage, start, path)
  const here = path.at(-1)!
  assert.notDeepEqual(here, start)

  // The projector window reopened at the address on the README: it joins, and moves nobody.
  await stage.audience.goto(urls.audience)
  await ready(stage.audience, 'play')
  await waitForPosition(stage.audience, here, 'reopened audience')
  // The presenter reopened too (a second presenter would do the same).
  await stage.presenter.goto(urls.presenter)
  await ready(stage.presenter, 'presenter')
  await waitForPosition(stage.presenter, here, 'reopened presenter')
  const moved = (await history(stage.audience)).map(show).filter(step => step !== show(here))
  assert.deepEqual(moved, [], 'the reopened presenter moved the audience')

  // And the talk goes on from there, in both windows.
  const more = await press(stage, 1)
  await assertFollowed(stage, here, more)

  const audiencePosts = stage.requests.filter(r => r.page === 'audience' && r.method !== 'GET')
  assert.deepEqual(audiencePosts, [], 'the audience window sends nothing back')
  const offMachine = stage.requests.filter(r => !OWN_HOSTS.has(new URL(r.url).hostname) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'))
  assert.deepEqual(offMachine, [], 'no request leaves the machine')
}
