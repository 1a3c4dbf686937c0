import { existsSync } from 'node:fs'
import process from 'node:process'

/**
 * The one place that decides which Chromium drives export, the notes handout, tests and the
 * benchmark: `CHROMIUM_PATH` (or `PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH`), then a system
 * Chromium/Chrome, then the browser Playwright downloaded itself.
 */
export const BROWSER_ENV_VARS = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const

const SYSTEM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
}

export const BROWSER_HELP = 'No Chromium found. Set CHROMIUM_PATH=/path/to/chromium, install one (Debian: apt-get install chromium), or run `npx playwright install chromium`.'

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  exists?: (path: string) => boolean
  /** Path of Playwright's own download, if any. */
  playwrightPath?: () => string | undefined
}

async function playwrightOwnPath(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright-chromium')
    return chromium.executablePath()
  }
  catch {
    return undefined
  }
}

/** Returns the browser to use, or throws one line that says how to get one. */
export async function findChromium(search: BrowserSearch = {}): Promise<string> {
  const env = search.env ?? process.env
  const exists = search.exists ?? existsSync
  for (const name of BROWSER_ENV_VARS) {
    const path = env[name]
    if (path) {
      if (!exists(path))
        throw new Error(`${name} points to ${path}, which does not exist. ${BROWSER_HELP}`)
      return path
    }
  }
  for (const path of SYSTEM_CANDIDATES[search.platform ?? process.platform] ?? []) {
    if (exists(path))
      return path
  }
  const own = search.playwrightPath ? search.playwrightPath() : await playwrightOwnPath()
  if (own && exists(own))
    return own
  throw new Error(BROWSER_HELP)
}

/** Launches the found Chromium headless with flags that keep it off the network. */
export async function launchChromium() {
  const { chromium } = await import('playwright-chromium')
  return chromium.launch({
    executablePath: await findChromium(),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}
