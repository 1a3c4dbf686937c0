/// <reference path="../../setup/root.ts" />
/**
 * The talk as a speaker runs it: a presenter window (1440×900, the laptop) and an audience window
 * (1280×720, the projector) in one browser, against the built deck served like `npm run present`
 * (Slidev's dev server: dev-server.test.ts). Every wait is on the windows' state, never
 * a fixed sleep, so a busy machine makes the test slower, not flaky.
 */
import type { Browser, Page } from 'playwright-chromium'
import type { PresentServer } from '../../scripts/present'
import type { Position } from '../browser/stage'
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { formatClock, pacingPlan } from '../../lib/pacing'
import { launchChromium } from '../../scripts/browser'
import { loadDeck } from '../../scripts/deck-source'
import { ensureDist, startPresentServer } from '../../scripts/present'
import { serveStatic } from '../../scripts/serve'
import { AUDIENCE, history, openStage, OWN_HOSTS, position, press, ready, show, SLOW, stayInStep, waitForPosition } from '../browser/stage'

const DIST = 'dist'
/** The first `steps` positions → leads to from the cover, pressed one at a time in a window of its own. */
async function referencePath(browser: Browser, steps: number): Promise<Position[]> {
  const hosted = await serveStatic(DIST)
  const stage = await openStage(browser)
  try {
    await stage.presenter.goto(`${hosted.url}presenter/`)
    await ready(stage.presenter, 'presenter')
    return await press(stage, steps)
  }
  finally {
    await stage.context.close()
    await hosted.close()
  }
}

/** How long a speaker in a hurry waits between presses. */
const SPEAKER_CADENCE_MS = 1000

/**
 * Both windows opened together, then → in the presenter once a second from the first moment its
 * page takes a key (before the deck has loaded: index.html keeps those presses). Each window must
 * take exactly the expected steps, in order: none lost, none twice, no step back.
 */
