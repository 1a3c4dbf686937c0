import type { DemoState } from './demo-defaults'
import { createSyncState } from '@slidev/client'
import serverState from 'server-reactive:demos'
import { DEMO_CHANNEL, demoDefaults } from './demo-defaults'

/**
 * The demos' state, shared by every window of the deck the way Slidev shares navigation and
 * drawings: in the built SPA over a BroadcastChannel between windows of one browser; served by
 * `npm run present` through its server (setup/sync-relay.ts relays every sync channel, this one
 * too); under `slidev` dev through the dev server (`server-reactive:demos`, seeded by
 * `vite.config.ts`). With either server a phone or a second machine follows too. One window alone
 * works the same.
 */
const sync = createSyncState<DemoState>(serverState, demoDefaults())
sync.init(DEMO_CHANNEL)

export const demoState = sync.state

/** Puts one demo back to its starting state, in every window. */
export function resetDemo<K extends keyof DemoState>(key: K): void {
  sync.patch(key, demoDefaults()[key])
}
