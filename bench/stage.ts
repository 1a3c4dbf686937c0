/// <reference path="../setup/root.ts" />
/**
 * npm run bench:stage [-- --loads 5]
 *
 * The `npm run present` flow as a speaker meets it: the built deck served by scripts/present.ts
 * (a fresh server per run, like a fresh `npm run present`), each run in a fresh browser context.
 * - first slide: the projector window (1280×720) opened at `/`, ms from navigation start until
 *   slide 1 is painted with its fonts (the same marker as the main benchmark, bench/measure.ts);
 * - both windows take input: ms from opening the presenter (1440×900) and the projector together
 *   until a → pressed in the presenter shows in both (→ is pressed every 100 ms until one lands).
 * Goals: under 2 s and under 3 s. Writes bench/results/stage.json. Figures are reported, never asserted.
 */
import type { Browser } from 'playwright-chromium'
import { mkdir, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { launchChromium } from '../scripts/browser'
import { buildDeck, staleReason, startPresentServer } from '../scripts/present'
import { newDeckContext } from '../scripts/slide-page'
import { watchFirstSlide } from './measure'
import { median, round } from './stats'

const { values } = parseArgs({ options: { loads: { type: 'string', default: '5' }, dist: { type: 'string', default: 'dist' } } })
const loads = Number(values.loads)

async function firstSlideMs(browser: Browser, url: string): Promise<number> {
  const context = await newDeckContext(browser, { viewport: { width: 1280, height: 720 } })
  try {
    await context.addInitScript(watchFirstSlide)
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 60_000, polling: 50 })
    return page.evaluate(() => window.__benchReady!)
  }
  finally {
    await context.close()
  }
}

async function bothTakeInputMs(browser: Browser, urls: { presenter: string, audience: string }): Promise<number> {
  const context = await newDeckContext(browser)
  try {
    const [presenter, audience] = [await context.newPage(), await context.newPage()]
    await presenter.setViewportSize({ width: 1440, height: 900 })
    const at = (page: typeof presenter) => page.evaluate(() => window.__deckNav ? `${window.__deckNav.currentSlideNo}.${window.__deckNav.clicks}` : '')
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

const print = (text: string) => process.stdout.write(`${text}\n`)

async function main() {
  const reason = staleReason(values.dist!)
  if (reason) {
    print(`[bench:stage] building (${reason}) …`)
    await buildDeck(values.dist!)
  }
  const browser = await launchChromium()
  const first: number[] = []
  const input: number[] = []
  try {
    for (let run = 0; run <= loads; run++) {
      const server = await startPresentServer({ dist: values.dist, port: 0 })
      try {
        const paint = await firstSlideMs(browser, server.urls.local.audience)
        await server.close()
        const fresh = await startPresentServer({ dist: values.dist, port: 0 })
        const both = await bothTakeInputMs(browser, fresh.urls.local).finally(() => fresh.close())
        if (run > 0) { // run 0 warms the OS file cache and the browser
          first.push(round(paint))
          input.push(both)
        }
        print(`[bench:stage] run ${run}${run ? '' : ' (warm-up)'}: first slide ${round(paint)} ms, both windows take input ${both} ms`)
      }
      finally {
        await server.close()
      }
    }
  }
  finally {
    await browser.close()
  }
  const result = {
    date: new Date().toISOString(),
    loadAverage: loadavg().map(n => round(n)),
    loads,
    firstSlideMs: { median: median(first), each: first, goal: 2000 },
    bothWindowsTakeInputMs: { median: median(input), each: input, goal: 3000 },
  }
  await mkdir('bench/results', { recursive: true })
  await writeFile('bench/results/stage.json', `${JSON.stringify(result, null, 2)}\n`)
  print([
    '',
    `| npm run present (median of ${loads}) | ms | goal |`,
    '|---|---|---|',
    `| first slide painted (projector window) | ${result.firstSlideMs.median} | < 2000 |`,
    `| both windows take input | ${result.bothWindowsTakeInputMs.median} | < 3000 |`,
    `load average ${result.loadAverage.join(' ')}; written to bench/results/stage.json`,
  ].join('\n'))
}

main().then(() => process.exit(0), (error: Error) => {
  console.error(error.stack ?? error.message)
  process.exit(1)
})
