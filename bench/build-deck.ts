/**
 * `slidev build --download false`, for real: run as a child process by bench/run.ts.
 *   tsx bench/build-deck.ts <entry.md> <outDir>
 *
 * Slidev 52.20's CLI does `config.download ||= --download`, so `--download false` cannot turn
 * off `download: true` from the headmatter: the build then also exports the PDF (or fails when
 * Playwright has no browser of its own). This calls the same resolveOptions() + build() the CLI
 * calls and turns `download` off only once the bundle is written: the SPA is the one the
 * headmatter asks for (with `download: true` that includes the /print and /presenter/print
 * pages the notes handout reads), only the PDF export after it is left out.
 * One build per process: Slidev caches the project roots of the first entry it sees.
 */
import type { ResolvedSlidevOptions } from '@slidev/types'
import type { InlineConfig, Plugin } from 'vite'
import { readdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { resolveOptions } from '@slidev/cli'
import { CPU_MARKER } from './stats'

type SlidevBuild = (options: ResolvedSlidevOptions, viteConfig: InlineConfig, args: { entry: string }) => Promise<void>

const BUILD_CHUNK = /^build-[\w-]+\.mjs$/

/** Slidev does not export build(); it lives in a hashed chunk next to its entry point. */
async function loadSlidevBuild(): Promise<SlidevBuild> {
  const dist = dirname(fileURLToPath(import.meta.resolve('@slidev/cli')))
  const chunk = (await readdir(dist)).find(file => BUILD_CHUNK.test(file))
  if (!chunk)
    throw new Error(`no build-*.mjs chunk in ${dist}: Slidev's layout changed, update bench/build-deck.ts`)
  const module = await import(join(dist, chunk)) as { build?: SlidevBuild }
  if (typeof module.build !== 'function')
    throw new Error(`${chunk} does not export build(): Slidev's layout changed, update bench/build-deck.ts`)
  return module.build
}

async function main(): Promise<void> {
  const [entry, out] = process.argv.slice(2)
  if (!entry || !out)
    throw new Error('usage: tsx bench/build-deck.ts <entry.md> <outDir>')
  const build = await loadSlidevBuild()
  const options = await resolveOptions({ entry }, 'build')
  const skipPdfExport: Plugin = {
    name: 'bench:skip-pdf-export',
    // build() checks `download` after Vite is done, to export the PDF.
    closeBundle() {
      options.data.config.download = false
    },
  }
  // Slidev resolves outDir against the entry's directory: pass it absolute.
  await build(options, { plugins: [skipPdfExport], build: { outDir: resolve(out) } }, { entry })
  // CPU time of this process, all threads (Rolldown's too): steadier than wall time on a busy machine.
  const cpu = process.cpuUsage()
  process.stdout.write(`${CPU_MARKER}${Math.round((cpu.user + cpu.system) / 1000)}\n`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(() => process.exit(0), (error: Error) => {
    console.error(error.stack ?? error.message)
    process.exit(1)
  })
}
