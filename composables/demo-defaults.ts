/**
 * Starting state of the live demos: what a fresh window, the PDF export, the notes handout and
 * the overview show. Plain data, no imports: `vite.config.ts` reads it too (the dev server keeps
 * the shared state, see `demo-state.ts`), and so does `npm run present`'s schema.
 */
export interface DemoState {
  tokenizer: {
    text: string
  }
  /** The tiny GPT writing after a prompt (components/SamplingDemo.vue). */
  sampling: {
    /** As typed, at most PROMPT_LIMIT characters; the model reads its last 64. */
    prompt: string
    temperature: number
    /** The vocabulary's size (or more) means no top-k cut. */
    topK: number
    topP: number
    seed: number
    /**
     * Token ids the model drew after the prompt, oldest first (at most MAX_DRAWN). Every window
     * shows these, so all show the same text; the n-th was drawn with the seed's n-th number.
     */
    drawn: number[]
  }
  /** The tiny GPT's attention over a text (components/AttentionHeatmap.vue). */
  attention: {
    text: string
    /** 0-based, as the model numbers them; the slide prints them from 1. */
    layer: number
    head: number
    /** The position whose row is highlighted (hovered), or -1. */
    query: number
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
  // The settings the training run sampled its checkpoints with (model/training-record.json).
  sampling: { prompt: '床前明月', temperature: 0.8, topK: 40, topP: 1, seed: 2023, drawn: [] },
  // Layer 1, head 4: the head that looks at the character before (the notes give the figures).
  attention: { text: '床前明月光，疑是地上霜。举头望明月，低头思故乡。', layer: 0, head: 3, query: -1 },
  scaling: { log10Compute: GOPHER_BUDGET_LOG10 },
}

/** A prompt longer than this (a paste) is cut: the model reads only its last 64 characters anyway. */
export const PROMPT_LIMIT = 500
/** Characters the model writes after a prompt before 「重来」 is needed. */
export const MAX_DRAWN = 200
/** The attention heat map's text is cut to this many characters (its cells stay readable). */
export const HEATMAP_LIMIT = 24

/** The demos' sync channel: every window opens it, `npm run present` keeps it (scripts/present-state.ts). */
export const DEMO_CHANNEL = 'llm-overview-talk · demos'

/** A fresh copy, so nobody mutates the defaults. */
export function demoDefaults(): DemoState {
  return structuredClone(DEMO_DEFAULTS)
}
