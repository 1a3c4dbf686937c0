/**
 * Presents the talk from the built deck: `npm run present [-- --lan] [--password …] [--port 3030] [--build]`.
 *
 * Builds `dist/` when it is missing or older than the sources, then serves it on 127.0.0.1 with no
 * dev server (no HMR, no MCP, no editing endpoints). The server adds one thing to the static files:
 * it keeps the talk's state (slide, click, stopwatch, pen) and relays it between the windows
 * (setup/sync-relay.ts), so a window opened mid-talk joins where the talk is, and every run
 * starts from zero. `--lan` listens on the local network too; steering from another machine then
 * needs the password (checked here, on the server). Nothing is looked up outside this machine.
 *
 * Only the deck's own windows write: a write needs this run's token (written into every page this
 * server sends, unreadable to another origin), a same-origin `Origin` / `Sec-Fetch-Site`, a JSON
 * body (so a cross-origin request needs a preflight, which is refused) and, from another machine,
 * the password. What it writes must be what the deck writes (scripts/present-state.ts). Each
 * refusal is printed once, with its reason.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { PresentPageInfo, SyncEvent } from '../setup/present-protocol'
import { Buffer } from 'node:buffer'
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { networkInterfaces } from 'node:os'
import { extname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { getPort } from 'get-port-please'
import sirv from 'sirv'
import { PAGE_INFO_GLOBAL, PASSWORD_HEADER, SYNC_ENDPOINT, TOKEN_HEADER } from '../setup/present-protocol'
import { buildDeck } from './build'
import { exportFilename } from './deck-source'
import { deckChannels, MAX_BODY_BYTES, TalkState } from './present-state'

/**
 * What the build reads: the deck's Markdown, Vue components and the TypeScript they import
 * (composables, charts, lib, data, setup, snippets shown with `<<<`), styles, public files, the
 * Vite and UnoCSS configs and the installed packages. A change to any of these makes `dist/` stale.
 */
export const SOURCE_PATHS = ['slides.md', 'index.html', 'custom-nav-controls.vue', 'global-bottom.vue', 'pages', 'components', 'composables', 'charts', 'lib', 'data', 'setup', 'snippets', 'model', 'styles', 'public', 'vite.config.ts', 'uno.config.ts', 'package.json', 'package-lock.json']

function newestMtime(path: string): number {
  if (!existsSync(path))
    return 0
  const stat = statSync(path)
  if (!stat.isDirectory())
    return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map(name => newestMtime(join(path, name))))
}

/** Why `dist` must be (re)built, or undefined when it is current. */
export function staleReason(dist: string, root = '.'): string | undefined {
  const index = join(dist, 'index.html')
  if (!existsSync(index))
    return `${dist}/ has no build`
  if (!readFileSync(index, 'utf8').includes('src="/assets/'))
    return `${dist}/ was built for a sub-path`
  const built = statSync(index).mtimeMs
  const changed = SOURCE_PATHS.find(path => newestMtime(join(root, path)) > built)
  return changed ? `${changed} changed since the last build` : undefined
}

/**
 * `dist` as `npm run build` makes it (the SPA and its downloadable PDF), built only when it has no
 * PDF or is older than a source, so of the browser test files the first one builds and the others
 * reuse its build. With `REUSE_DIST` set, a `dist` that has its PDF is reused even when older than
 * the sources. Returns why it built, or undefined when it reused `dist`.
 */
export async function ensureDist(dist = 'dist'): Promise<string | undefined> {
  const pdf = join(dist, `${await exportFilename()}.pdf`)
  const reason = !existsSync(pdf)
    ? `${pdf} is missing`
    : process.env.REUSE_DIST ? undefined : staleReason(dist)
  if (reason)
    await buildDeck({ out: dist, pdf: true, quiet: true })
  return reason
}

/** Eight characters a speaker can type on a phone (no 0/o, 1/l/i). */
export function newPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz23456789'
  return Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
const isLoopback = (req: IncomingMessage) => LOOPBACK.has(req.socket.remoteAddress ?? '')

/** Everything the page loads comes from this server: a stray link to the internet fails visibly. */
const CONTENT_SECURITY_POLICY = [
  `default-src 'self'`,
  `script-src 'self' 'unsafe-inline' 'unsafe-eval'`,
  `style-src 'self' 'unsafe-inline'`,
  `img-src 'self' data: blob:`,
  `font-src 'self' data:`,
  `connect-src 'self'`,
  `worker-src 'self' blob:`,
].join('; ')

