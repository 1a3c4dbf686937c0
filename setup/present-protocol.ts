/**
 * What `npm run present` (scripts/present.ts) and the deck's relay client (setup/present-relay.ts)
 * agree on. Plain constants and types: the server imports this file too.
 */

/** The one endpoint the present server adds: GET = event stream of the talk's state, POST = a change. */
export const SYNC_ENDPOINT = '/__deck-sync'

/** Header carrying the password a speaker typed into the URL (`?password=…`), checked by the server. */
export const PASSWORD_HEADER = 'x-deck-password'

/** Slidev's state channels (`<title> - shared`, `<title> - drawings`), each a flat record of keys. */
export type ChannelStates = Record<string, Record<string, unknown>>

/** Written into every page the present server sends: where to sync and the talk's state right now. */
export interface PresentPageInfo {
  endpoint: string
  /** True when the server listens on the network: changes from other machines need the password. */
  locked: boolean
  /** Changes with every `npm run present`: a page left open from an earlier run reloads. */
  run: string
  states: ChannelStates
}

/** Events on the stream: the whole state on (re)connect, then each change with its sender. */
export type SyncEvent
  = | { kind: 'snapshot', run: string, states: ChannelStates }
    | { kind: 'patch', from: string, patches: ChannelStates }

/** Body of a POST: the keys that changed, per channel. */
export interface SyncPost {
  from: string
  patches: ChannelStates
}

export const PAGE_INFO_GLOBAL = '__deckPresent'
