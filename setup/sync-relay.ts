import type { PresentPageInfo, Stamped, StampedStates, SyncEvent, SyncPost } from './present-protocol'
import { addSyncMethod, disableBuiltinSync, drawingState, sharedState, slidesTitle } from '@slidev/client'
import { isNewer, PAGE_INFO_GLOBAL, PASSWORD_HEADER, TOKEN_HEADER } from './present-protocol'

/**
 * How the windows of a built deck keep in step: Slidev's sync methods, replaced by one that
 * versions every key. Slidev's own build sync posts each window's whole state over a
 * BroadcastChannel and applies whatever arrives last, so a position sent before a press could
 * land after it and pull both windows back. Here each change carries a version (a Lamport clock:
 * one more than anything the window has seen), and a window or the server takes a value only if
 * it is newer than the one it has: late messages change nothing, in any order.
 *
 * Two carriers: under `npm run present` the server (scripts/present.ts) keeps the state, sends it
 * with each page and relays changes, so a window opened mid-talk joins where the talk is, also on
 * another machine; a static copy (`npm run build` hosted anywhere) uses a BroadcastChannel between
 * the windows of one browser, and a new window asks the others where the talk is. Slidev's dev
 * server keeps its own sync.
 */

declare global {
  interface Window {
    [PAGE_INFO_GLOBAL]?: PresentPageInfo
  }
}

type Patch = Record<string, unknown>
type Sync = Parameters<typeof addSyncMethod>[0]

interface Carrier {
  /** Sends this window's changes, in order. */
  send: (patches: StampedStates) => void
  /** Starts delivering what other windows (or the server) hold and change. */
  listen: (receive: (states: StampedStates) => void) => void
}

/** JSON has no `undefined`: a cleared key (the presenter's cursor) travels as null. */
const normal = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown
const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b))

/** This window's copy of every synced key with the version that set it. */
function createReplica(writer: string) {
  let clock = 0
  const channels = new Map<string, Map<string, Stamped>>()
  const keys = (channel: string) => channels.get(channel) ?? channels.set(channel, new Map()).get(channel)!
  return {
    /** Takes a write from elsewhere if it is newer than what this window has. */
    take(channel: string, key: string, entry: Stamped): boolean {
      clock = Math.max(clock, entry.version.n)
      if (!isNewer(entry.version, keys(channel).get(key)?.version))
        return false
      keys(channel).set(key, entry)
      return true
    },
    /** A change made in this window: newer than anything it has seen. */
    stamp(channel: string, key: string, value: unknown): Stamped {
      const entry = { value, version: { n: ++clock, w: writer } }
      keys(channel).set(key, entry)
      return entry
    },
    value: (channel: string, key: string) => channels.get(channel)?.get(key)?.value ?? null,
    keysOf: (channel: string) => [...keys(channel).keys()],
    dump: (): StampedStates => Object.fromEntries([...channels].map(([channel, entries]) => [channel, Object.fromEntries(entries)])),
  }
}

/** Slidev's sync method over a carrier: stamps what this window changes, takes only newer values. */
function versionedSync(carrier: Carrier, replica: ReturnType<typeof createReplica>, accepts: (channel: string) => boolean, initial: StampedStates = {}): Sync {
  const receivers = new Map<string, (patch: Patch) => void>()
  /** Values for channels Slidev (or a demo) has not opened yet: handed over when it does. */
  const early = new Map<string, Patch>()

  function deliver(channel: string, patch: Patch) {
    const receiver = receivers.get(channel)
    if (receiver)
      receiver(patch)
    else
      early.set(channel, { ...early.get(channel), ...patch })
  }

  function receive(states: StampedStates) {
    for (const [channel, entries] of Object.entries(states)) {
      const patch: Patch = {}
      for (const [key, entry] of Object.entries(entries)) {
        // A copy: Slidev edits its state in place (a slider sets `sampling.topK`), and the replica
        // must still hold what it was sent, or the edit would look like no change.
        if (replica.take(channel, key, entry))
          patch[key] = normal(entry.value)
      }
      if (Object.keys(patch).length)
        deliver(channel, patch)
    }
  }
  receive(initial)
  carrier.listen(receive)

  return {
    enabled: true,
    init(channelKey, onUpdate, state) {
      if (!accepts(channelKey))
        return undefined
      const current = state as unknown as Patch
      receivers.set(channelKey, (patch) => {
        onUpdate(patch as never)
        // Slidev ignores a change that arrives in the same tick as one of its own; hand over again
        // whatever it did not take, so this window never keeps (and later re-sends) an old value.
        setTimeout(() => {
          const missed = Object.fromEntries(Object.keys(patch)
            .filter(key => !same(current[key], replica.value(channelKey, key)))
            .map(key => [key, normal(replica.value(channelKey, key))]))
          if (Object.keys(missed).length)
            onUpdate(missed as never)
        }, 0)
      })
      const pending = early.get(channelKey)
      early.delete(channelKey)
      if (pending)
        onUpdate(pending as never)
      return (latest) => {
        const values = latest as unknown as Patch
        const changed: Record<string, Stamped> = {}
        for (const key of new Set([...Object.keys(values), ...replica.keysOf(channelKey)])) {
          if (!same(values[key], replica.value(channelKey, key)))
            changed[key] = replica.stamp(channelKey, key, normal(values[key]))
        }
        if (Object.keys(changed).length)
          carrier.send({ [channelKey]: changed })
      }
    },
  }
}

