import { spawn } from 'node:child_process'
import process from 'node:process'
import { findChromium } from './browser'

export interface SlidevRunOptions {
  /** Keep the output and show it only when the command fails. */
  quiet?: boolean
  /** Node options before the CLI (the benchmark preloads a CPU-time reporter). */
  nodeArgs?: string[]
  env?: NodeJS.ProcessEnv
}

/**
 * Runs the Slidev CLI under plain Node with `--executable-path` set from the shared browser
 * finder, so `slidev build` (which exports the downloadable PDF) and `slidev export` work where
 * Playwright could not download its own browser.
 */
export async function runSlidev(args: string[], { quiet = false, nodeArgs = [], env }: SlidevRunOptions = {}): Promise<void> {
  const executable = await findChromium()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, 'node_modules/@slidev/cli/bin/slidev.mjs', ...args, '--executable-path', executable], {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    })
    let output = ''
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    child.on('exit', (code) => {
      if (code === 0)
        return resolve()
      // The build's file listing is long; keep the lines that name an error, then the tail.
      const errors = output.split('\n').filter(line => /error|EADDRINUSE|timeout/i.test(line)).slice(0, 20).join('\n')
      reject(new Error(`slidev ${args.join(' ')} exited with ${code}\n${errors}\n…\n${output.slice(-1500)}`))
    })
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSlidev(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
