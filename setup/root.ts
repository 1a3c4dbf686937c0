import { useNav } from '@slidev/client'
import { defineRootSetup } from '@slidev/types'
import { reactive } from 'vue'
import { applySyncDefaults, followOtherPresenters, startTimerOnLeavingCover } from './stage'

function exposedNav() {
  return reactive(useNav())
}

declare global {
  interface Window {
    /** Navigation state for the browser tests, screenshots and benchmark (refs unwrapped). */
    __deckNav?: ReturnType<typeof exposedNav>
  }
}

// Slidev exposes its context only in dev; tests and the benchmark drive the built SPA.
export default defineRootSetup(() => {
  window.__deckNav = exposedNav()
  // Before Slidev's own root setup starts sending positions (user setups run first).
  applySyncDefaults()
  startTimerOnLeavingCover()
  followOtherPresenters()
})
