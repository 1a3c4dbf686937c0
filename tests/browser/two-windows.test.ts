/// <reference path="../../setup/root.ts" />
/**
 * The talk as a speaker runs it: a presenter window (1440×900, the laptop) and an audience window
 * (1280×720, the projector) in one browser, against the built deck served like `npm run present`
 * and against Slidev's dev server with our config. Every wait is on the windows' state, never a
 * fixed sleep, so a busy machine makes the test slower, not flaky.
 */
import type { ChildProcess } from 'node:child_process'
import type { Browser, BrowserContext, Page, Request } from 'playwright-chromium'
import type { PresentServer } from '../../scripts/present'
import assert from 'node:assert/strict'
import { networkInterfaces } from 'node:os'
import process from 'node:process'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from '../../scripts/browser'
import { ensureDist, startPresentServer } from '../../scripts/present'
import { freePort } from '../../scripts/serve'
import { newDeckContext } from '../../scripts/slide-page'
import { spawnSlidev } from '../../scripts/slidev'

const DIST = 'dist'
/** Slow steps (a dev server compiling on 2 busy cores) get minutes; nothing is expected to take them. */
const SLOW = Number(process.env.STAGE_WAIT_MS) || 240_000
const PRESENTER = { width: 1440, height: 900 }
const AUDIENCE = { width: 1280, height: 720 }

interface Position { no: number, clicks: number }
const show = (p: Position) => `${p.no}.${p.clicks}`

/** Addresses that are this machine: anything else a page asks for has left it. */
const OWN_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', ...Object.values(networkInterfaces()).flat().map(net => net!.family === 'IPv6' ? `[${net!.address}]` : net!.address)])

interface Stage {
  context: BrowserContext
  presenter: Page
  audience: Page
  /** Every request the windows made, as method + URL. */
  requests: { page: 'presenter' | 'audience', method: string, url: string }[]
  /** Page loads and console lines of both windows, in order: what a failure report shows. */
  log: string[]
}

async function openStage(browser: Browser): Promise<Stage> {
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
  return stage
}

/** A window is ready when its route is resolved, its view mounted and the current slide rendered. */
async function ready(page: Page, view: 'presenter' | 'play'): Promise<void> {
  await page.waitForFunction((name) => {
    const nav = window.__deckNav as (typeof window.__deckNav & { currentRoute?: { name?: string } }) | undefined
    if (!nav || nav.currentRoute?.name !== name)
      return false
    const root = document.querySelector(name === 'presenter' ? '.slidev-presenter' : '#page-root')
    const slide = root?.querySelector(`.slidev-page-${nav.currentSlideNo}`)
    return Boolean(slide && !slide.querySelector('.slidev-slide-loading'))
  }, view, { timeout: SLOW, polling: 50 })
  // Every position the window takes from now on, in order (a bounce shows as a step back).
  await page.evaluate(() => {
    const nav = window.__deckNav! as typeof window.__deckNav & { router: { afterEach: (fn: () => void) => void } }
    nav.router.afterEach(() => (window.__stageHistory ??= []).push({ no: nav.currentSlideNo, clicks: nav.clicks }))
  })
}

const position = (page: Page) => page.evaluate(() => ({ no: window.__deckNav!.currentSlideNo, clicks: window.__deckNav!.clicks }))
const history = (page: Page) => page.evaluate(() => window.__stageHistory ?? [])

async function waitForPosition(page: Page, expected: Position, what: string): Promise<void> {
  await page.waitForFunction(({ no, clicks }) => window.__deckNav?.currentSlideNo === no && window.__deckNav?.clicks === clicks, expected, { timeout: SLOW, polling: 50 })
    .catch(async () => assert.fail(`${what}: expected ${show(expected)}, stays at ${show(await position(page))}`))
}

