import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
/** `import … from '…'`, `import '…'` and re-exports (`export … from '…'`). */
const IMPORT = /^(?:import|export)\s[^'"]*?\sfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm

describe('data/ holds facts only', () => {
  it('imports nothing but other data modules and zod (the schema)', () => {
    const imports = readdirSync(resolve(root, 'data')).filter(f => f.endsWith('.ts')).flatMap(file =>
      [...readFileSync(resolve(root, 'data', file), 'utf8').matchAll(IMPORT)].map(m => `data/${file}: ${m[1] ?? m[2]}`))
    expect(imports.length).toBeGreaterThan(0)
    const foreign = imports.filter(line => !/: (?:\.\/[\w-]+|zod)$/.test(line))
    expect(foreign, 'layout and charts belong in charts/ or lib/').toEqual([])
  })
})

describe('components/ holds components only', () => {
  it('has no .ts module (Slidev would register it as a component)', () => {
    expect(readdirSync(resolve(root, 'components')).filter(f => !f.endsWith('.vue'))).toEqual([])
  })
})
