/// <reference path="../../setup/root.ts" />
/// <reference path="../../setup/sync-relay.ts" />
/**
 * Someone who wants to disturb the talk, against `npm run present`: a page of another origin open
 * in the speaker's browser beside the two windows, a program on the same machine without the
 * page's token, and writes a deck window could send but the deck never does. Every attempt must be
 * refused, move no window, change nothing the server holds, and leave the server serving. Each
 * attempt is tried on its own and reported by name when something of it got through.
 */
import type { Browser, Page } from 'playwright-chromium'
import type { PresentServer } from '../../scripts/present'
import type { Stage } from './stage'
import assert from 'node:assert/strict'
import { createServer, request } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { DEMO_CHANNEL } from '../../composables/demo-defaults'
import { launchChromium } from '../../scripts/browser'
import { ensureDist, startPresentServer } from '../../scripts/present'
import { deckChannels, MAX_BODY_BYTES } from '../../scripts/present-state'
import { history, openStage, position, press, ready, show, SLOW, waitForPosition } from './stage'

const DIST = 'dist'

/** A page of another origin on this machine (another port): what any web site could be. */
async function foreignSite(): Promise<{ url: string, close: () => Promise<void> }> {
  const server = createServer((_, res) => res.end('<!doctype html><title>somewhere else</title><p>nothing to see</p>'))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise(resolve => server.close(() => resolve())) }
}

