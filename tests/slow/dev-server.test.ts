/// <reference path="../../setup/root.ts" />
/**
 * The talk on Slidev's dev server (`npm run dev`) with our config: a rehearsal through every slide
 * with a presenter and an audience window, no window reloaded by a late dependency bundle, both in
 * step, no MCP endpoint. Every wait is on the windows' state, never a fixed sleep.
 */
import type { ChildProcess } from 'node:child_process'
import type { Browser, Page, Request } from 'playwright-chromium'
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { getRandomPort } from 'get-port-please'
import { launchChromium } from '../../scripts/browser'
import { spawnSlidev } from '../../scripts/slidev'
import { openStage, ready, SLOW, stayInStep, waitForPosition } from '../browser/stage'

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
    const port = await getRandomPort()
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
