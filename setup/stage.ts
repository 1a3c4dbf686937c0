import type { NavigationGuardWithThis, RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import { sharedState, useNav } from '@slidev/client'
import { showPresenterCursor, syncDirections } from '@slidev/client/state/storage.ts'
import { watch } from 'vue'
import { useRouter } from 'vue-router'
import { installSyncRelay } from './sync-relay'

/**
 * How the deck behaves on stage, whatever serves it (`npm run present`, `npm run dev`, a static
 * host). Slidev's defaults suit one person clicking through; in a room they bite:
 * - every window sent its position, so the projector echoed the presenter's last slide back while
 *   the speaker had already moved on (presses bounced), and a window opened at `/` or `/presenter`
 *   announced slide 1 to all the others;
 * - the stopwatch waited for a hidden ▶;
 * - the presenter's mouse showed on the projector as soon as it crossed the slide.
 */

/** Safe start for every window: the presenter steers, the audience follows and sends nothing back. */
export function applySyncDefaults() {
  // Slidev keeps these in localStorage for all windows of the origin; a choice made in the ↑↓ menu
  // holds until that window reloads, so a rehearsal's setting cannot leak into the talk.
  syncDirections.value = { presenterSend: true, presenterReceive: true, viewerSend: false, viewerReceive: true }
  // The pointer reaches the projector only after the speaker turns it on (cursor button, presenter bar).
  showPresenterCursor.value = false
}

/** A talk is under way once a presenter has sent a position. */
function talkPosition(): { page: number, clicks: number } | undefined {
  const page = Number(sharedState.page)
  return sharedState.lastUpdate && page >= 1 ? { page, clicks: Number(sharedState.clicks) || 0 } : undefined
}

let firstNavigation = true

/**
 * A window's first route joins the talk where it is, whatever address opened it (`/`, `/presenter`,
 * a stale `/12` after a reload). Its first report then repeats the talk's position: nobody moves.
 */
const joinTalk: NavigationGuardWithThis<undefined> = (to: RouteLocationNormalized) => {
  if (!firstNavigation)
    return true
  firstNavigation = false
  const talk = talkPosition()
  if (!talk)
    return true
  if (String(to.params.no) === String(talk.page) && (Number(to.query.clicks) || 0) === talk.clicks)
    return true
  return {
    path: to.name === 'presenter' ? `/presenter/${talk.page}` : `/${talk.page}`,
    query: { ...to.query, clicks: talk.clicks ? String(talk.clicks) : undefined },
    replace: true,
  }
}

/**
 * A window connects to the talk before its router exists (Slidev's routes hook, setup/routes.ts):
 * the sync relay (setup/sync-relay.ts) replaces Slidev's sync and, under `npm run present`, fills in
 * where the talk is; then the join guard on the slide show (`/:no`) and presenter
 * (`/presenter/:no`) routes sends the first route there.
 */
export function connectToTalk(routes: RouteRecordRaw[]): RouteRecordRaw[] {
  installSyncRelay()
  for (const route of routes) {
    if (route.name === 'play' || route.name === 'presenter')
      route.beforeEnter = [...[route.beforeEnter ?? []].flat(), joinTalk]
  }
  return routes
}

/**
 * Slidev's clock pauses its own ticker on ↻ and restarts it only through its ▶ button; going
 * through that button keeps the clock moving after a reset. Without the presenter's clock on
 * screen the shared state is set directly.
 */
function clickTimerButton(icon: 'play' | 'pause'): boolean {
  const button = document.querySelector<HTMLElement>(`.slidev-presenter .i-carbon\\:${icon}`)?.parentElement
  button?.click()
  return Boolean(button)
}

function startTimer() {
  const timer = sharedState.timer
  if (timer.status === 'running' || clickTimerButton('play'))
    return
  timer.startedAt = timer.status === 'paused' ? Date.now() - (timer.pausedAt - timer.startedAt) : Date.now()
  timer.status = 'running'
}

function pauseTimer() {
  const timer = sharedState.timer
  if (timer.status !== 'running' || clickTimerButton('pause'))
    return
  timer.pausedAt = Date.now()
  timer.status = 'paused'
}

/** The `t` key in the presenter window: start or pause the stopwatch. */
export function toggleTimer() {
  if (!useNav().isPresenter.value)
    return
  if (sharedState.timer.status === 'running')
    pauseTimer()
  else
    startTimer()
}

/** The stopwatch starts when the presenter leaves the cover (unless it already runs). */
export function startTimerOnLeavingCover() {
  const { currentSlideNo, isPresenter } = useNav()
  watch(currentSlideNo, (no, previous) => {
    if (isPresenter.value && previous === 1 && no > 1 && sharedState.timer.status === 'stopped')
      startTimer()
  })
}

/**
 * A presenter window follows the other presenters (the laptop follows the phone that steers).
 * Slidev leaves that to the audience only; following quietly (not sending the position back,
 * the other presenter already did) keeps two senders from bouncing each other.
 */
export function followOtherPresenters() {
  const nav = useNav()
  const router = useRouter()
  watch(() => sharedState.lastUpdate, (update) => {
    if (!nav.isPresenter.value || update?.type !== 'presenter' || !syncDirections.value.presenterReceive)
      return
    const page = Number(sharedState.page)
    const clicks = Number(sharedState.clicks) || 0
    if (!page || (page === nav.currentSlideNo.value && clicks === nav.clicks.value))
      return
    const send = syncDirections.value.presenterSend
    syncDirections.value.presenterSend = false
    void router.replace({
      path: `/presenter/${page}`,
      query: { ...router.currentRoute.value.query, clicks: clicks ? String(clicks) : undefined },
    }).finally(() => {
      syncDirections.value.presenterSend = send
    })
  })
}

declare global {
  interface Window {
    /** Navigation keys pressed before the deck listened (index.html), oldest first. */
    __deckEarlyKeys?: { key: string, code: string, shiftKey: boolean }[]
    __deckEarlyKeyListener?: (event: KeyboardEvent) => void
  }
}

/** Slidev's navigation shortcuts: each press is one step, taken in order. */
const STEP_SHORTCUTS = new Set(['next_space', 'prev_space', 'next_right', 'prev_left', 'next_page_key', 'prev_page_key', 'next_down', 'prev_up', 'next_shift', 'prev_shift'])

/** Resolves once the current slide is on screen and knows its clicks (or after `timeoutMs`). */
function slideReady(timeoutMs = 3000): Promise<void> {
  const { clicksContext } = useNav()
  if (clicksContext.value.isMounted)
    return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs)
    const stop = watch(() => clicksContext.value.isMounted, mounted => mounted && done())
    function done() {
      clearTimeout(timer)
      stop()
      resolve()
    }
  })
}

