import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const IMPORT = /^import\s[^'"]*['"]([^'"]+)['"]/gm

describe('data/ holds facts only', () => {
  it('imports nothing but other data modules, zod (the schema) and lib/dates.ts (the date parser it validates with)', () => {
    const imports = readdirSync(resolve(root, 'data')).filter(f => f.endsWith('.ts')).flatMap(file =>
      [...readFileSync(resolve(root, 'data', file), 'utf8').matchAll(IMPORT)].map(m => `data/${file}: ${m[1]}`))
    expect(imports.length).toBeGreaterThan(0)
    const foreign = imports.filter(line => !/: (?:\.\/[\w-]+|zod|\.\.\/lib\/dates)$/.test(line))
    expect(foreign, 'layout and charts belong in charts/ or lib/').toEqual([])
  })
})

describe('components/ holds components only', () => {
  it('has no .ts module (Slidev would register it as a component)', () => {
    expect(readdirSync(resolve(root, 'components')).filter(f => !f.endsWith('.vue'))).toEqual([])
  })
})
