import type { HostedQr } from '../../../setup/hosted-qr'
import jsQR from 'jsqr'
import { renderSVG } from 'uqr'
import { describe, expect, it } from 'vitest'
import { HOSTED_QR_MODULE, hostedQr, hostedQrPlugin } from '../../../setup/hosted-qr'

const RUN = /M(\d+) (\d+)h(\d+)v1h-\3z/g

/** Dark modules of our path, as "x,y" keys; fails if the path holds anything but runs. */
function darkModules(qr: HostedQr): Set<string> {
  const modules = new Set<string>()
  let parsed = ''
  for (const [run, x, y, width] of qr.path.matchAll(RUN)) {
    parsed += run
    for (let i = 0; i < Number(width); i++)
      modules.add(`${Number(x) + i},${y}`)
  }
  expect(parsed).toBe(qr.path)
  return modules
}

/** Draws the code black on white at 4 px per module, as a camera would see it, and reads it back. */
function decode(qr: HostedQr): string | null {
  const scale = 4
  const side = qr.size * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  for (const key of darkModules(qr)) {
    const [mx, my] = key.split(',').map(Number)
    for (let y = my * scale; y < (my + 1) * scale; y++) {
      for (let x = mx * scale; x < (mx + 1) * scale; x++)
        pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3)
    }
  }
  return jsQR(pixels, side, side)?.data ?? null
}

describe('the hosted deck\'s QR code', () => {
  const addresses = [
    'https://example.github.io/llm-overview-talk/',
    'https://talks.example.org/2026/llm/?from=qr#1',
    'http://192.168.1.20:3030/',
  ]

  it.each(addresses)('reads back as %s', (url) => {
    const qr = hostedQr(url)!
    expect(decode(qr)).toBe(url)
  })

  it('is module for module what uqr draws itself', () => {
    const url = addresses[0]
    const qr = hostedQr(url)!
    const svg = renderSVG(url, { ecc: 'M', border: 4, pixelSize: 1 })
    const reference = new Set([...svg.matchAll(/M(\d+),(\d+)h1/g)].map(([, x, y]) => `${x},${y}`))
    expect(svg).toContain(`viewBox="0 0 ${qr.size} ${qr.size}"`)
    expect(darkModules(qr)).toEqual(reference)
  })

  it('trims the address as written in the headmatter', () => {
    expect(hostedQr('  https://example.org/talk/ ')!.url).toBe('https://example.org/talk/')
  })

  it.each(['', '   ', undefined, null])('is absent when hostedUrl is %j', (value) => {
    expect(hostedQr(value)).toBeNull()
  })

  it.each(['example.org/talk/', 'ftp://example.org/talk.pdf', 'https://', 'https://example.org/a talk/'])(
    'stops the build for %j, naming the field',
    (value) => {
      expect(() => hostedQr(value)).toThrow(/hostedUrl/)
    },
  )
})

describe('the virtual:hosted-qr module', () => {
  function loadWith(value: unknown) {
    const plugin = hostedQrPlugin(() => value)
    const resolve = plugin.resolveId as (id: string) => string | undefined
    const load = plugin.load as (id: string) => string | undefined
    const id = resolve(HOSTED_QR_MODULE)!
    expect(resolve('./other')).toBeUndefined()
    return load(id)!
  }

  it('exports null when the field is empty', () => {
    expect(loadWith('')).toBe('export default null')
  })

  it('exports the address and its code when the field is set', () => {
    const code = loadWith('https://example.org/talk/')
    const exported = JSON.parse(code.replace(/^export default /, '')) as HostedQr
    expect(exported.url).toBe('https://example.org/talk/')
    expect(decode(exported)).toBe('https://example.org/talk/')
  })
})
