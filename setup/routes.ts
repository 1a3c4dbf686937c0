import { defineRoutesSetup } from '@slidev/types'
import { connectToTalk } from './stage'

// Slidev's routes hook is the only one that runs before the router exists: there each window
// connects to the talk (the sync relay, then its first route joins the talk where it is).
export default defineRoutesSetup(connectToTalk)
