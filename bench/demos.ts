/**
 * npm run bench:demos [-- --dist dist] [-- --base-dist <a build without the demos>] [-- --loads 5]
 *
 * Figures for the three live demos, from a built deck (`npm run build` or `slidev build`):
 *   - each demo's download: the JS its slide adds to the app shell (the slide chunk's static
 *     imports minus what the entry already loads), plus the vocabularies the tokenizer imports lazily;
 *   - first-slide bytes (and, with --base-dist, the same for a build without the demos);
 *   - the tokenizer's settle time after the slide before was shown (prefetch) and when opened cold;
 *   - the time one keystroke takes to re-tokenize 500 characters with both vocabularies and update
 *     the slide (input event → DOM patched), for mixed text and the worst cases.
 * Prints a table and writes bench/results/demos.json. Figures are reported, never asserted.
 */
import type { Browser, Page } from 'playwright-chromium'
import { Buffer } from 'node:buffer'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { launchChromium } from '../scripts/browser'
import { serveStatic } from '../scripts/serve'
import { newDeckContext, settleSlide } from '../scripts/slide-page'
import { measureFirstLoad } from './measure'

const { values: flags } = parseArgs({
  options: {
    'dist': { type: 'string', default: 'dist' },
    'base-dist': { type: 'string' },
    'loads': { type: 'string', default: '5' },
  },
})
const loads = Number(flags.loads)

const DEMOS = [
  { alias: 'tokenizer-demo', marker: '两种词表同时切分' },
  { alias: 'sampling-demo', marker: '累计概率到 p 为止' },
  { alias: 'scaling-demo', marker: '回到 Gopher 的算力' },
] as const

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/* ---------------------------------------------------------------- chunk graph of the build */

interface Chunk { file: string, bytes: number, text: string, imports: string[], dynamic: string[] }

