import type { UserConfig } from 'unocss'
import slidevUno from '@slidev/client/uno.config.ts'
import { createGenerator, mergeConfigs } from 'unocss'
import { describe, expect, it, vi } from 'vitest'
import deckUno from '../../../uno.config'

/**
 * Every utility inside the deck's shortcuts must exist once merged over Slidev's config, as Slidev
 * merges it. UnoCSS only warns about one that does not (`unmatched utility … in shortcut`) and drops
 * it: a focus ring or a colour silently missing from the slide.
 */
async function unmatchedInShortcuts(deck: UserConfig): Promise<string[]> {
  // `warn` is what Slidev's dev server and build run with: UnoCSS reports such utilities only then.
  const generator = await createGenerator(mergeConfigs([slidevUno as UserConfig, deck, { warn: true }]))
  const names = (deck.shortcuts as Record<string, string>[]).flatMap(group => Object.keys(group))
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    const empty: string[] = []
    for (const name of names) {
      const { css } = await generator.generate(name, { preflights: false, safelist: false })
      if (!css.includes(`.${name}`))
        empty.push(`${name}: no CSS`)
    }
    return [...warn.mock.calls.map(call => call.map(String).join(' ')), ...empty]
  }
  finally {
    warn.mockRestore()
  }
}

describe('uno.config.ts shortcuts', () => {
  it('each one produces CSS with every utility it names', async () => {
    expect(await unmatchedInShortcuts(deckUno)).toEqual([])
  })

  it('names the shortcut and the utility UnoCSS cannot match', async () => {
    const broken = { ...deckUno, shortcuts: [{ 'demo-focus-ring': 'outline-2 focus-visible:outline-primary' }] }
    const found = await unmatchedInShortcuts(broken)
    expect(found.join('\n')).toMatch(/focus-visible:outline-primary.*demo-focus-ring/)
  })
})
