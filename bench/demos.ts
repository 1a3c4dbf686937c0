/// <reference path="../setup/root.ts" />
/** The live demos' cost: what each adds to the download, how fast the tokenizer answers, how fast the tiny GPT writes and redraws. */
import type { Browser, Page } from 'playwright-chromium'
import { Buffer } from 'node:buffer'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { aliasSlideNo, settleSlide } from '../scripts/slide-page'
import { probeContext } from './page'

/** Route alias of each demo slide, and text only that demo's code carries. */
export const DEMOS = {
  'tokenizer-demo': '两种词表同时切分',
  'sampling-demo': '累计概率到 p 为止',
  'attention-demo': '指向一个字，看它把注意力分给了谁',
  'two-files': '文件二：代码',
  'scaling-demo': '回到 Gopher 的算力',
} as const
/** The tiny GPT's weight file, as the build names it. */
export const isWeights = (url: string) => /\/tiny-gpt-[\w-]+\.bin$/.test(url)
/** 500 characters a speaker might paste: mixed text, a CJK run (the slow path), emoji. */
export const TEXTS = {
  mixed: Array.from('大语言模型读到的不是字，而是 token：unbelievable results. '.repeat(20)).slice(0, 500).join(''),
  cjk: Array.from('大语言模型读到的不是字而是子词单元按照字节对编码合并'.repeat(30)).slice(0, 500).join(''),
  emoji: '😀'.repeat(500),
}

interface Chunk { bytes: number, text: string, imports: string[], dynamic: string[] }

/**
 * Per demo, JS its slide adds to the app shell (static imports of its chunk, minus what the entry
 * loads): `own` leaves out files other slides load too (model data, chart helpers); `lazy` is what
 * it imports on demand (the tokenizer's vocabularies).
 */
export async function demoDownloads(dist: string): Promise<Record<string, { own: number, shared: number, lazy: number }>> {
  const chunks = new Map<string, Chunk>()
  for (const file of (await readdir(dist, { recursive: true })).filter(f => f.endsWith('.js'))) {
    const text = await readFile(join(dist, file), 'utf8')
    const ref = (m: RegExpMatchArray) => join(file, '..', m[1]!)
    // The minifier writes either quote style, and backticks in dynamic imports.
    chunks.set(file, {
      bytes: Buffer.byteLength(text),
      text,
      imports: [...text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map(ref),
      dynamic: [...text.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map(ref),
    })
  }
  const closure = (start: string[], lazy = false) => {
    const seen = new Set<string>()
    for (const queue = [...start]; queue.length;) {
      const file = queue.pop()!
      const chunk = chunks.get(file)
      if (chunk && !seen.has(file) && seen.add(file))
        queue.push(...chunk.imports, ...lazy ? chunk.dynamic : [])
    }
    return seen
  }
  const entry = /<script type="module"[^>]*src="\/?([^"]+\.js)"/.exec(await readFile(join(dist, 'index.html'), 'utf8'))?.[1] ?? ''
  const shell = closure([entry])
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + chunks.get(f)!.bytes, 0)
  return Object.fromEntries(Object.entries(DEMOS).map(([alias, marker]) => {
    const mine = (f: string, c: Chunk) => c.text.includes(marker) && !shell.has(f)
    const eager = [...closure([...chunks].filter(([f, c]) => mine(f, c)).map(([f]) => f))].filter(f => !shell.has(f))
    const others = closure([...chunks].filter(([f, c]) => /\/md-[\w-]+\.js$/.test(f) && !c.text.includes(marker)).map(([f]) => f))
    const lazy = [...closure(eager.flatMap(f => chunks.get(f)!.dynamic), true)].filter(f => !shell.has(f) && !eager.includes(f))
    return [alias, { own: sum(eager.filter(f => !others.has(f))), shared: sum(eager), lazy: sum(lazy) }]
  }))
}

const tokenizerLive = (no: number) => `.slidev-page-${no} [data-chart="tokenizer"] [data-status="live"]`

/** ms from leaving the slide before (shown 1 s: prefetch) or slide 1 (cold) until both vocabularies tokenize. */
export async function tokenizerReady(browser: Browser, base: string, no: number, prefetch: boolean): Promise<number> {
  const context = await probeContext(browser)
  try {
    const page = await context.newPage()
    const from = prefetch ? no - 1 : 1
    await page.goto(`${base}${from}`)
    await settleSlide(page, from)
    if (prefetch)
      await page.waitForTimeout(1000) // the speaker talks over the slide before for a moment
    const started = Date.now()
    await page.evaluate(n => window.__deckNav!.go(n), no)
    await page.locator(tokenizerLive(no)).nth(1).waitFor({ timeout: 60_000 })
    return Date.now() - started
  }
  finally {
    await context.close()
  }
}

/**
 * On the tokenizer slide: ms from an input event to the patched DOM, first pasting `text` (500
 * characters) over other text, then 20 keystrokes that change its last character.
 */
async function typeInto(page: Page, no: number, text: string): Promise<{ paste: number, keys: number[] }> {
  const [paste, ...keys] = await page.evaluate(async ({ no, text }) => {
    const root = document.querySelector(`.slidev-page-${no} [data-chart="tokenizer"]`)!
    const field = root.querySelector('textarea')!
    const type = (value: string) => new Promise<number>((resolve) => {
      const started = performance.now()
      const observer = new MutationObserver(() => {
        observer.disconnect()
        setTimeout(resolve, 30, performance.now() - started)
      })
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true })
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
    })
    const chars = Array.from(text)
    const times = [await type('x')]
    for (let i = -1; i < 20; i++) // -1: the paste; then alternate the last character, as typing and deleting it would
      times.push(await type(i % 2 ? chars.join('') : [...chars.slice(0, -1), 'x'].join('')))
    return times.slice(1)
  }, { no, text })
  return { paste: paste!, keys }
}

