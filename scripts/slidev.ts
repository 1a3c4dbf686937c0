import type { ChildProcess, StdioOptions } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { findChromium } from './browser'

/** The CLI's entry, run with the Node that runs this script. */
const SLIDEV_CLI = 'node_modules/@slidev/cli/bin/slidev.mjs'

export interface SlidevRunOptions {
  /** Keep the output and show it only when the command fails. */
  quiet?: boolean
  /** Node options before the CLI (the benchmark preloads a CPU-time reporter). */
  nodeArgs?: string[]
  env?: NodeJS.ProcessEnv
}

/**
 * Starts the Slidev CLI under plain Node (the dev server, or any command) with its output piped:
 * the one place that knows where the CLI lives. The caller reads the output and ends the process.
 */
export function spawnSlidev(args: string[], { nodeArgs = [], env }: Omit<SlidevRunOptions, 'quiet'> = {}, stdio: StdioOptions = ['ignore', 'pipe', 'pipe']): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, SLIDEV_CLI, ...args], { stdio, env: { ...process.env, ...env } })
}

/**
 * Runs the Slidev CLI under plain Node with `--executable-path` set from the shared browser
 * finder, so `slidev build` (which exports the downloadable PDF) and `slidev export` work where
 * Playwright could not download its own browser.
 */
export async function runSlidev(args: string[], { quiet = false, nodeArgs = [], env }: SlidevRunOptions = {}): Promise<void> {
  const executable = await findChromium()
  await new Promise<void>((resolve, reject) => {
    const child = spawnSlidev([...args, '--executable-path', executable], { nodeArgs, env }, quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit')
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
