/**
 * Screenshots slides of a built deck, for looking at what the audience sees.
 *   tsx scripts/screenshot.ts [--dist dist] [--out shots] [--dark] [--clicks N] 5 6 7
 * With no slide numbers it shoots every slide. Each slide is shown with all its clicks revealed.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { launchChromium } from './browser'
import { serveStatic } from './serve'
import { newDeckContext, settleSlide, slideCount } from './slide-page'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'shots' },
    dark: { type: 'boolean', default: false },
  },
})

const server = await serveStatic(values.dist!)
const browser = await launchChromium()
try {
  const context = await newDeckContext(browser, { viewport: { width: 1280, height: 720 }, colorScheme: values.dark ? 'dark' : 'light' })
  const page = await context.newPage()
  await page.goto(`${server.url}1`)
  const total = await slideCount(page)
  const slides = positionals.length ? positionals.map(Number) : Array.from({ length: total }, (_, i) => i + 1)
  await mkdir(values.out!, { recursive: true })
  for (const no of slides) {
    await page.goto(`${server.url}${no}?clicks=999`)
    await settleSlide(page, no)
    const file = join(values.out!, `slide-${String(no).padStart(3, '0')}${values.dark ? '-dark' : ''}.png`)
    await page.screenshot({ path: file })
    console.log(file)
  }
}
finally {
  await browser.close()
  await server.close()
}
process.exit(0)