/** Where one → from the presenter's current position must lead (Slidev's `next`). */
async function oneStepOn(page: Page): Promise<Position> {
  await page.waitForFunction(() => {
    const slide = document.querySelector(`.slidev-presenter .slidev-page-${window.__deckNav!.currentSlideNo}`)
    return Boolean(slide && !slide.querySelector('.slidev-slide-loading'))
  }, null, { timeout: SLOW, polling: 50 })
  const { no, clicks, clicksTotal } = await page.evaluate(() => ({ no: window.__deckNav!.currentSlideNo, clicks: window.__deckNav!.clicks, clicksTotal: window.__deckNav!.clicksTotal }))
  return clicks < clicksTotal ? { no, clicks: clicks + 1 } : { no: no + 1, clicks: 0 }
}

/** Presses → in the presenter, each press as soon as the last one showed there; returns the path taken. */
async function press(stage: Stage, times: number): Promise<Position[]> {
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
async function assertFollowed(stage: Stage, from: Position, path: Position[]) {
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
async function stayInStep(browser: Browser, urls: { presenter: string, audience: string }) {
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

async function stayInStepOn(stage: Stage, urls: { presenter: string, audience: string }) {
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

const timerText = (page: Page) => page.locator('.slidev-presenter .grid-section.bottom .font-mono').first().textContent()

describe('on stage: the built deck served like `npm run present`', () => {
  let browser: Browser
  let server: PresentServer

  before(async () => {
    await ensureDist(DIST)
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  it('keeps the windows in step: presses right after load, reopened windows move nobody', { timeout: 4 * SLOW }, async () => {
    server = await startPresentServer({ dist: DIST, port: 0 })
    await stayInStep(browser, server.urls.local).finally(() => server.close())
  })

  it('starts the stopwatch when the speaker leaves the cover, from zero on every run', { timeout: 2 * SLOW }, async () => {
    for (const run of [1, 2]) {
      server = await startPresentServer({ dist: DIST, port: 0 })
      const stage = await openStage(browser)
      try {
        await stage.presenter.goto(server.urls.local.presenter)
        await ready(stage.presenter, 'presenter')
        assert.equal((await position(stage.presenter)).no, 1, `run ${run} starts on the cover`)
        assert.match(await timerText(stage.presenter) ?? '', /^-:--$/, `run ${run}: the clock waits on the cover`)
        // Leave the cover (its clicks first, if it has any).
        while ((await position(stage.presenter)).no === 1)
          await press(stage, 1)
        await stage.presenter.waitForFunction(() => /^\d+:\d\d$/.test(document.querySelector('.slidev-presenter .grid-section.bottom .font-mono')?.textContent ?? ''), null, { timeout: SLOW })
        // The hour's progress bar under the slide progress shows from now on.
        const bar = stage.presenter.locator('.slidev-presenter div.h-4px[class*="bg-green"]')
        await bar.waitFor({ timeout: SLOW })
        // `t` pauses and resumes the clock; after Slidev's ↻ reset it starts again and keeps running.
        await stage.presenter.keyboard.press('t')
        await stage.presenter.locator('.slidev-presenter div.h-4px[class*="bg-blue"]').waitFor({ timeout: SLOW })
        await stage.presenter.locator('.slidev-presenter .i-carbon\\:renew').evaluate((icon: HTMLElement) => icon.parentElement!.click())
        await stage.presenter.waitForFunction(() => document.querySelector('.slidev-presenter .grid-section.bottom .font-mono')?.textContent === '-:--', null, { timeout: SLOW })
        await stage.presenter.keyboard.press('t')
        await stage.presenter.waitForFunction(() => /^0:0[1-9]$/.test(document.querySelector('.slidev-presenter .grid-section.bottom .font-mono')?.textContent ?? ''), null, { timeout: SLOW })
      }
      finally {
        await stage.context.close()
        await server.close()
      }
    }
  })

  it('shows only slides on the projector: the pen is the presenter\'s, the pointer only when turned on', { timeout: 2 * SLOW }, async () => {
    server = await startPresentServer({ dist: DIST, port: 0 })
    const stage = await openStage(browser)
    try {
      await stage.presenter.goto(server.urls.local.presenter)
      await stage.audience.goto(server.urls.local.audience)
      await ready(stage.presenter, 'presenter')
      await ready(stage.audience, 'play')
      const slide = (await stage.presenter.locator('.grid-section.main #slide-content').first().boundingBox())!
      const pointer = stage.audience.locator('#page-root .pointer-events-none.text-xl svg')
      const ink = stage.audience.locator('#page-root svg.w-full.h-full.absolute > path')
      const move = async (dx: number, dy: number) => {
        for (let i = 0; i < 5; i++)
          await stage.presenter.mouse.move(slide.x + slide.width * dx + i * 8, slide.y + slide.height * dy + i * 4)
      }

      assert.equal(await ink.count(), 0)
      // The pointer stays on the laptop until the speaker turns it on.
      await move(0.5, 0.5)
      await stage.presenter.evaluate(() => new Promise(requestAnimationFrame))
      assert.equal(await stage.presenter.locator('[title="Show presenter cursor"]').count(), 1, 'the pointer starts off')
      assert.equal(await pointer.count(), 0, 'no pointer on the projector')
      await stage.presenter.locator('[title="Show presenter cursor"]').click()
      await move(0.4, 0.3)
      await pointer.first().waitFor({ timeout: SLOW })

      // The pen: toolbar in the presenter, ink on the projector, no toolbar and no pen button there.
      await stage.presenter.locator('[title="Show drawing toolbar"]').click()
      await stage.presenter.locator('[title="Draw with stylus"]').waitFor()
      await stage.presenter.mouse.move(slide.x + 120, slide.y + 120)
      await stage.presenter.mouse.down()
      await move(0.3, 0.4)
      await stage.presenter.mouse.up()
      await ink.first().waitFor({ timeout: SLOW })
      assert.equal(await stage.audience.locator('[title="Draw with stylus"]').count(), 0, 'no drawing toolbar on the projector')
      await stage.audience.mouse.move(AUDIENCE.width / 2, AUDIENCE.height - 20)
      assert.equal(await stage.audience.locator('[title="Show drawing toolbar"]').count(), 0, 'no pen button on the projector')
    }
    finally {
      await stage.context.close()
      await server.close()
    }
  })

  it('answers no editing or MCP endpoint', async () => {
    server = await startPresentServer({ dist: DIST, port: 0 })
    const base = server.urls.local.audience.slice(0, -1)
    const probes: [string, string, string?][] = [
      ['POST', '/__mcp', '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'],
      ['GET', '/__mcp'],
      ['GET', '/__open-in-editor?file=slides.md'],
      ['POST', '/@slidev/slide/1.json', '{"content":"# overwritten"}'],
      ['GET', '/@slidev/slide/1.json'],
      ['POST', '/@server-reactive/nav', '{"data":{"page":3}}'],
      ['POST', '/@server-reactive/snapshots', '{"data":{}}'],
      ['PUT', '/slides.md', 'x'],
      ['GET', '/slides.md'],
      ['GET', '/pages/01-intro.md'],
    ]
    const answered: string[] = []
    try {
      for (const [method, path, body] of probes) {
        const response = await fetch(`${base}${path}`, { method, body })
        if (response.status < 400)
          answered.push(`${method} ${path} → ${response.status}`)
      }
    }
    finally {
      await server.close()
    }
    assert.deepEqual(answered, [], 'endpoints that answered')
  })

  it('opens to the network only with --lan, and steering from another device needs the password', { timeout: 2 * SLOW }, async () => {
    server = await startPresentServer({ dist: DIST, port: 0 })
    const lanAddress = [...OWN_HOSTS].find(host => /^\d+\.\d+\.\d+\.\d+$/.test(host) && !host.startsWith('127.'))
    const reached = lanAddress && await fetch(`http://${lanAddress}:${server.port}/`).then(() => true, () => false)
    await server.close()
    assert.equal(reached || false, false, 'without --lan the deck is not on the network')
    if (!lanAddress)
      return // a machine with no network address: nothing more to try

    server = await startPresentServer({ dist: DIST, port: 0, lan: true })
    const [printed] = server.urls.lan.filter(url => url.audience.includes(lanAddress))
    assert.ok(printed, `a LAN address is printed: ${JSON.stringify(server.urls)}`)
    assert.match(printed.presenter, new RegExp(`^http://${lanAddress.replace(/\./g, '\\.')}:${server.port}/presenter/\\?password=\\w{8}$`))
    const laptop = await openStage(browser)
    const phone = await openStage(browser)
    try {
      await laptop.presenter.goto(server.urls.local.presenter)
      await laptop.audience.goto(server.urls.local.audience)
      await ready(laptop.presenter, 'presenter')
      await ready(laptop.audience, 'play')
      await press(laptop, 1)
      const talk = await position(laptop.audience)

      // Without the password the phone shows the presenter view but cannot move the talk.
      await phone.presenter.goto(printed.presenter.replace(/\?password=.*/, ''))
      await ready(phone.presenter, 'presenter')
      const refused = phone.presenter.waitForResponse(r => r.url().endsWith('/__deck-sync') && r.request().method() === 'POST', { timeout: SLOW })
      await press(phone, 1)
      assert.equal((await refused).status(), 403)
      assert.deepEqual(await position(laptop.audience), talk, 'a device without the password moved the projector')
      assert.deepEqual(await position(laptop.presenter), talk, 'a device without the password moved the presenter')

      // With the URL exactly as printed, it steers: the projector follows.
      await phone.presenter.goto(printed.presenter)
      await ready(phone.presenter, 'presenter')
      const path = await press(phone, 1)
      await waitForPosition(laptop.audience, path.at(-1)!, 'projector after a press on the phone')
      await waitForPosition(laptop.presenter, path.at(-1)!, 'the laptop\'s presenter view after a press on the phone')
      await phone.audience.goto(printed.audience)
      await ready(phone.audience, 'play')
      await waitForPosition(phone.audience, path.at(-1)!, 'audience window on another device')
    }
    finally {
      await laptop.context.close()
      await phone.context.close()
      await server.close()
    }
  })
})

/**
 * Resolves once none of the pages has had a request in flight for `quietMs`: Playwright's
 * `networkidle`, but re-armed by in-page navigation (which `waitForLoadState` does not wait for).
 * Streams that stay open by design (EventSource, WebSocket) do not count.
 */
function networkWatch(pages: Page[]): { quiet: (what: string, quietMs?: number) => Promise<void> } {
  const inFlight = new Set<Request>()
  let lastChange = Date.now()
  for (const page of pages) {
    page.on('request', (request) => {
      if (request.resourceType() === 'eventsource' || request.resourceType() === 'websocket')
        return
      inFlight.add(request)
      lastChange = Date.now()
    })
    const done = (request: Request) => {
      if (inFlight.delete(request))
        lastChange = Date.now()
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
  }
  return {
    quiet: async (what, quietMs = 500) => {
      const deadline = Date.now() + SLOW
      while (inFlight.size || Date.now() - lastChange < quietMs) {
        if (Date.now() > deadline)
          assert.fail(`${what}: the network never went quiet (${inFlight.size} requests in flight: ${[...inFlight].slice(0, 5).map(r => r.url()).join(', ')})`)
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    },
  }
}

/**
 * A rehearsal on a fresh dev server: the presenter goes through every slide, each one reached and
 * rendered before the next, while the audience window follows. Returns the page loads after the
 * first one, per window: each is a reload (Vite re-bundling a dependency it met late reloads every
 * window, wherever the talk is).
 */
async function rehearse(browser: Browser, base: string): Promise<string[]> {
  const stage = await openStage(browser)
  const reloads: string[] = []
  const network = networkWatch([stage.presenter, stage.audience])
  try {
    for (const name of ['presenter', 'audience'] as const) {
      let loads = 0
      stage[name].on('load', () => ++loads > 1 && reloads.push(`${name} reloaded at ${stage[name].url()}`))
    }
    await stage.presenter.goto(`${base}/presenter/`)
    await stage.audience.goto(`${base}/`)
    await ready(stage.presenter, 'presenter')
    await ready(stage.audience, 'play')
    const total = await stage.presenter.evaluate(() => window.__deckNav!.total)
    let visited = 0
    for (let no = 1; no <= total; no++) {
      // A window reloaded by then (counted above) has its navigation handle back once it has loaded.
      await stage.presenter.waitForFunction(() => window.__deckNav, null, { timeout: SLOW })
      await stage.presenter.evaluate(n => window.__deckNav!.go(n), no)
      await waitForPosition(stage.presenter, { no, clicks: 0 }, `presenter sent to slide ${no} of ${total}`)
      // Rendered: its component and everything it imports have loaded (or made Vite re-bundle).
      await stage.presenter.waitForFunction((n) => {
        const slide = document.querySelector(`.slidev-presenter .slidev-page-${n}`)
        return Boolean(slide && !slide.querySelector('.slidev-slide-loading'))
      }, no, { timeout: SLOW, polling: 50 })
      visited++
    }
    assert.equal(visited, total, `the presenter reached ${visited} of ${total} slides`)
    await waitForPosition(stage.audience, { no: total, clicks: 0 }, 'audience on the last slide')
    // Back to the cover, where the talk starts. A re-bundle that the last slides started holds
    // their requests until it is done, then reloads the windows: both windows quiet means over.
    await stage.presenter.evaluate(() => window.__deckNav!.go(1))
    await waitForPosition(stage.presenter, { no: 1, clicks: 0 }, 'presenter back on the cover')
    await waitForPosition(stage.audience, { no: 1, clicks: 0 }, 'audience back on the cover')
    await network.quiet('both windows back on the cover')
    return reloads
  }
  catch (error) {
    // A reload mid-rehearsal loses the window's state; say so next to whatever failed.
    throw new Error(`${(error as Error).message}${reloads.length ? `\nreloads so far:\n  ${reloads.join('\n  ')}` : ''}\nwhat the windows did:\n${stage.log.slice(-40).join('\n')}`, { cause: error })
  }
  finally {
    await stage.context.close()
  }
}

describe('on stage: `slidev` dev server with our config', () => {
  let browser: Browser
  let dev: ChildProcess
  let base: string
  /** What the dev server printed (Vite's reloads and dependency optimisation show here). */
  let output = ''

  before(async () => {
    const port = await freePort()
    base = `http://localhost:${port}`
    // `--force`: bundle the dependencies afresh, as on a new clone, whatever an earlier run cached.
    dev = spawnSlidev(['--port', String(port), '--force'])
    dev.stdout!.on('data', chunk => output += chunk)
    dev.stderr!.on('data', chunk => output += chunk)
    const deadline = Date.now() + SLOW
    while (!(await fetch(`${base}/`).then(r => r.ok, () => false))) {
      if (Date.now() > deadline || dev.exitCode !== null)
        throw new Error(`slidev dev did not start:\n${output.slice(-2000)}`)
      await new Promise(resolve => setTimeout(resolve, 250))
    }
    browser = await launchChromium()
  }, { timeout: 3 * SLOW })

  after(async () => {
    await browser?.close()
    dev?.kill('SIGTERM')
  })

  it('goes through every slide without reloading a window: dependencies are bundled up front', { timeout: 4 * SLOW }, async () => {
    assert.deepEqual(await rehearse(browser, base), [], 'a window reloaded mid-talk: Vite met a package its scan missed (optimizeDeps in vite.config.ts)')
  })

  it('keeps the windows in step: presses right after load, reopened windows move nobody', { timeout: 4 * SLOW }, async () => {
    const printedBefore = output.length
    await stayInStep(browser, { presenter: `${base}/presenter/`, audience: `${base}/` }).catch((error: Error) => {
      throw new Error(`${error.message}\nthe dev server printed meanwhile:\n${output.slice(printedBefore).slice(-3000)}`, { cause: error })
    })
  })

  it('answers no MCP request (`mcp: false`)', async () => {
    const response = await fetch(`${base}/__mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json, text/event-stream' },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    })
    assert.ok(response.status >= 400, `/__mcp answered ${response.status}`)
    assert.doesNotMatch(await response.text(), /"tools"/)
  })
})
