import { describe, expect, it } from 'vitest'
import { findColourLiterals, formatColourLiteral } from '../../../scripts/colour-literals'

describe('colour literals (scripts/colour-literals.ts)', () => {
  it('finds none in the deck: every colour comes from data/palette.ts', () => {
    expect(findColourLiterals('.').map(formatColourLiteral)).toEqual([])
  })

  it('names file, line and literal on its fixture, and spares the palette, uno.config.ts and styles/', () => {
    const found = findColourLiterals('tests/fixtures/colour-literals').map(c => `${c.file}:${c.line}: ${c.literal}`)
    expect(found).toEqual([
      'components/Legend.vue:2: #1a1b1e',
      'components/Legend.vue:4: #fff',
      'components/Legend.vue:5: white',
      'components/Legend.vue:7: bg-red-50',
      'components/Legend.vue:7: border-gray-400/40',
      'components/Legend.vue:13: rgb(',
      'pages/01-intro.md:3: #d0ebff',
      'scripts/handout.ts:1: #868e96',
      'setup/mermaid.ts:1: #edf2ff',
    ])
    expect(formatColourLiteral({ file: 'pages/01-intro.md', line: 3, literal: '#d0ebff' })).toMatch(/^pages\/01-intro\.md:3: #d0ebff .*data\/palette\.ts/)
  })
})
