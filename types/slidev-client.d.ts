// Slidev's client ships TypeScript sources that only compile inside Slidev's own build (they use
// build-time globals). tsconfig `paths` points `@slidev/client` here: the few APIs this deck
// uses, typed, so vue-tsc checks our code without type-checking Slidev's.
declare module '@slidev/client' {
  import type { ComputedRef, Ref } from 'vue'

  export interface SlideRouteLike {
    no: number
    meta?: { slide?: { title?: string, frontmatter?: Record<string, unknown> } }
  }

  export interface SlidevNav {
    slides: ComputedRef<SlideRouteLike[]>
    total: ComputedRef<number>
    currentSlideNo: ComputedRef<number>
    clicks: ComputedRef<number>
    clicksTotal: ComputedRef<number>
    /** The current slide's clicks; `isMounted` once its component is on screen and has counted them. */
    clicksContext: ComputedRef<{ isMounted: boolean }>
    isPresenter: ComputedRef<boolean>
    isPrintMode: ComputedRef<boolean>
    next: () => Promise<void>
    prev: () => Promise<void>
    go: (no: number | string, clicks?: number) => Promise<void>
  }
  export function useNav(): SlidevNav

  /** The headmatter as Slidev resolved it; `download` shows the PDF button (a URL, or true). */
  export const configs: { download?: boolean | string, [key: string]: unknown }

  export function useDarkMode(): {
    isDark: Ref<boolean>
    toggleDark: () => void
  }

  /**
   * Slidev's own synced state (state/syncState.ts): `state` is reactive; after `init(key)` a change
   * in one window reaches the others (BroadcastChannel in a build, the dev server's `serverState` in dev).
   */
  export function createSyncState<State extends object>(serverState: State, defaultState: State, persist?: boolean): {
    init: (channelKey: string) => void
    onPatch: (fn: (state: State) => void) => void
    onUpdate: (patch: Partial<State>) => void
    patch: <K extends keyof State>(key: K, value: State[K]) => void
    state: State
  }

  export function useSlideContext(): {
    $page: Ref<number>
    $clicks: Ref<number>
    $renderContext: Ref<string>
  }
}

/** Slidev's dev server shares `state.<key>` of `vite.config.ts`'s `slidev.serverRef` between windows. */
declare module 'server-reactive:*' {
  const state: any
  export default state
}
