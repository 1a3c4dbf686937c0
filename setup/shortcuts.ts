import type { NavOperations, ShortcutOptions } from '@slidev/types'
import { defineShortcutsSetup } from '@slidev/types'
import { queuedNavigation, replayEarlyKeys, toggleTimer } from './stage'

// Slidev's keys, navigation taken one step at a time in order (presses before the deck listened
// included), plus `t`: start or pause the stopwatch from the presenter window.
export default defineShortcutsSetup((_nav: NavOperations, base: ShortcutOptions[]) => {
  replayEarlyKeys()
  return [
    ...queuedNavigation(base),
    { name: 'stage_timer', key: 't', fn: toggleTimer },
  ]
})
