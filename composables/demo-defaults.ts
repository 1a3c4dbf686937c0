/**
 * Starting state of the three live demos: what a fresh window, the PDF export, the notes handout
 * and the overview show. Plain data, no imports: `vite.config.ts` reads it too (the dev server
 * keeps the shared state, see `demo-state.ts`).
 */
export interface DemoState {
  tokenizer: {
    text: string
  }
  sampling: {
    temperature: number
    /** The number of candidates means no top-k cut. */
    topK: number
    topP: number
    seed: number
    /** Indices of the candidates drawn so far, oldest first. */
    drawn: number[]
  }
  scaling: {
    /** log10 of the training compute in FLOPs. */
    log10Compute: number
  }
}

/** Gopher's and Chinchilla's shared budget as the paper gives it: 5.76e23 FLOPs. */
export const GOPHER_BUDGET_LOG10 = Math.log10(5.76e23)

export const DEMO_DEFAULTS: DemoState = {
  tokenizer: {
    text: '大语言模型读到的不是字，而是 token：unbelievable results',
  },
  sampling: { temperature: 1, topK: 8, topP: 1, seed: 2023, drawn: [] },
  scaling: { log10Compute: GOPHER_BUDGET_LOG10 },
}

/** The demos' sync channel: every window opens it, `npm run present` keeps it (scripts/present-state.ts). */
export const DEMO_CHANNEL = 'llm-overview-talk · demos'

/** A fresh copy, so nobody mutates the defaults. */
export function demoDefaults(): DemoState {
  return structuredClone(DEMO_DEFAULTS)
}