async function pressFromFirstMoment(browser: Browser, urls: { presenter: string, audience: string }, expected: Position[]) {
  const stage = await openStage(browser)
  try {
    await Promise.all([stage.presenter.goto(urls.presenter, { waitUntil: 'commit' }), stage.audience.goto(urls.audience, { waitUntil: 'commit' })])
    await stage.presenter.waitForFunction(() => window.__deckEarlyKeys !== undefined || window.__deckNav !== undefined, null, { polling: 5, timeout: SLOW })
    for (let i = 0; i < expected.length; i++) {
      if (i)
        await stage.presenter.waitForTimeout(SPEAKER_CADENCE_MS)
      await stage.presenter.keyboard.press('ArrowRight')
    }
    const last = expected.at(-1)!
    for (const name of ['presenter', 'audience'] as const) {
      await waitForPosition(stage[name], last, `${name} after ${expected.length} presses`)
      // Every position the window showed, repeats of the same one folded, after the cover.
      const seen = (await history(stage[name])).map(show).filter((step, i, all) => step !== all[i - 1])
      const steps = seen[0] === '1.0' ? seen.slice(1) : seen
      assert.deepEqual(steps, expected.map(show), `${name} went ${seen.join(' → ')}`)
    }
  }
  catch (error) {
    throw new Error(`${(error as Error).message}\nwhat the windows did:\n${stage.log.slice(-40).join('\n')}`, { cause: error })
  }
  finally {
    await stage.context.close()
  }
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
    const refusals: string[] = []
    server = await startPresentServer({ dist: DIST, port: 0, log: line => refusals.push(line) })
    await stayInStep(browser, server.urls.local).finally(() => server.close())
    assert.deepEqual(refusals, [], 'the server refused a write of the deck\'s own windows')
  })

  it('moves both windows one step per press from the first moment the presenter takes a key', { timeout: 4 * SLOW }, async () => {
    const expected = await referencePath(browser, 5)
    const refusals: string[] = []
    server = await startPresentServer({ dist: DIST, port: 0, log: line => refusals.push(line) })
    await pressFromFirstMoment(browser, server.urls.local, expected).finally(() => server.close())
    assert.deepEqual(refusals, [], 'the server refused a write of the deck\'s own windows')
  })

  it('moves both windows one step per press on a static copy too (one browser, no server)', { timeout: 4 * SLOW }, async () => {
    const expected = await referencePath(browser, 5)
    const hosted = await serveStatic(DIST)
    await pressFromFirstMoment(browser, { presenter: `${hosted.url}presenter/`, audience: hosted.url }, expected).finally(() => hosted.close())
  })

  it('keeps the tiny GPT in step: the presenter writes and picks a head, the projector shows the same', { timeout: 2 * SLOW }, async () => {
    const { slides } = await loadDeck()
    const noOf = (alias: string) => slides.find(slide => slide.frontmatter.routeAlias === alias)!.no
    const [sampling, attention] = [noOf('sampling-demo'), noOf('attention-demo')]
    const refusals: string[] = []
    server = await startPresentServer({ dist: DIST, port: 0, log: line => refusals.push(line) })
    const stage = await openStage(browser)
    try {
      await stage.presenter.goto(server.urls.local.presenter)
      await stage.audience.goto(server.urls.local.audience)
      await ready(stage.presenter, 'presenter')
      await ready(stage.audience, 'play')
      await stage.presenter.evaluate(n => window.__deckNav!.go(n), sampling)
      await waitForPosition(stage.audience, { no: sampling, clicks: 0 }, 'audience on the generation slide')
      const mine = stage.presenter.locator(`.slidev-presenter .slidev-page-${sampling} [data-chart="sampling"][data-status="live"]`).first()
      const theirs = stage.audience.locator(`.slidev-page-${sampling} [data-chart="sampling"][data-status="live"]`)
      await mine.waitFor({ timeout: SLOW })
      await mine.locator('[data-control="prompt"]').fill('春眠不觉')
      await mine.locator('[data-control="top-p"]').focus()
      await stage.presenter.keyboard.press('ArrowLeft') // top-p 0.95
      await stage.presenter.keyboard.press('Escape')
      for (let i = 0; i < 5; i++)
        await mine.locator('[data-control="draw"]').click()
      await stage.presenter.waitForFunction(el => el!.getAttribute('data-drawn')!.split(',').length === 5, await mine.elementHandle())
      const read = (root: typeof mine) => root.evaluate(el => ({
        drawn: el.getAttribute('data-drawn'),
        written: el.querySelector('[data-role="text"]')!.getAttribute('data-written'),
        bars: [...el.querySelectorAll('[data-p]')].map(b => `${b.getAttribute('data-id')}:${b.getAttribute('data-p')}`).join(' '),
      }))
      const expected = await read(mine)
      await theirs.waitFor({ timeout: SLOW })
      await stage.audience.waitForFunction(([n, d]) => document.querySelector(`.slidev-page-${n} [data-chart="sampling"]`)?.getAttribute('data-drawn') === d, [sampling, expected.drawn] as const, { timeout: SLOW })
      assert.deepEqual(await read(theirs), expected, 'the projector shows the presenter\'s text and bars')

      await stage.presenter.evaluate(n => window.__deckNav!.go(n), attention)
      await waitForPosition(stage.audience, { no: attention, clicks: 0 }, 'audience on the attention slide')
      const map = stage.presenter.locator(`.slidev-presenter .slidev-page-${attention} [data-chart="attention"][data-status="live"]`).first()
      await map.waitFor({ timeout: SLOW })
      await map.locator('[data-pick="1-0"]').click()
      await map.locator('[data-hover="7"]').hover()
      await stage.audience.waitForFunction((n) => {
        const el = document.querySelector(`.slidev-page-${n} [data-chart="attention"][data-status="live"]`)
        return el?.getAttribute('data-layer') === '1' && el.getAttribute('data-head') === '0' && el.getAttribute('data-query') === '7'
      }, attention, { timeout: SLOW })
      assert.deepEqual(stage.requests.filter(r => r.page === 'audience' && r.method !== 'GET'), [], 'the audience window sends nothing back')
    }
    catch (error) {
      throw new Error(`${(error as Error).message}\nwhat the windows did:\n${stage.log.slice(-40).join('\n')}`, { cause: error })
    }
    finally {
      await stage.context.close()
      await server.close()
    }
    assert.deepEqual(refusals, [], 'the server refused a write of the deck\'s own windows')
  })

  it('shows the speaker\'s pacing by the stopwatch, never on the projector; pausing the clock pauses it', { timeout: 4 * SLOW }, async () => {
    const plan = pacingPlan((await loadDeck()).slides)
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1440, height: 900 }]) {
      server = await startPresentServer({ dist: DIST, port: 0 })
      const stage = await openStage(browser)
      try {
        await stage.presenter.setViewportSize(viewport)
        await stage.presenter.clock.install()
        await stage.presenter.goto(server.urls.local.presenter)
        await stage.audience.goto(server.urls.local.audience)
        await ready(stage.presenter, 'presenter')
        await ready(stage.audience, 'play')
        const line = stage.presenter.locator('[data-pacing]')
        const verdict = stage.presenter.locator('[data-pacing-verdict]')
        const first = plan[0]!
        assert.match(await line.textContent() ?? '', new RegExp(`${first.title}\\s*${formatClock(first.end)} 讲完`), 'on the cover: the first section and its end')
        assert.equal(await verdict.count(), 0, 'no verdict before the clock runs')

        // Leave the cover (the clock starts), then the speaker lingers: 2 minutes over this slide's share.
        while ((await position(stage.presenter)).no === 1)
          await press(stage, 1)
        const { no } = await position(stage.presenter)
        const section = plan.find(s => no >= s.first && no <= s.last)!
        const share = (section.end - section.start) / (section.last - section.first + 1)
        const lateBy = 120
        await stage.presenter.clock.fastForward((section.start + share * (no - section.first + 1) + lateBy) * 1000)
        await stage.presenter.waitForFunction(() => /落后/.test(document.querySelector('[data-pacing-verdict]')?.textContent ?? ''), null, { timeout: SLOW })
        const [, minutes, seconds] = /落后 (\d+):(\d\d)/.exec(await verdict.textContent() ?? '')!
        assert.ok(Math.abs(Number(minutes) * 60 + Number(seconds) - lateBy) <= 3, `${viewport.width}×${viewport.height}: ${lateBy} s late on slide ${no} reads ${await verdict.textContent()}`)

        // Where a person sees it: inside the window, beside the stopwatch, not covering it, readable.
        const box = (await line.boundingBox())!
        const clock = (await stage.presenter.locator('.slidev-presenter .grid-section.bottom .font-mono').first().boundingBox())!
        assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `${viewport.width}×${viewport.height}: the pacing line is inside the window (${JSON.stringify(box)})`)
        assert.ok(box.x >= clock.x + clock.width && Math.abs((box.y + box.height / 2) - (clock.y + clock.height / 2)) < clock.height, `${viewport.width}×${viewport.height}: the pacing line sits beside the stopwatch`)
        assert.ok(await line.evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize)) >= 14, 'readable: at least 14 px')
        await stage.presenter.screenshot({ path: `.work/test/pacing-${viewport.width}.png` })

        // A question: the speaker pauses the clock; five minutes later the pacing has not moved.
        await stage.presenter.keyboard.press('t')
        await line.getByText('已暂停').waitFor({ timeout: SLOW })
        const before = await verdict.textContent()
        await stage.presenter.clock.fastForward(5 * 60_000)
        await stage.presenter.evaluate(() => new Promise(requestAnimationFrame))
        assert.equal(await verdict.textContent(), before, 'the paused clock pauses the pacing')

        assert.equal(await stage.audience.locator('[data-pacing]').count(), 0, 'the projector shows no pacing')
      }
      finally {
        await stage.context.close()
        await server.close()
      }
    }
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
