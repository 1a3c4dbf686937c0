import type { NavOperations, ShortcutOptions } from '@slidev/types'
import { defineShortcutsSetup } from '@slidev/types'
import { toggleTimer } from './stage'

// Slidev's keys plus `t`: start or pause the stopwatch from the presenter window.
export default defineShortcutsSetup((_nav: NavOperations, base: ShortcutOptions[]) => [
  ...base,
  { name: 'stage_timer', key: 't', fn: toggleTimer },
])
