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
    isPresenter: ComputedRef<boolean>
    isPrintMode: ComputedRef<boolean>
    next: () => Promise<void>
    prev: () => Promise<void>
    go: (no: number | string, clicks?: number) => Promise<void>
  }
  export function useNav(): SlidevNav

  export function useDarkMode(): {
    isDark: Ref<boolean>
    toggleDark: () => void
  }

  export function useSlideContext(): {
    $page: Ref<number>
    $clicks: Ref<number>
    $renderContext: Ref<string>
  }
}
