// More of Slidev's client API, typed for setup/stage.ts, setup/sync-relay.ts and the pacing line (same approach
// as slidev-client.d.ts: declarations merge into its `@slidev/client` module).
declare module '@slidev/client' {
  export interface SharedState {
    page: number
    clicks: number
    clicksTotal: number
    timer: {
      status: 'stopped' | 'running' | 'paused'
      slides: Record<number, { start?: number, end?: number }>
      startedAt: number
      pausedAt: number
    }
    cursor?: { x: number, y: number, style?: 'cursor' | 'laser' }
    lastUpdate?: { id: string, type: 'presenter' | 'viewer', time: number }
  }
  export const sharedState: SharedState
  export const drawingState: Record<number, string | undefined>
  export const slidesTitle: string

  export type SyncWrite<State extends object> = (state: State, updating?: boolean) => void
  export interface Sync {
    enabled?: boolean
    init: <State extends object>(channelKey: string, onUpdate: (data: Partial<State>) => void, state: State, persist?: boolean) => SyncWrite<State> | undefined
  }
  export function addSyncMethod(sync: Sync): void
  export function disableBuiltinSync(): void
}

declare module '@slidev/client/state/storage.ts' {
  import type { Ref } from 'vue'

  export const syncDirections: Ref<{ viewerSend: boolean, viewerReceive: boolean, presenterSend: boolean, presenterReceive: boolean }>
  export const showPresenterCursor: Ref<boolean>
}

declare module '@slidev/client/composables/useTimer.ts' {
  import type { ComputedRef } from 'vue'

  /** Slidev's stopwatch as the presenter's clock shows it: seconds on it, and whether it runs. */
  export function useTimer(): {
    passed: ComputedRef<number>
    status: ComputedRef<'stopped' | 'running' | 'paused'>
  }
}