async function chunkGraph(dist: string): Promise<{ chunks: Map<string, Chunk>, entry: string }> {
  const chunks = new Map<string, Chunk>()
  async function walk(dir: string) {
    for (const name of await readdir(dir)) {
      const path = join(dir, name)
      if ((await stat(path)).isDirectory()) {
        await walk(path)
      }
      else if (name.endsWith('.js')) {
        const text = await readFile(path, 'utf8')
        const file = path.slice(dist.length + 1)
        const resolveRef = (ref: string) => join(file, '..', ref).replace(/\\/g, '/')
        // Static: `import … from "./x.js"` / `import "./x.js"`; dynamic: `import("./y.js")` (Vite also lists deps in __vitePreload arrays).
        // The minifier writes either quote style, and backticks in dynamic imports.
        const imports = [...text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map(m => resolveRef(m[1]!))
        const dynamic = [...text.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map(m => resolveRef(m[1]!))
        chunks.set(file, { file, bytes: Buffer.byteLength(text), text, imports, dynamic })
      }
    }
  }
  await walk(dist)
  const html = await readFile(join(dist, 'index.html'), 'utf8')
  const entry = html.match(/<script type="module"[^>]*src="\/?([^"]+\.js)"/)?.[1] ?? ''
  return { chunks, entry }
}

function closure(chunks: Map<string, Chunk>, start: string[], follow: (c: Chunk) => string[]): Set<string> {
  const seen = new Set<string>()
  const queue = [...start]
  while (queue.length) {
    const file = queue.pop()!
    const chunk = chunks.get(file)
    if (!chunk || seen.has(file))
      continue
    seen.add(file)
    queue.push(...follow(chunk))
  }
  return seen
}

/* ---------------------------------------------------------------- in the browser */

async function slideOf(page: Page, base: string, alias: string): Promise<number> {
  await page.goto(`${base}${alias}`)
  await page.waitForFunction(() => (window.__deckNav?.currentSlideNo ?? 0) > 1)
  return page.evaluate(() => window.__deckNav!.currentSlideNo)
}

const bothLive = (no: number) => `.slidev-page-${no} [data-chart="tokenizer"] [data-status="live"]`

/** ms from arriving on the tokenizer slide until both vocabularies tokenize live. */
async function tokenizerSettle(browser: Browser, base: string, no: number, viaSlideBefore: boolean): Promise<number> {
  const context = await newDeckContext(browser, { viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.goto(`${base}${viaSlideBefore ? no - 1 : 1}`)
  await settleSlide(page, viaSlideBefore ? no - 1 : 1)
  if (viaSlideBefore)
    await page.waitForTimeout(1000) // the speaker talks over the slide before for a moment
  const t0 = Date.now()
  await page.evaluate(n => window.__deckNav!.go(n), no)
  await page.locator(bothLive(no)).nth(1).waitFor({ timeout: 60_000 })
  const ms = Date.now() - t0
  await context.close()
  return ms
}

/**
 * ms from an input event to the patched DOM: first pasting the 500-character text into a field
 * holding other text (cold merge cache), then `runs` keystrokes that change its last character.
 */
async function keystroke(page: Page, no: number, text: string, runs = 20): Promise<{ paste: number, median: number, max: number, tokens: string }> {
  const times = await page.evaluate(async ({ n, text, runs }) => {
    const root = document.querySelector(`.slidev-page-${n} [data-chart="tokenizer"]`)!
    const field = root.querySelector('textarea')!
    const out: number[] = []
    const type = (value: string) => new Promise<number>((resolve) => {
      const t0 = performance.now()
      const observer = new MutationObserver(() => {
        observer.disconnect()
        resolve(performance.now() - t0)
      })
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true })
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
    })
    const chars = Array.from(text)
    out.push(await type('x'))
    await new Promise(r => setTimeout(r, 30))
    out.push(await type(text)) // the paste
    await new Promise(r => setTimeout(r, 30))
    for (let i = 0; i < runs; i++) {
      // Alternate the last character, as typing and deleting it would.
      out.push(await type(i % 2 ? chars.join('') : [...chars.slice(0, -1), 'x'].join('')))
      await new Promise(r => setTimeout(r, 30))
    }
    return out.slice(1)
  }, { n: no, text, runs })
  const tokens = await page.locator(`.slidev-page-${no} [data-encoding]`).evaluateAll(els => els.map(e => e.getAttribute('data-token-count')).join(' / '))
  const [paste, ...keys] = times
  return { paste: paste!, median: median(keys), max: Math.max(...keys), tokens }
}

async function main() {
  const dist = flags.dist!
  const { chunks, entry } = await chunkGraph(dist)
  const shell = closure(chunks, [entry], c => c.imports)
  const downloads = DEMOS.map(({ alias, marker }) => {
    const slideChunks = [...chunks.values()].filter(c => c.text.includes(marker) && !shell.has(c.file)).map(c => c.file)
    const eager = [...closure(chunks, slideChunks, c => c.imports)].filter(f => !shell.has(f))
    const lazy = [...closure(chunks, eager.flatMap(f => chunks.get(f)!.dynamic), c => [...c.imports, ...c.dynamic])].filter(f => !shell.has(f) && !eager.includes(f))
    const bytes = (files: string[]) => files.reduce((s, f) => s + chunks.get(f)!.bytes, 0)
    // Files other slides load anyway (model data, chart helpers) are not the demo's own cost.
    const otherSlides = [...chunks.values()].filter(c => /\/md-[\w-]+\.js$/.test(c.file) && !c.text.includes(marker)).map(c => c.file)
    const shared = closure(chunks, otherSlides, c => c.imports)
    const own = eager.filter(f => !shared.has(f))
    return { alias, slideChunks, eagerFiles: eager, eagerBytes: bytes(eager), ownFiles: own, ownBytes: bytes(own), lazyFiles: lazy, lazyBytes: bytes(lazy) }
  })

  const server = await serveStatic(dist)
  const baseServer = flags['base-dist'] ? await serveStatic(flags['base-dist']) : null
  const browser = await launchChromium()
  try {
    const firstLoad = await measureFirstLoad(browser, `${server.url}1`, loads)
    const baseFirstLoad = baseServer ? await measureFirstLoad(browser, `${baseServer.url}1`, loads) : null

    const context = await newDeckContext(browser, { viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const no = await slideOf(page, server.url, 'tokenizer-demo')
    await page.locator(bothLive(no)).nth(1).waitFor({ timeout: 60_000 })
    const mixed = Array.from('大语言模型读到的不是字，而是 token：unbelievable results. '.repeat(20)).slice(0, 500).join('')
    const cjk = Array.from('大语言模型读到的不是字而是子词单元按照字节对编码合并'.repeat(30)).slice(0, 500).join('')
    const keystrokes = {
      mixed: await keystroke(page, no, mixed),
      cjkRun: await keystroke(page, no, cjk),
      emoji: await keystroke(page, no, '😀'.repeat(500)),
    }
    await context.close()

    const afterSlideBefore: number[] = []
    for (let i = 0; i < 3; i++)
      afterSlideBefore.push(await tokenizerSettle(browser, server.url, no, true))
    const settle = { afterSlideBefore: median(afterSlideBefore), afterSlideBeforeEach: afterSlideBefore, cold: await tokenizerSettle(browser, server.url, no, false) }

    const rows: [string, string][] = [
      ...downloads.map(d => [`${d.alias}: its slide's JS beyond the app shell (own / incl. shared with other slides)`, `${kib(d.ownBytes)} / ${kib(d.eagerBytes)}`] as [string, string]),
      ...downloads.filter(d => d.lazyBytes).map(d => [`${d.alias}: loaded lazily (vocabularies)`, `${kib(d.lazyBytes)} (${d.lazyFiles.map(f => f.replace(/^assets\//, '')).join(', ')})`] as [string, string]),
      ['first slide: bytes until ready (median)', `${kib(firstLoad.untilReady.bytes)}${baseFirstLoad ? ` (without demos: ${kib(baseFirstLoad.untilReady.bytes)})` : ''}`],
      ['first slide: JS bytes until ready', `${kib(firstLoad.untilReady.jsBytes)}${baseFirstLoad ? ` (without demos: ${kib(baseFirstLoad.untilReady.jsBytes)})` : ''}`],
      ['first load until network idle: bytes', `${kib(firstLoad.untilIdle.bytes)}${baseFirstLoad ? ` (without demos: ${kib(baseFirstLoad.untilIdle.bytes)})` : ''}`],
      ['tokenizer live after the slide before was shown 1 s (median of 3)', `${settle.afterSlideBefore} ms`],
      ['tokenizer live when opened cold (no prefetch)', `${settle.cold} ms`],
      ...Object.entries(keystrokes).flatMap(([k, v]) => [
        [`paste 500 chars, ${k} (tokens r50k / o200k: ${v.tokens})`, `${v.paste.toFixed(1)} ms`],
        [`then one keystroke, ${k} (median / max of 20)`, `${v.median.toFixed(1)} / ${v.max.toFixed(1)} ms`],
      ] as [string, string][]),
    ]
    const width = Math.max(...rows.map(r => r[0].length))
    process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`)
    await mkdir('bench/results', { recursive: true })
    await writeFile('bench/results/demos.json', `${JSON.stringify({ generatedAt: new Date().toISOString(), dist, downloads: downloads.map(({ slideChunks, ...d }) => ({ ...d, slideChunks })), firstLoad, baseFirstLoad, settle, keystrokes }, null, 2)}\n`)
  }
  finally {
    await browser.close()
    await server.close()
    await baseServer?.close()
  }
}

main().then(() => process.exit(0), (error: Error) => {
  console.error(error)
  process.exit(1)
})