export async function tokenizerTimings(browser: Browser, base: string) {
  const context = await probeContext(browser)
  const page = await context.newPage()
  const no = await aliasSlideNo(page, base, 'tokenizer-demo')
  await page.locator(tokenizerLive(no)).nth(1).waitFor({ timeout: 60_000 })
  const typing = { mixed: await typeInto(page, no, TEXTS.mixed), cjk: await typeInto(page, no, TEXTS.cjk), emoji: await typeInto(page, no, TEXTS.emoji) }
  await context.close()
  const prefetch = [await tokenizerReady(browser, base, no, true), await tokenizerReady(browser, base, no, true), await tokenizerReady(browser, base, no, true)]
  return { no, typing, prefetch, cold: await tokenizerReady(browser, base, no, false) }
}

/** ms from leaving the slide before (shown 1 s: prefetch) or slide 1 (cold) until the generation demo runs on the real model. */
export async function tinyGptReady(browser: Browser, base: string, no: number, prefetch: boolean): Promise<{ ms: number, weightsBytes: number }> {
  const context = await probeContext(browser)
  try {
    const page = await context.newPage()
    const from = prefetch ? no - 1 : 1
    await page.goto(`${base}${from}`)
    await settleSlide(page, from)
    if (prefetch)
      await page.waitForTimeout(1000)
    const started = Date.now()
    await page.evaluate(n => window.__deckNav!.go(n), no)
    await page.locator(`.slidev-page-${no} [data-chart="sampling"][data-status="live"]`).waitFor({ timeout: 60_000 })
    const ms = Date.now() - started
    const weightsBytes = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter(e => /\/tiny-gpt-[\w-]+\.bin$/.test(e.name))
      .reduce((n, e) => n + e.encodedBodySize, 0))
    return { ms, weightsBytes }
  }
  finally {
    await context.close()
  }
}

/**
 * ms from a press (a click in the page) to the patched DOM, `times` over: `press` clicks a control
 * inside `root`, the DOM under it must change. What the room waits for after each press.
 */
async function pressTimes(page: Page, root: string, presses: string[]): Promise<number[]> {
  return page.evaluate(async ({ root, presses }) => {
    const box = document.querySelector(root)!
    const once = (selector: string) => new Promise<number>((resolve) => {
      const started = performance.now()
      const observer = new MutationObserver(() => {
        observer.disconnect()
        resolve(performance.now() - started)
      })
      observer.observe(box, { subtree: true, childList: true, characterData: true, attributes: true })
      ;(box.querySelector(selector) as HTMLElement).click()
    })
    const times: number[] = []
    for (const selector of presses) {
      times.push(await once(selector))
      await new Promise(resolve => setTimeout(resolve, 30))
    }
    return times
  }, { root, presses })
}

/**
 * The tiny GPT on its slides: one character written per press (30 presses: a KV-cached step, the
 * sampling, the bars and text patched), the heat map redrawn for each of the 16 heads, and the
 * 16 heads recomputed for a new text of 24 characters (5 times).
 */
export async function tinyGptTimings(browser: Browser, base: string) {
  const context = await probeContext(browser)
  try {
    const page = await context.newPage()
    const no = await aliasSlideNo(page, base, 'sampling-demo')
    const root = `.slidev-page-${no} [data-chart="sampling"]`
    await page.locator(`${root}[data-status="live"]`).waitFor({ timeout: 60_000 })
    const step = await pressTimes(page, root, Array.from<string>({ length: 30 }).fill('[data-control="draw"]'))
    const at = await aliasSlideNo(page, base, 'attention-demo')
    const map = `.slidev-page-${at} [data-chart="attention"]`
    await page.locator(`${map}[data-status="live"]`).waitFor({ timeout: 60_000 })
    const picks = Array.from({ length: 16 }, (_, k) => `[data-pick="${(k + 1) % 16 >> 2}-${(k + 1) % 4}"]`)
    const redraw = await pressTimes(page, map, picks)
    const recompute = await page.evaluate(async (map) => {
      const box = document.querySelector(map)!
      const field = box.querySelector('input')!
      const texts = ['春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。', '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。']
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        times.push(await new Promise<number>((resolve) => {
          const started = performance.now()
          const observer = new MutationObserver(() => {
            observer.disconnect()
            resolve(performance.now() - started)
          })
          observer.observe(box, { subtree: true, childList: true, characterData: true, attributes: true })
          field.value = texts[i % 2]!
          field.dispatchEvent(new Event('input', { bubbles: true }))
        }))
        await new Promise(resolve => setTimeout(resolve, 30))
      }
      return times
    }, map)
    const prefetch = [await tinyGptReady(browser, base, no, true), await tinyGptReady(browser, base, no, true), await tinyGptReady(browser, base, no, true)]
    const cold = await tinyGptReady(browser, base, no, false)
    return { no, step, redraw, recompute, prefetch: prefetch.map(p => p.ms), cold: cold.ms, weightsBytes: cold.weightsBytes }
  }
  finally {
    await context.close()
  }
}
