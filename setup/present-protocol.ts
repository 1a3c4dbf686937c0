/**
 * What `npm run present` (scripts/present.ts) and the deck's sync relay (setup/sync-relay.ts)
 * agree on. Plain constants and types: the server imports this file too.
 */

/** The one endpoint the present server adds: GET = event stream of the talk's state, POST = a change. */
export const SYNC_ENDPOINT = '/__deck-sync'

/** Header carrying the password a speaker typed into the URL (`?password=…`), checked by the server. */
export const PASSWORD_HEADER = 'x-deck-password'

/**
 * Header carrying the run's write token, which the server writes into every page it serves. Another
 * origin cannot read the page, so it cannot know the token; and a custom header makes any
 * cross-origin request need a preflight, which the server refuses.
 */
export const TOKEN_HEADER = 'x-deck-token'

/**
 * Which write of a key is newer: a Lamport clock (`n`, one more than anything the writer had seen)
 * and the writer (`w`, breaking ties). A position sent before another one can never replace it,
 * however late it arrives: that is what keeps a press from bouncing back.
 */
export interface Version {
  n: number
  w: string
}

/** One key's value and the write that set it. */
export interface Stamped {
  value: unknown
  version: Version
}

/** Keys per channel (`<title> - shared`, `<title> - drawings`, the demos'), each with its version. */
export type StampedStates = Record<string, Record<string, Stamped>>

/** Written into every page the present server sends: where to sync and the talk's state right now. */
export interface PresentPageInfo {
  endpoint: string
  /** True when the server listens on the network: changes from other machines need the password. */
  locked: boolean
  /** Changes with every `npm run present`: a page left open from an earlier run reloads. */
  run: string
  /** This run's write token, sent back in {@link TOKEN_HEADER}. */
  token: string
  /** The channels the server keeps; a write to any other is refused. */
  channels: string[]
  states: StampedStates
}

/** Events on the stream: the whole state on (re)connect, then each accepted change with its sender. */
export type SyncEvent
  = | { kind: 'snapshot', run: string, states: StampedStates }
    | { kind: 'patch', from: string, patches: StampedStates }

/** Body of a POST: the keys that changed, per channel, each with its version. */
export interface SyncPost {
  from: string
  patches: StampedStates
}

export const PAGE_INFO_GLOBAL = '__deckPresent'

/** `a` is newer than `b` (no version: older than any). */
export function isNewer(a: Version, b: Version | undefined): boolean {
  return !b || a.n > b.n || (a.n === b.n && a.w > b.w)
}