export interface PresentOptions {
  dist?: string
  /** Listen on the local network as well as this machine. */
  lan?: boolean
  /** Needed to steer the talk from another machine; made up when `lan` is set and none is given. */
  password?: string
  /** 0 = any free port; undefined = 3030 or the next free one. */
  port?: number
  /** Where refusals are reported, each reason once (default: the console). */
  log?: (line: string) => void
}

export interface PresentServer {
  port: number
  password?: string
  /** The addresses to print, presenter and projector, on this machine and on the network. */
  urls: { local: { presenter: string, audience: string }, lan: { presenter: string, audience: string }[] }
  /** The talk's state as the server holds it (tests read it). */
  state: TalkState
  /** This run's write token, as every page it serves carries it. */
  token: string
  close: () => Promise<void>
}

export async function startPresentServer(options: PresentOptions = {}): Promise<PresentServer> {
  const dist = resolve(options.dist ?? 'dist')
  const host = options.lan ? '0.0.0.0' : '127.0.0.1'
  const password = options.lan ? (options.password || newPassword()) : undefined
  const run = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`
  const token = randomBytes(24).toString('base64url')
  const streams = new Set<ServerResponse>()
  const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8')
  const state = new TalkState(deckChannels(indexHtml))
  const log = options.log ?? ((line: string) => console.warn(line))
  const reported = new Set<string>()
  let port = 0
  const files = sirv(dist, { dev: false, etag: true, setHeaders: (res, path) => {
    if (path.startsWith('/assets/'))
      res.setHeader('cache-control', 'public, max-age=31536000, immutable')
  } })

  function page(res: ServerResponse) {
    const info: PresentPageInfo = { endpoint: SYNC_ENDPOINT, locked: Boolean(password), run, token, channels: state.channelNames, states: state.snapshot() }
    // `<` escaped: drawings are SVG markup (checked on the way in) and must not close the script element.
    const script = `<script>window.${PAGE_INFO_GLOBAL}=${JSON.stringify(info).replace(/</g, '\\u003c')}</script>`
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('cache-control', 'no-store')
    res.end(indexHtml.replace('</head>', `${script}</head>`))
  }

  function send(res: ServerResponse, event: SyncEvent) {
    res.write(`data: ${JSON.stringify(event)}\n\n`)
  }

  function openStream(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'connection': 'keep-alive' })
    res.write('retry: 1000\n\n')
    send(res, { kind: 'snapshot', states: state.snapshot(), run })
    streams.add(res)
    req.on('close', () => streams.delete(res))
  }

  /** Answers a request the server will not take, and prints why (each reason once per run). */
  function refuse(res: ServerResponse, status: number, reason: string) {
    if (!reported.has(reason)) {
      reported.add(reason)
      log(`  [present] refused: ${reason}`)
    }
    res.statusCode = status
    res.setHeader('content-type', 'text/plain; charset=utf-8')
    res.end(reason)
  }

  /** This machine's own names for the server: a page under any other name (DNS rebinding) gets nothing. */
  const ownHost = (req: IncomingMessage) => !isLoopback(req) || [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(req.headers.host ?? '')

  /** Why a write does not come from one of the deck's own windows of this run, or undefined. */
  function writeRefusal(req: IncomingMessage): string | undefined {
    if (!isLoopback(req) && req.headers[PASSWORD_HEADER] !== password)
      return 'a write from another machine without the password'
    const site = req.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin')
      return `a write from another site (Sec-Fetch-Site: ${String(site)})`
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${req.headers.host}`)
      return `a write from another origin (${origin})`
    if (!/^application\/json(?:;|$)/.test(req.headers['content-type'] ?? ''))
      return `a write that is not JSON (${req.headers['content-type'] ?? 'no content-type'})`
    const sent = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''))
    if (sent.length !== token.length || !timingSafeEqual(sent, Buffer.from(token)))
      return 'a write without this run\'s token (not from a page this server sent)'
    return undefined
  }

  async function receive(req: IncomingMessage, res: ServerResponse) {
    const refusal = writeRefusal(req)
    if (refusal)
      return refuse(res, 403, refusal)
    let body = ''
    for await (const chunk of req) {
      body += chunk
      if (body.length > MAX_BODY_BYTES)
        return refuse(res, 413, `a write larger than ${MAX_BODY_BYTES} bytes`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    }
    catch {
      return refuse(res, 400, 'a write that is not valid JSON')
    }
    const result = state.write(parsed)
    if ('refused' in result)
      return refuse(res, 400, result.refused)
    if (Object.keys(result.accepted).length) {
      const from = (parsed as { from: string }).from
      for (const stream of streams)
        send(stream, { kind: 'patch', from, patches: result.accepted })
    }
    res.statusCode = 204
    res.end()
  }

  const server = createServer((req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)
    res.setHeader('x-content-type-options', 'nosniff')
    let path: string
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]!)
    }
    catch {
      res.statusCode = 400
      return res.end()
    }
    if (!ownHost(req))
      return refuse(res, 421, `a request for another host name (${req.headers.host ?? 'none'}) on this machine`)
    if (path === SYNC_ENDPOINT && req.method === 'GET')
      return openStream(req, res)
    if (path === SYNC_ENDPOINT && req.method === 'POST')
      return void receive(req, res)
    // No CORS: a preflight (another origin asking to send JSON or a header) gets no permission.
    if (req.method === 'OPTIONS')
      return refuse(res, 403, `a cross-origin preflight${req.headers.origin ? ` from ${req.headers.origin}` : ''}`)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405
      return res.end()
    }
    // Slides and the presenter are routes of the one page; files are served as they are; any
    // other address (dev-server endpoints such as /__mcp or /@slidev/…) does not exist here.
    if (path === '/' || path === '/index.html' || (!extname(path) && !/^\/(?:__|@)/.test(path)))
      return page(res)
    files(req, res, () => {
      res.statusCode = 404
      res.end('not found')
    })
  })
  // Keep-alive comments stop proxies and sleeping laptops from dropping a quiet stream.
  const heartbeat = setInterval(() => streams.forEach(stream => stream.write(': \n\n')), 15_000)

  const listen = (port: number) => new Promise<number>((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done((server.address() as AddressInfo).port)
    })
  })
  // 3030 like `npm run dev`, so the browser keeps the speaker's presenter layout; else the next free
  // one (get-port-please, as Slidev's own dev server picks its port).
  port = await listen(options.port ?? await getPort({ port: 3030, portRange: [3031, 3049], host }))

  const urlsFor = (address: string) => ({
    presenter: `http://${address}:${port}/presenter/${password ? `?password=${password}` : ''}`,
    audience: `http://${address}:${port}/`,
  })
  const lan = options.lan
    ? Object.values(networkInterfaces()).flat().filter(net => net && net.family === 'IPv4' && !net.internal).map(net => urlsFor(net!.address))
    : []

  return {
    port,
    password,
    urls: { local: { presenter: `http://127.0.0.1:${port}/presenter/`, audience: `http://127.0.0.1:${port}/` }, lan },
    state,
    token,
    close: () => new Promise((done) => {
      clearInterval(heartbeat)
      streams.forEach(stream => stream.end())
      server.close(() => done())
      server.closeAllConnections()
    }),
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      lan: { type: 'boolean', default: false },
      password: { type: 'string' },
      port: { type: 'string' },
      build: { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
    },
  })
  if (values.password && !values.lan)
    console.log('  (--password only matters with --lan: on 127.0.0.1 every window is the speaker\'s)')
  const reason = values.build ? 'asked for a fresh build' : staleReason(values.dist!)
  if (reason) {
    console.log(`  building the deck (${reason}) …`)
    const started = Date.now()
    // The SPA alone, without the downloadable PDF: all `npm run present` needs.
    await buildDeck({ out: values.dist!, quiet: true })
    console.log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  const server = await startPresentServer({ dist: values.dist, lan: values.lan, password: values.password, port: values.port ? Number(values.port) : undefined })
  const { local, lan } = server.urls
  console.log(`
  Presenting from ${values.dist}/ (no dev server). Open in Chromium or Chrome:

    presenter, on your screen   ${local.presenter}
    slides, on the projector    ${local.audience}
`)
  if (values.lan) {
    if (!lan.length)
      console.log('  --lan: no network address found on this machine (only 127.0.0.1 works).\n')
    for (const { presenter, audience } of lan) {
      console.log(`    presenter, another device   ${presenter}`)
      console.log(`    slides, another device      ${audience}\n`)
    }
    console.log(`  Password ${server.password}: needed to steer the talk from another device. It does not hide
  the deck or its speaker notes: anyone who can open the slides address can read both.
`)
  }
  console.log('  The stopwatch starts when you leave the cover (or press t in the presenter). Ctrl+C ends.\n')
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
