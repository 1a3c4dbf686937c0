import { defineRoutesSetup } from '@slidev/types'
import { withJoinTalk } from './stage'
import { installSyncRelay } from './sync-relay'

// Runs before the router exists: the sync relay fills in the talk's state first (under
// `npm run present`), so each window's first route can join the talk instead of announcing its own.
export default defineRoutesSetup((routes) => {
  installSyncRelay()
  return withJoinTalk(routes)
})