/** The password from the URL the speaker typed, kept for the tab when later navigation drops it. */
function speakerPassword(): string | null {
  const typed = new URLSearchParams(location.search).get('password')
  if (typed)
    sessionStorage.setItem('deck-password', typed)
  return typed ?? sessionStorage.getItem('deck-password')
}

/** `npm run present`: changes go up one POST at a time, everything comes down the event stream. */
function presentCarrier(info: PresentPageInfo, windowId: string): Carrier {
  const password = speakerPassword()
  let pending: StampedStates = {}
  let sending = false
  let refused = false
  async function flush() {
    if (sending || !Object.keys(pending).length)
      return
    const body: SyncPost = { from: windowId, patches: pending }
    pending = {}
    sending = true
    try {
      const response = await fetch(info.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: info.token, ...password ? { [PASSWORD_HEADER]: password } : {} },
        body: JSON.stringify(body),
      })
      if (response.status === 403 && !refused) {
        refused = true
        console.warn('[present] this window cannot steer the talk: open it with ?password=… as printed by `npm run present -- --lan`')
      }
    }
    catch {
      // The server is gone (talk over, or restarting): the stream reconnects by itself.
    }
    finally {
      sending = false
      void flush()
    }
  }
  return {
    send(patches) {
      for (const [channel, entries] of Object.entries(patches))
        pending[channel] = { ...pending[channel], ...entries }
      void flush()
    },
    listen(receive) {
      const stream = new EventSource(info.endpoint)
      stream.addEventListener('message', (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as SyncEvent
        if (event.kind === 'snapshot') {
          // A new `npm run present`: start from its state (a fresh stopwatch), not this page's.
          if (event.run !== info.run)
            return location.reload()
          receive(event.states)
        }
        else if (event.from !== windowId) {
          receive(event.patches)
        }
      })
    },
  }
}

type PeerMessage
  = | { kind: 'hello', from: string }
    | { kind: 'state', to: string, states: StampedStates }
    | { kind: 'patch', from: string, patches: StampedStates }

/** A static copy: the windows of one browser tell each other; a new one asks where the talk is. */
function peerCarrier(windowId: string, replica: ReturnType<typeof createReplica>): Carrier {
  const channel = new BroadcastChannel(`${slidesTitle} - sync`)
  const post = (message: PeerMessage) => channel.postMessage(message)
  return {
    send: patches => post({ kind: 'patch', from: windowId, patches }),
    listen(receive) {
      channel.addEventListener('message', (event: MessageEvent<PeerMessage>) => {
        const message = event.data
        if (message.kind === 'hello')
          post({ kind: 'state', to: message.from, states: replica.dump() })
        else if (message.kind === 'state' && message.to === windowId)
          receive(message.states)
        else if (message.kind === 'patch')
          receive(message.patches)
      })
      post({ kind: 'hello', from: windowId })
    },
  }
}

/**
 * Replaces Slidev's sync in a built deck. Runs before the router exists (`connectToTalk` in
 * setup/stage.ts), so under `npm run present` the window's first route can join the talk where it
 * is. Returns the carrier used.
 */
export function installSyncRelay(): 'present' | 'peers' | undefined {
  if (import.meta.env.DEV || typeof window === 'undefined')
    return undefined
  const windowId = Math.random().toString(36).slice(2, 12)
  const replica = createReplica(windowId)
  const info = window[PAGE_INFO_GLOBAL]
  let sync: Sync
  if (info) {
    // The page's own state starts as the server's; the slide position is needed before Slidev
    // opens its channels, by the first route, so it is filled in right away.
    const values = (channel: string) => Object.fromEntries(Object.entries(info.states[channel] ?? {}).map(([key, entry]) => [key, entry.value]))
    Object.assign(sharedState, values(`${slidesTitle} - shared`))
    Object.assign(drawingState, values(`${slidesTitle} - drawings`))
    sync = versionedSync(presentCarrier(info, windowId), replica, channel => info.channels.includes(channel), info.states)
  }
  else {
    sync = versionedSync(peerCarrier(windowId, replica), replica, () => true)
  }
  disableBuiltinSync()
  addSyncMethod(sync)
  return info ? 'present' : 'peers'
}
