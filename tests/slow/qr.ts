import type jsQRType from 'jsqr'
import type { Buffer } from 'node:buffer'
import type { Browser } from 'playwright-chromium'
import { createRequire } from 'node:module'
import { newDeckContext } from '../../scripts/slide-page'

const JSQR_SCRIPT = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js')

/**
 * Reads a QR code out of each PNG as a phone camera would: finds the code anywhere in the picture
 * and decodes it (jsQR, fed by Chromium's canvas). null where a picture holds no readable code.
 */
export async function readQrCodes(browser: Browser, pngs: Buffer[]): Promise<(string | null)[]> {
  const context = await newDeckContext(browser)
  try {
    const page = await context.newPage()
    await page.addScriptTag({ path: JSQR_SCRIPT })
    return await page.evaluate(async (sources) => {
      const jsQR = (globalThis as unknown as { jsQR: typeof jsQRType }).jsQR
      return Promise.all(sources.map(async (src) => {
        const image = new Image()
        image.src = src
        await image.decode()
        const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight)
        const context = canvas.getContext('2d')!
        context.drawImage(image, 0, 0)
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
        return jsQR(data, width, height)?.data ?? null
      }))
    }, pngs.map(png => `data:image/png;base64,${png.toString('base64')}`))
  }
  finally {
    await context.close()
  }
}
