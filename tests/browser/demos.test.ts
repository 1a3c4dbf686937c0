/**
 * The live demos (tokenizer, the tiny GPT writing and its attention, compute-optimal scaling)
 * driven as a person would, in the built SPA: type and see the counts change, move a slider and
 * see the bars or the curve move, keys that navigate only when no field has the focus, the
 * presenter and audience windows in step, odd input and a broken weight file, and nothing of a
 * demo in the first slide's download. The tiny GPT's figures are checked against the same
 * weights run here in Node. Slides are found by their route alias. dist/ is built (with its PDF,
 * as `npm run build` makes it) only when stale: ensureDist.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/serve'
import assert from 'node:assert/strict'
import { Buffer } from 'node:buffer'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DEMOS, isWeights } from '../../bench/demos'
import { DEMO_DEFAULTS, GOPHER_BUDGET_LOG10, HEATMAP_LIMIT, PROMPT_LIMIT } from '../../composables/demo-defaults'
import { TINY_GPT_SNAPSHOT } from '../../composables/tiny-gpt-snapshot'
import { ENCODINGS, TEXT_LIMIT } from '../../composables/tokenizers'
import tokenizerSnapshot from '../../data/generated/tokenizer-snapshot.json'
import { formatParams } from '../../lib/format'
import { continueWith, drawCharacter, heatmapInput, nextCharacter } from '../../lib/generation'
import { launchChromium } from '../../scripts/browser'
import { exportFilename } from '../../scripts/deck-source'
import { readPdf } from '../../scripts/pdf'
import { ensureDist } from '../../scripts/present'
import { serveStatic } from '../../scripts/serve'
import { aliasSlideNo, gotoSlide, newDeckContext, settleSlide } from '../../scripts/slide-page'
import { readModel } from '../../scripts/tiny-gpt-snapshot'
import { computeOptimal } from '../../snippets/chinchilla'
import { forward } from '../../snippets/tiny-gpt'
import { encode } from '../../snippets/tiny-gpt-weights'

const DIST = 'dist'
const PDF = join(DIST, `${await exportFilename()}.pdf`)
/** Text only each demo's own code carries (the speaker notes, in the main bundle, quote other words), by route alias. */
const DEMO_MARKERS = Object.values(DEMOS)
const isVocabulary = (url: string) => /\/(?:r50k_base|cl100k_base)-[\w-]+\.js$/.test(url)

