import type { Plugin } from 'vite'
import { encode } from 'uqr'

/** The QR code of the hosted deck's address, computed at build time. */
export interface HostedQr {
  /** The address as written in the headmatter (`hostedUrl`), trimmed. */
  url: string
  /** Width and height in modules, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  size: number
  /** One SVG path of the dark modules, one unit per module. */
  path: string
}

export const HOSTED_QR_MODULE = 'virtual:hosted-qr'
const RESOLVED_ID = `\0${HOSTED_QR_MODULE}`

/**
 * The QR code for `hostedUrl`, or null when the field is empty. Error correction M (15 %) keeps
 * the code small enough to scan from the back of a room; the 4-module quiet zone is the standard's.
 * Throws for an address a phone would not open as a link.
 */
export function hostedQr(hostedUrl: unknown): HostedQr | null {
  if (hostedUrl == null || (typeof hostedUrl === 'string' && !hostedUrl.trim()))
    return null
  const url = String(hostedUrl).trim()
  if (!isWebAddress(url))
    throw new Error(`slides.md headmatter: hostedUrl must be the full address of the hosted deck (https://…), got "${url}"`)
  const { size, data } = encode(url, { ecc: 'M', border: 4 })
  // Horizontal runs of dark modules as rectangles: one filled path, so no seams when printed.
  let path = ''
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x])
        continue
      const start = x
      while (x + 1 < size && row[x + 1]) x++
      path += `M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`
    }
  })
  return { url, size, path }
}

function isWebAddress(text: string): boolean {
  try {
    const { protocol, host } = new URL(text)
    return (protocol === 'https:' || protocol === 'http:') && host !== '' && !/\s/.test(text)
  }
  catch {
    return false
  }
}

/**
 * `import hostedQr from 'virtual:hosted-qr'`: the code for the current headmatter value. Read
 * when the module loads, so the QR code is in the built bundle and nothing is computed in the
 * browser; a dev server reloads the module when the value changes.
 */
export function hostedQrPlugin(readHostedUrl: () => unknown): Plugin {
  let lastUrl = readHostedUrl()
  return {
    name: 'deck:hosted-qr',
    resolveId(id) {
      return id === HOSTED_QR_MODULE ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID)
        return undefined
      lastUrl = readHostedUrl()
      return `export default ${JSON.stringify(hostedQr(lastUrl))}`
    },
    handleHotUpdate({ server }) {
      // Slidev's loader has already re-read the headmatter by now (its plugin runs first).
      if (readHostedUrl() === lastUrl)
        return
      const module = server.moduleGraph.getModuleById(RESOLVED_ID)
      if (module)
        void server.reloadModule(module)
    },
  }
}
