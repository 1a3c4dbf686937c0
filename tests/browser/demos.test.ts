/**
 * The three live demos (tokenizer, sampling, compute-optimal scaling) driven as a person would, in
 * the built SPA: type and see the counts change, move a slider and see the bars or the curve move,
 * keys that navigate only when no field has the focus, the presenter and audience windows in step,
 * and nothing of a demo in the first slide's download. Slides are found by their route alias.
 * dist/ is built (with its PDF, as `npm run build` makes it) only when stale: ensureDist.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/serve'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DEMOS } from '../../bench/demos'
import { DEMO_DEFAULTS, GOPHER_BUDGET_LOG10 } from '../../composables/demo-defaults'
import { ENCODINGS, TEXT_LIMIT } from '../../composables/tokenizers'
import tokenizerSnapshot from '../../data/generated/tokenizer-snapshot.json'
import { formatParams } from '../../lib/format'
import { launchChromium } from '../../scripts/browser'
import { exportFilename } from '../../scripts/deck-source'
import { readPdf } from '../../scripts/pdf'
import { ensureDist } from '../../scripts/present'
import { serveStatic } from '../../scripts/serve'
import { aliasSlideNo, gotoSlide, newDeckContext, settleSlide } from '../../scripts/slide-page'
import { computeOptimal } from '../../snippets/chinchilla'

const DIST = 'dist'
const PDF = join(DIST, `${await exportFilename()}.pdf`)
/** Text only each demo's own code carries (the speaker notes, in the main bundle, quote other words), by route alias. */
const DEMO_MARKERS = Object.values(DEMOS)
const isVocabulary = (url: string) => /\/(?:r50k_base|cl100k_base)-[\w-]+\.js$/.test(url)