/** A request with headers a browser would never let a page set (a Host name of the attacker's choosing). */
function rawRequest(url: string, options: { method?: string, headers?: Record<string, string>, body?: string }): Promise<{ status: number, body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.on('data', chunk => body += chunk)
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The talk's state as every page the server sends carries it, and the run's token. */
async function pageInfo(base: string): Promise<{ states: string, token: string }> {
  const html = await (await fetch(`${base}/`)).text()
  const info = JSON.parse(/window\.__deckPresent=(.*?)<\/script>/s.exec(html)![1]!) as { token?: string, states: Record<string, Record<string, unknown>> }
  return { states: JSON.stringify(info.states), token: info.token ?? '' }
}

/** A write as the wire carries it: one key of one channel, with a version newer than any. */
const write = (channel: string, key: string, value: unknown) => JSON.stringify({ from: 'intruder', patches: { [channel]: { [key]: { value, version: { n: 1e12, w: 'zzzzzz' } } } } })

/** Drawings the pen never makes, each able to run script or load something if a window drew it. */
const HOSTILE_DRAWINGS: Record<string, string> = {
  'an onload handler': '<path d="M0 0L9 9" onload="alert(1)"></path>',
  '<foreignObject> with HTML': '<foreignObject width="99" height="99"><img src="x" onerror="alert(1)"></foreignObject>',
  '<image> with onerror': '<image href="x" onerror="alert(1)"></image>',
  'a <script>': '<g><script>alert(1)</script></g>',
  'a javascript: link': '<a href="javascript:alert(1)"><path d="M0 0"></path></a>',
  'a style that loads a URL': '<path d="M0 0" style="fill:url(https://example.com/x)"></path>',
  'an unclosed element hiding markup': '<path d="M0 0"><img src=x onerror=alert(1)>',
}

interface Attempt {
  name: string
  /** Sends the attempt; the HTTP status when the sender can read it (a no-cors response is opaque). */
  send: () => Promise<number | undefined>
}

describe('on stage: only the deck\'s own windows write to `npm run present`', () => {
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

  it('refuses every write not from the deck, or not what the deck writes; nothing moves and the server keeps serving', { timeout: 4 * SLOW }, async () => {
    const log: string[] = []
    server = await startPresentServer({ dist: DIST, port: 0, log: line => log.push(line) })
    const site = await foreignSite()
    const stage: Stage = await openStage(browser)
    try {
      const base = `http://127.0.0.1:${server.port}`
      const endpoint = `${base}/__deck-sync`
      const { shared, drawings } = deckChannels(await (await fetch(`${base}/`)).text())
      const { token } = await pageInfo(base)
      await stage.presenter.goto(server.urls.local.presenter)
      await stage.audience.goto(server.urls.local.audience)
      await ready(stage.presenter, 'presenter')
      await ready(stage.audience, 'play')
      await press(stage, 1)
      const here = await position(stage.presenter)
      await waitForPosition(stage.audience, here, 'audience before the attempts')
      await stage.audience.evaluate(() => window.__stageHistory?.splice(0))

      const elsewhere: Page = await stage.context.newPage()
      await elsewhere.goto(site.url)
      /** fetch() from the other origin's page, as its script would. */
      const fromElsewhere = (init: { mode: 'cors' | 'no-cors', headers: Record<string, string>, body: string }) =>
        elsewhere.evaluate(async ({ url, init }) => {
          const response = await fetch(url, { method: 'POST', ...init }).catch(() => undefined)
          return response && response.type !== 'opaque' ? response.status : undefined
        }, { url: endpoint, init })
      /** fetch() from the deck's own audience window, token and all: a write the deck never makes. */
      const fromDeckWindow = (body: string) => stage.audience.evaluate(async ({ url, body }) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-deck-token': window.__deckPresent!.token ?? '' }, body })
        return response.status
      }, { url: endpoint, body })
      const slideTo = write(shared, 'page', here.no + 3)

      const attempts: Attempt[] = [
        { name: 'a no-cors text/plain POST from another origin', send: () => fromElsewhere({ mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: slideTo }) },
        { name: 'a JSON POST from another origin (needs a preflight)', send: () => fromElsewhere({ mode: 'cors', headers: { 'content-type': 'application/json' }, body: slideTo }) },
        { name: 'a POST from another origin with a guessed token', send: () => fromElsewhere({ mode: 'cors', headers: { 'content-type': 'application/json', 'x-deck-token': 'guess' }, body: slideTo }) },
        { name: 'a pen drawing with an onerror payload from another origin', send: () => fromElsewhere({ mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: write(drawings, String(here.no), HOSTILE_DRAWINGS['<image> with onerror']) }) },
        { name: 'a write from this machine without the token', send: async () => (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: slideTo })).status },
        { name: 'a write with the Origin of another site', send: async () => (await rawRequest(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'origin': site.url.slice(0, -1), 'x-deck-token': token }, body: slideTo })).status },
        { name: 'a write marked Sec-Fetch-Site: cross-site', send: async () => (await rawRequest(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', 'x-deck-token': token }, body: slideTo })).status },
        { name: 'the page asked for under another host name (DNS rebinding)', send: async () => {
          const page = await rawRequest(`${base}/`, { headers: { host: `rebound.example:${server.port}` } })
          // A page under the attacker's name must not carry the token.
          return page.body.includes(token) ? 200 : page.status
        } },
        { name: '`__proto__` as a channel', send: () => fromDeckWindow('{"from":"intruder","patches":{"__proto__":{"polluted":{"value":true,"version":{"n":1,"w":"z"}}}}}') },
        { name: '`__proto__` as a key', send: () => fromDeckWindow(`{"from":"intruder","patches":{${JSON.stringify(shared)}:{"__proto__":{"value":{"polluted":true},"version":{"n":1,"w":"z"}}}}}`) },
        { name: 'an unknown channel', send: () => fromDeckWindow(write('somebody else - shared', 'page', 1)) },
        { name: 'an unknown key', send: () => fromDeckWindow(write(shared, 'script', 'alert(1)')) },
        { name: 'a slide number that is not a number', send: () => fromDeckWindow(write(shared, 'page', '<img src=x onerror=alert(1)>')) },
        { name: 'a demo state of the wrong shape', send: () => fromDeckWindow(write(DEMO_CHANNEL, 'sampling', { temperature: 'hot' })) },
        { name: 'a patch larger than the limit', send: () => fromDeckWindow(write(DEMO_CHANNEL, 'tokenizer', { text: 'x'.repeat(MAX_BODY_BYTES) })) },
        ...Object.entries(HOSTILE_DRAWINGS).map(([what, svg]) => ({ name: `a drawing with ${what}`, send: () => fromDeckWindow(write(drawings, String(here.no), svg)) })),
      ]

      const through: string[] = []
      for (const attempt of attempts) {
        const { states: held } = await pageInfo(base)
        const pollutedBefore = 'polluted' in ({} as Record<string, unknown>)
        const status = await attempt.send()
        const changed = (await pageInfo(base)).states !== held
        const polluted = !pollutedBefore && 'polluted' in ({} as Record<string, unknown>)
        if ((status !== undefined && status < 400) || changed || polluted)
          through.push(`${attempt.name}: ${[status !== undefined && status < 400 ? `answered ${status}` : '', changed ? 'the server\'s state changed' : '', polluted ? 'Object.prototype polluted' : ''].filter(Boolean).join(', ')}`)
      }
      assert.deepEqual(through, [], 'attempts that got through')

      // Each refusal was printed once, with its reason; the same attempt again prints nothing new.
      console.warn(`what the server printed:\n${log.join('\n')}`)
      assert.ok(log.length > 0, 'the server printed no refusal')
      assert.equal(new Set(log).size, log.length, 'a reason printed twice')
      const printed = log.length
      await attempts[0]!.send()
      assert.equal(log.length, printed, 'the same refusal printed again')

      // Nothing moved: the next press is the first step either window takes since the attempts
      // (the event stream delivers in order, so anything relayed earlier would show before it).
      const [next] = await press(stage, 1)
      await waitForPosition(stage.audience, next!, 'audience after a press following the attempts')
      assert.deepEqual((await history(stage.audience)).map(show), [show(next!)], 'the audience took only the speaker\'s step')
      assert.equal(await stage.audience.locator('#page-root svg image, #page-root foreignObject').count(), 0, 'no hostile drawing on the projector')

      // And the server still serves pages and the stream.
      assert.equal((await fetch(`${base}/`)).status, 200)
      assert.equal((await fetch(`${base}/presenter/`)).status, 200)
    }
    finally {
      await stage.context.close()
      await site.close()
      await server.close()
    }
  })
})