/** The tiny GPT here in Node, from the committed weights: what the slides must show. */
const gpt = readModel()
const { contextLength } = gpt.model.config
interface Settings { temperature: number, topK: number, topP: number }
const DEFAULT_SETTINGS: Settings = { temperature: DEMO_DEFAULTS.sampling.temperature, topK: DEMO_DEFAULTS.sampling.topK, topP: DEMO_DEFAULTS.sampling.topP }
function expectedNext(prompt: string, drawn: number[], settings: Settings) {
  const run = continueWith(gpt.model, undefined, encode(prompt, gpt.vocab, contextLength).ids, drawn)
  return nextCharacter(run.logits, settings, 8)
}
/** The ids the model draws after `drawn` with these settings and the seed: what the button must add. */
function expectedDraws(prompt: string, drawn: number[], settings: Settings, seed: number, count: number): number[] {
  const ids = [...drawn]
  for (let i = 0; i < count; i++)
    ids.push(drawCharacter(expectedNext(prompt, ids, settings).probs, seed, ids.length))
  return ids.slice(drawn.length)
}

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
    assert.deepEqual(firstSlide.map(r => r.url()).filter(isWeights), [], 'no model weights with the first slide')
    // Slidev mounts every slide after ~3 s; the vocabularies and the weights still wait until their demo is near.
    await page.waitForTimeout(4500)
    assert.deepEqual(requests.map(r => r.url()).filter(isVocabulary), [], 'no vocabulary while the demo is far away')
    assert.deepEqual(requests.map(r => r.url()).filter(isWeights), [], 'no model weights while the demos are far away')
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

  /** The bars a sampling slide shows: candidate id, model's probability, sampled probability. */
  const bars = (page: Page, no: number) => demo(page, no, 'sampling').locator('[data-p]').evaluateAll(els => els.map(e => ({
    id: Number(e.getAttribute('data-id')),
    base: Number(e.getAttribute('data-base')),
    p: Number(e.getAttribute('data-p')),
    shown: e.lastElementChild!.textContent!.trim(),
  })))
  const drawnIds = async (page: Page, no: number) => {
    const value = await demo(page, no, 'sampling').getAttribute('data-drawn')
    return value ? value.split(',').map(Number) : []
  }
  const live = (page: Page, no: number, kind: string) => page.locator(`.slidev-page-${no} [data-chart="${kind}"][data-status="live"]`).waitFor({ timeout: 30_000 })
  function assertBars(shown: Awaited<ReturnType<typeof bars>>, expected: ReturnType<typeof expectedNext>, what: string) {
    assert.deepEqual(shown.map(b => b.id), expected.candidates.map(c => c.id), `${what}: the same candidates, in order`)
    shown.forEach((b, i) => {
      const c = expected.candidates[i]!
      assert.ok(Math.abs(b.base - c.base) < 1e-5 && Math.abs(b.p - c.probability) < 1e-5, `${what}: candidate ${c.id} shows ${b.base}/${b.p}, the model gives ${c.base}/${c.probability}`)
    })
  }

  it('tiny GPT: weights fetched from the slide before; the bars are the model\'s, draws replay the seed, temperature 0 is greedy', async () => {
    const no = slideOf['sampling-demo']!
    const context = await newDeckContext(browser)
    const { page, requests } = await open(context, no - 1)
    await settleSlide(page, no - 1)
    await page.waitForFunction(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .some(e => /\/tiny-gpt-[\w-]+\.bin$/.test(e.name) && e.encodedBodySize > 1_000_000), null, { timeout: 20_000 })
    assert.equal(requests.map(r => r.url()).filter(isWeights).length, 1, 'the weights fetched once, while the slide before is shown')

    await gotoSlide(page, no)
    await live(page, no, 'sampling')
    const root = demo(page, no, 'sampling')
    assertBars(await bars(page, no), expectedNext(DEMO_DEFAULTS.sampling.prompt, [], DEFAULT_SETTINGS), 'the default prompt')

    const prompt = '春眠不觉'
    await root.locator('[data-control="prompt"]').fill(prompt)
    await page.keyboard.press('ArrowRight') // in the field: moves the caret, not the slide
    assert.equal(await currentSlide(page), no)
    await page.keyboard.press('Escape')
    const start = expectedNext(prompt, [], DEFAULT_SETTINGS)
    assertBars(await bars(page, no), start, prompt)
    const top = (await bars(page, no))[0]!
    assert.equal(top.shown, `${Math.round(start.candidates[0]!.probability * 100)}%`, 'the top candidate\'s percentage as the room reads it')

    const draw = root.locator('[data-control="draw"]')
    for (let i = 0; i < 4; i++)
      await draw.click()
    const seed = DEMO_DEFAULTS.sampling.seed
    const four = expectedDraws(prompt, [], DEFAULT_SETTINGS, seed, 4)
    await page.waitForFunction(([el, n]) => el!.getAttribute('data-drawn')!.split(',').filter(Boolean).length === n, [await root.elementHandle(), 4] as const)
    assert.deepEqual(await drawnIds(page, no), four, 'four characters, as the seed draws them in Node')
    assert.equal(await root.locator('[data-role="text"]').getAttribute('data-written'), four.map(id => gpt.vocab[id]).join(''))
    assertBars(await bars(page, no), expectedNext(prompt, four, DEFAULT_SETTINGS), 'after four characters')

    // Temperature 0: every further character is the argmax.
    const temperature = root.locator('[data-control="temperature"]')
    await temperature.focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('Escape')
    const greedy = { ...DEFAULT_SETTINGS, temperature: 0 }
    const cold = await bars(page, no)
    assert.deepEqual(cold.map(b => b.p), cold.map((_, i) => (i === 0 ? 1 : 0)), 'temperature 0: all on the likeliest character')
    for (let i = 0; i < 3; i++)
      await draw.click()
    await page.waitForFunction(([el, n]) => el!.getAttribute('data-drawn')!.split(',').length === n, [await root.elementHandle(), 7] as const)
    const after = (await drawnIds(page, no)).slice(4)
    let ids = [...four]
    for (const id of after) {
      const { logits } = continueWith(gpt.model, undefined, encode(prompt, gpt.vocab, contextLength).ids, ids)
      assert.equal(id, Array.from(logits).indexOf(Math.max(...logits)), 'greedy: the argmax of the model\'s logits')
      ids = [...ids, id]
    }
    assert.deepEqual(after, expectedDraws(prompt, four, greedy, seed, 3))

    // The same again replays: reset, the same prompt, four draws.
    await root.locator('[data-control="reset"]').click()
    await root.locator('[data-control="prompt"]').fill(prompt)
    for (let i = 0; i < 4; i++)
      await draw.click()
    await page.waitForFunction(([el, n]) => el!.getAttribute('data-drawn')!.split(',').filter(Boolean).length === n, [await root.elementHandle(), 4] as const)
    assert.deepEqual(await drawnIds(page, no), four, 'the same seed replays the same characters')

    // After a mouse click, → navigates again (the button hands the keyboard back).
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(n => window.__deckNav!.currentSlideNo === n + 1, no)
    await context.close()
  })

  it('tiny GPT: an empty prompt, a 600-character paste, emoji, Latin letters, traditional characters: a note, and it still writes', async () => {
    const no = slideOf['sampling-demo']!
    const at = slideOf['attention-demo']!
    const context = await newDeckContext(browser)
    const { page } = await open(context, no)
    const errors: string[] = []
    page.on('pageerror', error => errors.push(error.message))
    await settleSlide(page, no)
    await live(page, no, 'sampling')
    const root = demo(page, no, 'sampling')
    const cases: [string, RegExp][] = [
      ['', /提示是空的/],
      ['测'.repeat(600), new RegExp(`提示有 ${PROMPT_LIMIT} 个字，模型只读最后 ${contextLength} 个`)],
      ['😀🎉床前', /2 个字不在词表里，读作 <unk>：「😀」「🎉」/],
      ['hello', /5 个字不在词表里/],
      ['春眠不覺', /1 个字不在词表里，读作 <unk>：「覺」/],
    ]
    for (const [prompt, note] of cases) {
      await root.locator('[data-control="reset"]').click()
      await root.locator('[data-control="prompt"]').fill(prompt)
      assert.match((await root.locator('[data-role="notes"]').textContent()) ?? '', note, `a note for ${JSON.stringify(prompt.slice(0, 12))}`)
      const started = Date.now()
      await root.locator('[data-control="draw"]').click()
      await page.waitForFunction(el => el!.getAttribute('data-drawn')!.length > 0, await root.elementHandle(), { timeout: 5000 })
      assert.ok(Date.now() - started < 3000, `a character within 3 s for ${JSON.stringify(prompt.slice(0, 12))}`)
      assertBars(await bars(page, no), expectedNext(Array.from(prompt).slice(0, PROMPT_LIMIT).join(''), await drawnIds(page, no), DEFAULT_SETTINGS), JSON.stringify(prompt.slice(0, 12)))
      if (prompt.length > PROMPT_LIMIT)
        assert.equal(Array.from(await root.locator('[data-control="prompt"]').inputValue()).length, PROMPT_LIMIT, 'a paste is capped')
    }

    // The heat map takes the same inputs: a note, the last 24 characters, no error.
    await gotoSlide(page, at)
    await live(page, at, 'attention')
    const map = demo(page, at, 'attention')
    for (const [text, note, rows] of [['😀a床前', /2 个字不在词表里/, 4], ['', /提示是空的/, 1], ['测'.repeat(600), new RegExp(`只画最后 ${HEATMAP_LIMIT} 个字`), HEATMAP_LIMIT]] as const) {
      await map.locator('[data-control="text"]').fill(text)
      assert.match((await map.locator('[data-role="notes"]').textContent()) ?? '', note)
      assert.equal(await map.locator('[data-row]').count(), rows)
    }
    assert.deepEqual(errors, [], 'no page error')
    await context.close()
  })

  it('tiny GPT attention: the head\'s real weights, nothing above the diagonal, hover and head picks', async () => {
    const no = slideOf['attention-demo']!
    const context = await newDeckContext(browser)
    const { page } = await open(context, no)
    await settleSlide(page, no)
    await live(page, no, 'attention')
    const root = demo(page, no, 'attention')
    const { ids, chars } = heatmapInput(DEMO_DEFAULTS.attention.text, gpt.vocab, contextLength, HEATMAP_LIMIT)
    const { matrix } = forward(gpt.model, ids)
    const cells = () => root.locator('[data-row] rect').evaluateAll(els => els.map(e => ({
      row: Number(e.parentElement!.getAttribute('data-row')),
      col: Number(e.getAttribute('data-col')),
      w: Number(e.getAttribute('data-weight')),
    })))
    const check = async (l: number, h: number) => {
      const shown = await cells()
      const n = chars.length
      assert.equal(shown.length, n * (n + 1) / 2, 'one cell per visible pair, none above the diagonal')
      assert.ok(shown.every(c => c.col <= c.row), 'the causal mask: every cell on or below the diagonal')
      for (const c of shown)
        assert.ok(Math.abs(c.w - matrix[l]![h]![c.row]![c.col]!) < 1e-4, `layer ${l + 1} head ${h + 1} (${c.row}, ${c.col}): ${c.w} vs ${matrix[l]![h]![c.row]![c.col]}`)
    }
    assert.equal(await root.getAttribute('data-layer'), String(DEMO_DEFAULTS.attention.layer))
    await check(DEMO_DEFAULTS.attention.layer, DEMO_DEFAULTS.attention.head)
    assert.ok((await root.locator('[data-role="mask"]').getAttribute('d'))!.length > 10, 'the mask drawn as one empty region')

    await root.locator('[data-hover="6"]').hover()
    await page.waitForFunction(el => el!.getAttribute('data-query') === '6', await root.elementHandle())
    const row = matrix[DEMO_DEFAULTS.attention.layer]![DEMO_DEFAULTS.attention.head]![6]!
    const best = row.indexOf(Math.max(...row))
    assert.match((await root.locator('[data-role="looks"]').textContent())!, new RegExp(`「${chars[6]}」看的是：「${chars[best]}」${Math.round(row[best]! * 100)}%`))

    await root.locator('[data-pick="1-0"]').click()
    await page.waitForFunction(el => el!.getAttribute('data-layer') === '1' && el!.getAttribute('data-head') === '0', await root.elementHandle())
    await check(1, 0)
    assert.match((await root.locator('[data-role="profile"]').textContent())!, /第 2 层第 1 头平均把 \d+% 给前一个字，79% 给标点/)
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(n => window.__deckNav!.currentSlideNo === n + 1, no)
    await context.close()
  })

  it('tiny GPT: a missing or corrupt weight file is said on both slides, and the deck goes on', async () => {
    const real = readFileSync(join(DIST, 'assets', readdirSync(join(DIST, 'assets')).find(f => /^tiny-gpt-[\w-]+\.bin$/.test(f))!))
    const corrupt = Buffer.from(real)
    corrupt[corrupt.length - 100] ^= 0xFF // one flipped byte in the weights: the checksum fails
    for (const [what, fulfil, reason] of [
      ['missing', { status: 404, body: 'not found' }, /HTTP 404/],
      ['corrupt', { status: 200, body: corrupt, contentType: 'application/octet-stream' }, /checksum/],
      ['not a weight file', { status: 200, body: '<html>oops</html>', contentType: 'text/html' }, /not a tiny-gpt weight file/],
    ] as const) {
      const context = await newDeckContext(browser)
      await context.route(url => isWeights(url.href), route => route.fulfill(fulfil))
      const errors: string[] = []
      for (const alias of ['sampling-demo', 'attention-demo']) {
        const no = slideOf[alias]!
        const { page } = await open(context, no)
        page.on('pageerror', error => errors.push(error.message))
        await settleSlide(page, no)
        const failed = page.locator(`.slidev-page-${no} [data-role="failed"]`)
        await failed.waitFor({ timeout: 15_000 })
        assert.match((await failed.textContent())!, /模型权重载入失败/, `${what}: said on the ${alias} slide`)
        assert.match((await failed.textContent())!, reason, `${what}: the reason on the ${alias} slide`)
        await page.keyboard.press('ArrowRight')
        await page.waitForFunction(n => window.__deckNav!.currentSlideNo === n + 1, no)
        await settleSlide(page, no + 1)
        await page.close()
      }
      assert.deepEqual(errors, [], `${what}: no page error`)
      await context.close()
    }
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
    await audience.keyboard.press('Escape')

    // The presenter writes: the same prompt, settings, seed and characters in the audience window.
    const written = (page: Page) => page.locator(`[data-chart="sampling"][data-status="live"]`).first().evaluate(el => ({
      drawn: el.getAttribute('data-drawn'),
      text: el.querySelector('[data-role="text"]')!.getAttribute('data-written'),
      bars: [...el.querySelectorAll('[data-p]')].map(b => b.getAttribute('data-p')).join(' '),
    }))
    await presenter.locator('[data-chart="sampling"] [data-control="reset"]').first().click()
    await presenter.locator('[data-chart="sampling"] [data-control="prompt"]').first().fill('白日依山')
    for (let i = 0; i < 3; i++)
      await presenter.locator('[data-chart="sampling"] [data-control="draw"]').first().click()
    const expected = expectedDraws('白日依山', [], DEFAULT_SETTINGS, DEMO_DEFAULTS.sampling.seed, 3).join(',')
    await presenter.waitForFunction(d => document.querySelector('[data-chart="sampling"][data-status="live"]')?.getAttribute('data-drawn') === d, expected)
    await audience.waitForFunction(([n, d]) => document.querySelector(`.slidev-page-${n} [data-chart="sampling"][data-status="live"]`)?.getAttribute('data-drawn') === d, [sampling, expected] as const)
    assert.deepEqual(await written(audience), await written(presenter), 'the same text and bars in both windows')

    // And the heat map: the presenter picks a head and points at a character.
    const attention = slideOf['attention-demo']!
    await presenter.evaluate(n => window.__deckNav!.go(n), attention)
    await audience.waitForFunction(n => window.__deckNav!.currentSlideNo === n, attention)
    await presenter.locator('.slidev-page [data-chart="attention"][data-status="live"]').first().waitFor()
    await presenter.locator('.slidev-page [data-chart="attention"] [data-pick="1-0"]').first().click()
    await presenter.locator('.slidev-page [data-chart="attention"] [data-hover="5"]').first().hover()
    await audience.waitForFunction((n) => {
      const el = document.querySelector(`.slidev-page-${n} [data-chart="attention"]`)
      return el?.getAttribute('data-layer') === '1' && el.getAttribute('data-head') === '0' && el.getAttribute('data-query') === '5'
    }, attention)
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
    const { sampling: prewritten, attention } = TINY_GPT_SNAPSHOT
    const flat = (text: string) => text.replace(/\s+/g, '')
    const sampling = flat(page(slideOf['sampling-demo']!))
    assert.ok(sampling.includes(prewritten.prompt + prewritten.tokens.join('')), 'the default prompt with its first line written in advance')
    const last = prewritten.steps.at(-1)!
    for (const c of last.candidates.filter(c => c.probability >= 0.1))
      assert.ok(sampling.includes(`${Math.round(c.probability * 100)}%`), `the candidate 「${c.token}」 with its probability`)
    assert.ok((sampling.match(/\d+(?:\.\d+)?%/g) ?? []).length >= last.candidates.length, `${last.candidates.length} candidates with their probabilities`)
    assert.match(sampling, /玩具模型：131万参数/)
    const heatmap = flat(page(slideOf['attention-demo']!))
    assert.ok(heatmap.includes(flat(attention.text)), 'the default text on the heat map page')
    assert.match(heatmap, /第1层第4头平均把65%给前一个字/)
    assert.match(flat(page(slideOf['two-files']!)), /2\.7MB.*130GB.*350GB/)
    const optimum = formatParams(computeOptimal(10 ** GOPHER_BUDGET_LOG10).N)
    assert.match(page(slideOf['scaling-demo']!), new RegExp(`最优 ${optimum.replace('.', '\\.')}`), 'the optimum at the Gopher budget on the scaling page')
  })
})