let steps = Promise.resolve()

/**
 * One step at a time, each from where the last one ended: a press while a slide is still loading
 * waits for it (Slidev would count its clicks as 0 and skip them) instead of being lost or
 * taking the talk past it. A step that fails leaves the queue running.
 */
export function queueStep(step: () => unknown): void {
  steps = steps.then(() => slideReady()).then(step).then(() => undefined, error => console.error('[stage] a step failed', error))
}

/** Slidev's base shortcuts with the navigation ones queued. */
export function queuedNavigation<T extends { name?: string, fn?: () => unknown }>(shortcuts: T[]): T[] {
  return shortcuts.map(shortcut => shortcut.name && STEP_SHORTCUTS.has(shortcut.name) && shortcut.fn
    ? { ...shortcut, fn: () => queueStep(shortcut.fn!) }
    : shortcut)
}

/**
 * The presses made before Slidev listened (kept by index.html), pressed again once it does,
 * through its own shortcuts, so the first → after opening a window counts like any other.
 */
export function replayEarlyKeys(): void {
  const early = window.__deckEarlyKeys ?? []
  if (window.__deckEarlyKeyListener)
    window.removeEventListener('keydown', window.__deckEarlyKeyListener)
  window.__deckEarlyKeys = undefined
  window.__deckEarlyKeyListener = undefined
  // Slidev registers its key watchers right after this setup returns.
  setTimeout(() => {
    for (const key of early) {
      window.dispatchEvent(new KeyboardEvent('keydown', key))
      window.dispatchEvent(new KeyboardEvent('keyup', key))
    }
  }, 0)
}
