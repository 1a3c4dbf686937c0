import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The README's promises that can drift from the tree: its layout table and the primary colour's line. */
const root = resolve(__dirname, '../..')
const readme = readFileSync(resolve(root, 'README.md'), 'utf8')

/** Top-level names git would track: everything but `.git` and what `.gitignore` names at the top. */
function trackedTopLevel(): string[] {
  const ignored = readFileSync(resolve(root, '.gitignore'), 'utf8').split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#') && !l.includes('/')).map(l => new RegExp(`^${l.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`))
  return readdirSync(root).filter(name => name !== '.git' && !ignored.some(re => re.test(name))).sort()
}

describe('the README', () => {
  it('lists every top-level file and folder in its layout table, and nothing else', () => {
    const section = readme.slice(readme.indexOf('## Repository layout'), readme.indexOf('\n## ', readme.indexOf('## Repository layout') + 1))
    const listed = section.split('\n').filter(l => l.startsWith('| `')).flatMap(row => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map(m => m[1]!.replace(/\/$/, '')))
    expect(listed.sort()).toEqual(trackedTopLevel())
  })

  it('names the line of data/palette.ts that sets the primary colour', () => {
    const [, line] = /line (\d+) of\s+`data\/palette\.ts`/.exec(readme) ?? []
    expect(line, 'README: "line N of `data/palette.ts`"').toBeDefined()
    expect(readFileSync(resolve(root, 'data/palette.ts'), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^export const primary = /)
  })
})
