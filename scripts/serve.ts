import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import sirv from 'sirv'

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

/** Serves a built deck (`dist/`) on 127.0.0.1 with SPA fallback, on a free port. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const assets = sirv(dir, { single: true, dev: true })
  const server = createServer((req, res) => {
    if (base !== '/' && req.url?.startsWith(base))
      req.url = req.url.slice(base.length - 1)
    assets(req, res, () => {
      res.statusCode = 404
      res.end('not found')
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}