describe('the live demos', () => {
  let server: StaticServer
  let browser: Browser
  const slideOf: Record<string, number> = {}

  before(async () => {
    await ensureDist(DIST)
    server = await serveStatic(DIST)
    browser = await launchChromium()
    const context = await newDeckContext(browser)
    const page = await context.newPage()
    for (const alias of Object.keys(DEMOS))
      slideOf[alias] = await aliasSlideNo(page, server.url, alias)
    await context.close()
  })

  after(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A page on slide `no` (all clicks shown), plus every request it makes. */
  async function open(context: BrowserContext, path: string | number): Promise<{ page: Page, requests: Request[] }> {
    const page = await context.newPage()
    const requests: Request[] = []
    page.on('request', r => requests.push(r))
    await page.goto(`${server.url}${path}`)
    return { page, requests }
  }
  const demo = (page: Page, no: number, kind: string) => page.locator(`.slidev-page-${no} [data-chart="${kind}"]`)
  const currentSlide = (page: Page) => page.evaluate(() => window.__deckNav!.currentSlideNo)

  it('loads no demo code and no vocabulary with the first slide, nor when idle elsewhere', async () => {
    const context = await newDeckContext(browser)
    const { page, requests } = await open(context, 1)
    await settleSlide(page, 1)
    const firstSlide = [...requests]
    const bodies = await Promise.all(firstSlide.filter(r => r.url().endsWith('.js')).map(async r => (await r.response())?.text() ?? ''))
    for (const marker of DEMO_MARKERS)
      assert.ok(!bodies.some(b => b.includes(marker)), `the first slide's scripts contain demo code ("${marker}")`)
    assert.deepEqual(firstSlide.map(r => r.url()).filter(isVocabulary), [], 'no vocabulary with the first slide')
    // Slidev mounts every slide after ~3 s; the vocabularies still wait until the demo is near.
    await page.waitForTimeout(4500)
    assert.deepEqual(requests.map(r => r.url()).filter(isVocabulary), [], 'no vocabulary while the demo is far away')
    await context.close()
  })

  it('tokenizer: fetched from the slide before, then typing changes both counts and never flips the slide', async () => {
    const no = slideOf['tokenizer-demo']!
    const context = await newDeckContext(browser)
    const { page, requests } = await open(context, no - 1)
    await settleSlide(page, no - 1)
    // Each vocabulary is a small encoder module plus its large rank table (> 100 kB).
    await page.waitForFunction(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter(e => /(?:r50k|cl100k)_base-[\w-]+\.js$/.test(e.name) && e.encodedBodySize > 100_000)
      .length === 2, null, { timeout: 20_000 })
    assert.ok(requests.map(r => r.url()).filter(isVocabulary).length >= 2, 'both vocabularies fetched while the slide before is shown')

    await gotoSlide(page, no)
    const root = demo(page, no, 'tokenizer')
    await root.locator('[data-status="live"]').nth(1).waitFor()
    const counts = async () => root.locator('[data-encoding]').evaluateAll(els => els.map(e => Number(e.getAttribute('data-token-count'))))
    const before = await counts()
    assert.deepEqual(before, ENCODINGS.map(e => tokenizerSnapshot.encodings[e.name].ids.length), 'the live counts of the default sentence are the snapshot\'s')
    assert.ok(before[0]! > 1.5 * before[1]!, `r50k_base ${before[0]} vs cl100k_base ${before[1]} tokens on the default sentence`)

    const field = root.locator('textarea')
    await field.click()
    await field.press('End')
    await page.keyboard.type(' 你好世界 hello world', { delay: 5 })
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowLeft')
    const typed = await counts()
    assert.ok(typed[0]! > before[0]! && typed[1]! > before[1]!, `counts went from ${before} to ${typed}`)
    assert.equal(await currentSlide(page), no, 'typing (arrows and space included) stays on the slide')
    assert.ok(await root.locator('.chip-text', { hasText: '世' }).count() > 0, 'a chip for the new text')

    await page.keyboard.press('Escape')
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(n => window.__deckNav!.currentSlideNo === n + 1, no)
    await context.close()
  })

  it(`tokenizer: ${10 * TEXT_LIMIT} pasted characters or emoji are capped at ${TEXT_LIMIT}, and the layout holds`, async () => {
    const no = slideOf['tokenizer-demo']!
    const context = await newDeckContext(browser)
    const { page } = await open(context, no)
    await settleSlide(page, no)
    const root = demo(page, no, 'tokenizer')
    await root.locator('[data-status="live"]').nth(1).waitFor()
    for (const pasted of ['测', '😀', 'a'].map(c => c.repeat(10 * TEXT_LIMIT))) {
      await root.locator('textarea').fill(pasted)
      await page.waitForFunction(([el, limit]) => el!.getAttribute('data-chars') === String(limit), [await root.elementHandle(), TEXT_LIMIT] as const)
      assert.match((await root.locator('[data-role="char-count"]').textContent())!, new RegExp(`${TEXT_LIMIT} / ${TEXT_LIMIT}`))
      const slide = (await page.locator(`.slidev-page-${no}`).boundingBox())!
      const box = (await root.boundingBox())!
      assert.ok(box.y + box.height <= slide.y + slide.height + 1 && box.x + box.width <= slide.x + slide.width + 1, `the demo stays on the slide (${JSON.stringify(box)})`)
      const count = Number(await root.locator('[data-encoding="r50k_base"]').getAttribute('data-token-count'))
      assert.ok(count >= TEXT_LIMIT / 4, `all ${TEXT_LIMIT} characters counted (${count} tokens)`)
    }
    await context.close()
  })

  it('sampling: sliders move the bars, top-k cuts, temperature 0 is greedy, seeded draws replay', async () => {
    const no = slideOf['sampling-demo']!
    const context = await newDeckContext(browser)
    const { page } = await open(context, no)
    await settleSlide(page, no)
    const root = demo(page, no, 'sampling')
    const probs = async () => root.locator('[data-p]').evaluateAll(els => els.map(e => Number(e.getAttribute('data-p'))))
    const start = await probs()
    assert.ok(start.every(p => p > 0), 'every candidate possible at first')

    const topK = root.locator('[data-control="top-k"]')
    await topK.focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight') // k = 2
    assert.equal((await probs()).filter(p => p > 0).length, 2, 'top-k = 2 keeps two candidates')
    assert.equal(await currentSlide(page), no, 'arrows move the focused slider, not the slide')
    await page.keyboard.press('End')

    const temperature = root.locator('[data-control="temperature"]')
    await temperature.focus()
    await page.keyboard.press('Home')
    assert.deepEqual((await probs()).map(p => p > 0.999), start.map((_, i) => i === 0), 'temperature 0: all on the most likely candidate')
    await page.keyboard.press('End')
    const hot = await probs()
    assert.ok(hot[0]! < start[0]!, 'temperature 2 flattens the distribution')
    await page.keyboard.press('Escape')

    const drawFive = async () => {
      await root.locator('[data-control="reset"]').click()
      for (let i = 0; i < 5; i++)
        await root.locator('[data-control="draw"]').click()
      return root.locator('.history-token').allTextContents()
    }
    const first = await drawFive()
    assert.equal(first.length, 5)
    assert.match((await root.locator('[data-role="text"]').textContent())!, new RegExp(`${first[4]}$`), 'the drawn token is appended to the prompt')
    assert.deepEqual(await drawFive(), first, 'the same seed replays the same draws')

    // After a mouse click, → navigates again (the button hands the keyboard back).
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(n => window.__deckNav!.currentSlideNo === n + 1, no)
    await context.close()
  })

  it('scaling: the compute slider moves the curve and the optimum', async () => {
    const no = slideOf['scaling-demo']!
    const context = await newDeckContext(browser)
    const { page } = await open(context, no)
    await settleSlide(page, no)
    const root = demo(page, no, 'scaling')
    const read = async () => ({
      optimum: Number(await root.getAttribute('data-optimal-params')),
      curve: await root.locator('[data-role="iso-curve"]').getAttribute('points'),
      label: await root.locator('[data-role="optimum-text"]').textContent(),
    })
    const gopher = await read()
    assert.ok(gopher.optimum > 2e10 && gopher.optimum < 5e10, `optimum at the Gopher budget: ${gopher.optimum}`)
    for (const id of ['gopher', 'chinchilla'])
      assert.equal(await root.locator(`[data-model-id="${id}"] circle`).count(), 1, `${id} is placed on the chart`)

    const slider = root.locator('[data-control="compute"]')
    await slider.focus()
    for (let i = 0; i < 10; i++)
      await page.keyboard.press('ArrowRight')
    const more = await read()
    assert.ok(more.optimum > gopher.optimum * 1.5, 'half a decade more compute: a bigger optimal model')
    assert.notEqual(more.curve, gopher.curve, 'the curve moved')
    assert.notEqual(more.label, gopher.label, 'the read-out changed')
    assert.equal(await currentSlide(page), no)

    await page.keyboard.press('Escape')
    await root.locator('[data-control="gopher-budget"]').click()
    assert.equal((await read()).optimum, gopher.optimum, 'the button returns to the Gopher budget')
    await context.close()
  })

  it('keeps the presenter and audience windows in step, both ways', async () => {
    const tokenizer = slideOf['tokenizer-demo']!
    const sampling = slideOf['sampling-demo']!
    const context = await newDeckContext(browser, { viewport: { width: 1600, height: 900 } })
    const presenter = (await open(context, `presenter/${tokenizer}`)).page
    const audience = (await open(context, tokenizer)).page
    await settleSlide(audience, tokenizer)
    await presenter.locator('.slidev-page [data-chart="tokenizer"] textarea').first().waitFor()

    const text = '同步测试 sync test'
    await presenter.locator('[data-chart="tokenizer"] textarea').first().fill(text)
    await audience.waitForFunction(([n, t]) => (document.querySelector(`.slidev-page-${n} textarea`) as HTMLTextAreaElement | null)?.value === t, [tokenizer, text] as const)
    await audience.locator(`.slidev-page-${tokenizer} [data-encoding="cl100k_base"][data-status="live"]`).waitFor()
    const shown = async (page: Page) => page.locator('[data-chart="tokenizer"] [data-encoding="cl100k_base"]').first().getAttribute('data-token-count')
    await presenter.waitForFunction(() => document.querySelector('[data-chart="tokenizer"] [data-encoding="cl100k_base"]')?.getAttribute('data-status') === 'live')
    assert.equal(await shown(audience), await shown(presenter), 'same token count in both windows')

    // Now the other way: the audience window moves a slider on the sampling slide.
    await presenter.evaluate(n => window.__deckNav!.go(n), sampling)
    await audience.waitForFunction(n => window.__deckNav!.currentSlideNo === n, sampling)
    await settleSlide(audience, sampling)
    const slider = audience.locator(`.slidev-page-${sampling} [data-control="top-k"]`)
    await slider.focus()
    await audience.keyboard.press('Home')
    await presenter.waitForFunction(() => {
      const bars = [...document.querySelectorAll('[data-chart="sampling"] [data-p]')].slice(0, 8)
      return bars.length > 0 && bars.filter(b => Number(b.getAttribute('data-p')) > 0).length === 1
    })
    await context.close()
  })

  it('prints a meaningful static state in the slides PDF', async () => {
    assert.ok(existsSync(PDF), `${PDF}: no slides PDF in the build`)
    const { pageTexts } = await readPdf(PDF)
    assert.ok(pageTexts, 'pdftotext not found: install poppler-utils (Debian) or poppler (Homebrew)')
    const page = (no: number) => pageTexts[no - 1] ?? ''
    const { r50k_base: old, cl100k_base: current } = tokenizerSnapshot.encodings
    const tokens = page(slideOf['tokenizer-demo']!)
    assert.match(tokens, new RegExp(`${old.ids.length} 个 token[\\s\\S]*${current.ids.length} 个 token`), 'the default sentence, tokenized, on the tokenizer page')
    assert.match(tokens, /unbelievable/)
    const sampling = page(slideOf['sampling-demo']!)
    assert.match(sampling, /今天天气真/)
    const candidates = DEMO_DEFAULTS.sampling.topK // the default keeps every candidate
    assert.equal((sampling.match(/\d+(?:\.\d)?%/g) ?? []).length, candidates, `${candidates} candidates with their probabilities`)
    const optimum = formatParams(computeOptimal(10 ** GOPHER_BUDGET_LOG10).N)
    assert.match(page(slideOf['scaling-demo']!), new RegExp(`最优 ${optimum.replace('.', '\\.')}`), 'the optimum at the Gopher budget on the scaling page')
  })
})
