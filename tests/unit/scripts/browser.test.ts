import { describe, expect, it } from 'vitest'
import { BROWSER_HELP, findChromium } from '../../../scripts/browser'

const on = (...paths: string[]) => (path: string) => paths.includes(path)

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH over everything else', async () => {
    const path = await findChromium({ env: { CHROMIUM_PATH: '/opt/my-chrome' }, platform: 'linux', exists: on('/opt/my-chrome', '/usr/bin/chromium'), playwrightPath: () => '/pw/chrome' })
    expect(path).toBe('/opt/my-chrome')
  })

  it('says so when CHROMIUM_PATH points nowhere', async () => {
    await expect(findChromium({ env: { CHROMIUM_PATH: '/nope' }, platform: 'linux', exists: on('/usr/bin/chromium') }))
      .rejects
      .toThrow('CHROMIUM_PATH points to /nope')
  })

  it('then takes a system Chromium', async () => {
    const path = await findChromium({ env: {}, platform: 'linux', exists: on('/usr/bin/chromium', '/pw/chrome'), playwrightPath: () => '/pw/chrome' })
    expect(path).toBe('/usr/bin/chromium')
  })

  it('then Playwright\'s own download', async () => {
    const path = await findChromium({ env: {}, platform: 'darwin', exists: on('/pw/chrome'), playwrightPath: () => '/pw/chrome' })
    expect(path).toBe('/pw/chrome')
  })

  it('fails with one line that says how to get a browser', async () => {
    await expect(findChromium({ env: {}, platform: 'linux', exists: on(), playwrightPath: () => undefined }))
      .rejects
      .toThrow(BROWSER_HELP)
    expect(BROWSER_HELP).not.toContain('\n')
  })
})
