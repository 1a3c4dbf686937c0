// @vitest-environment node
/**
 * The build the scripts and the browser tests share: `npm run build` is scripts/build.ts,
 * the PDF's name from the headmatter, and a staleness list that covers everything the deck imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFilename, loadDeck } from '../../../scripts/deck-source'
import { SOURCE_PATHS } from '../../../scripts/present'

const root = resolve(__dirname, '../../..')

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory())
    return [path]
  return readdirSync(path).flatMap(name => filesUnder(join(path, name)))
}

describe('the deck build', () => {
  it('runs the one deck build (scripts/build.ts, with its PDF) as `npm run build`', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.build).toBe('tsx scripts/build.ts')
  })

  it('names the PDF after the headmatter\'s exportFilename', async () => {
    const { headmatter } = await loadDeck(resolve(root, 'slides.md'))
    expect(headmatter.exportFilename).toBeTruthy()
    expect(await exportFilename(resolve(root, 'slides.md'))).toBe(headmatter.exportFilename)
  })

  it('counts dist/ stale on a change to any source the deck reads, and lists only paths that exist', () => {
    for (const path of SOURCE_PATHS)
      expect(existsSync(resolve(root, path)), `${path} in SOURCE_PATHS does not exist`).toBe(true)
    // Every top-level folder or file that a source imports (relative or `@/`) is a source too.
    const imported = new Set<string>()
    for (const file of SOURCE_PATHS.flatMap(path => filesUnder(resolve(root, path))).filter(f => /\.(?:ts|vue|md)$/.test(f))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|<<<\s*)['"]?((?:\.{1,2}\/|@\/)[^'"\s#)]+)/g)) {
        const target = spec!.startsWith('@/') ? resolve(root, spec!.slice(2)) : resolve(dirname(file), spec!)
        const top = relative(root, target).split('/')[0]!
        if (top && !top.startsWith('..') && top !== 'node_modules')
          imported.add(top)
      }
    }
    expect([...imported].filter(top => !SOURCE_PATHS.includes(top)).sort()).toEqual([])
  })
})
