import type { ChannelStates, PresentPageInfo, SyncEvent, SyncPost } from './present-protocol'
import { addSyncMethod, disableBuiltinSync, drawingState, sharedState, slidesTitle } from '@slidev/client'
import { PAGE_INFO_GLOBAL, PASSWORD_HEADER } from './present-protocol'

/**
 * Slidev's state sync for the deck served by `npm run present`.
 *
 * A built deck normally syncs windows through a BroadcastChannel: one browser only, no memory, so a
 * window opened mid-talk starts at slide 1 with a stopped clock and knows nothing of the others.
 * Under `npm run present` the server keeps the talk's state instead (like Slidev's dev server):
 * each page arrives with it, changes go up as the keys that changed, and come down to every
 * window, on this machine or (with `--lan`) another. One writer path per window, in order.
 */

declare global {
  interface Window {
    [PAGE_INFO_GLOBAL]?: PresentPageInfo
  }
}

type Patch = Record<string, unknown>
type Sync = Parameters<typeof addSyncMethod>[0]

/** JSON has no `undefined`: a cleared key (the presenter's cursor) travels as null. */
const normal = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown

function changedKeys(state: Patch, known: Patch): Patch {
  const patch: Patch = {}
  for (const key of new Set([...Object.keys(state), ...Object.keys(known)])) {
    const value = normal(state[key])
    if (JSON.stringify(value) !== JSON.stringify(known[key] ?? null))
      patch[key] = value
  }
  return patch
}

function presentPageInfo(): PresentPageInfo | undefined {
  return typeof window === 'undefined' ? undefined : window[PAGE_INFO_GLOBAL]
}

/** The password from the URL the speaker typed, kept for the tab when later navigation drops it. */
function speakerPassword(): string | null {
  const typed = new URLSearchParams(location.search).get('password')
  if (typed)
    sessionStorage.setItem('deck-password', typed)
  return typed ?? sessionStorage.getItem('deck-password')
}

/**
 * Switches the page to the present server's sync, when the page came from it. Runs before the
 * router exists, so the window's first route can join the talk where it is (setup/stage.ts).
 */
export function installPresentRelay(): boolean {
  const info = presentPageInfo()
  if (!info)
    return false

  const id = Math.random().toString(36).slice(2)
  const password = speakerPassword()
  /** What the server holds, as far as this window knows: changes are sent relative to it. */
  const known: ChannelStates = {}
  const receivers = new Map<string, (patch: Patch) => void>()
  /** Changes for channels Slidev (or a demo) has not opened yet: handed over when it does. */
  const early: ChannelStates = {}

  function receive(channel: string, patch: Patch) {
    Object.assign(known[channel] ??= {}, patch)
    const deliver = receivers.get(channel)
    if (deliver)
      deliver(patch)
    else
      Object.assign(early[channel] ??= {}, patch)
  }

  // The page's own state starts as the server's; the slide position is needed before Slidev
  // opens its channels, by the first route (setup/stage.ts), so it is filled in right away.
  for (const [channel, state] of Object.entries(info.states)) {
    known[channel] = normal(state) as Patch
    early[channel] = { ...known[channel] }
  }
  Object.assign(sharedState, known[`${slidesTitle} - shared`] ?? {})
  Object.assign(drawingState, known[`${slidesTitle} - drawings`] ?? {})

  let pending: ChannelStates = {}
  let sending = false
  let refused = false
  async function flush() {
    if (sending || !Object.keys(pending).length)
      return
    const body: SyncPost = { from: id, patches: pending }
    pending = {}
    sending = true
    try {
      const response = await fetch(info!.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...password ? { [PASSWORD_HEADER]: password } : {} },
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

  const relay: Sync = {
    enabled: true,
    init(channelKey, onUpdate) {
      known[channelKey] ??= {}
      receivers.set(channelKey, patch => onUpdate(patch as never))
      // Before Slidev watches the state: what the server had, and what changed since, without
      // being sent back (it is what the server holds).
      if (early[channelKey]) {
        onUpdate(early[channelKey] as never)
        delete early[channelKey]
      }
      return (state) => {
        const patch = changedKeys(state as unknown as Patch, known[channelKey]!)
        if (!Object.keys(patch).length)
          return
        Object.assign(known[channelKey]!, patch)
        Object.assign(pending[channelKey] ??= {}, patch)
        void flush()
      }
    },
  }

  const stream = new EventSource(info.endpoint)
  stream.addEventListener('message', (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as SyncEvent
    if (event.kind === 'snapshot') {
      // A new `npm run present`: start from its state (a fresh stopwatch), not this page's.
      if (event.run !== info.run)
        return location.reload()
      // On (re)connect: catch up with whatever changed while this page was loading or offline.
      for (const [channel, state] of Object.entries(event.states)) {
        const patch = Object.fromEntries(Object.entries(state)
          .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(known[channel]?.[key] ?? null)))
        if (Object.keys(patch).length)
          receive(channel, patch)
      }
    }
    else if (event.from !== id) {
      for (const [channel, patch] of Object.entries(event.patches))
        receive(channel, patch)
    }
  })

  disableBuiltinSync()
  addSyncMethod(relay)
  return true
}
