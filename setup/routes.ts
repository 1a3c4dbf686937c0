import { defineRoutesSetup } from '@slidev/types'
import { installPresentRelay } from './present-relay'
import { withJoinTalk } from './stage'

// Runs before the router exists: the relay (under `npm run present`) fills in the talk's state
// first, so each window's first route can join the talk instead of announcing its own.
export default defineRoutesSetup((routes) => {
  installPresentRelay()
  return withJoinTalk(routes)
})
