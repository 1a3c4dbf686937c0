import type { Architecture, OrganisationId, Weights } from './schema'

/**
 * Every colour of the deck. uno.config.ts makes them UnoCSS theme colours and shortcuts
 * (`text-ink`, `bg-enc-fill`, `border-rule/40`, `role-llm`, …) and sets Slidev's primary from
 * here; components and scripts import them; a unit test fails on a colour literal anywhere else
 * (outside this file, uno.config.ts and styles/).
 */

/**
 * The deck's primary colour (Slidev's `--slidev-theme-primary`): links, accents, the agenda's
 * numbers, the live demos. `dark` is lighter, so text in it keeps its contrast on the dark
 * background; `darkFill` is the deeper tone for large fills there (the sampling bars); `tint` the
 * pale fill of a plain diagram node. Changing the primary colour is changing this one line.
 */
export const primary = { light: '#3b5bdb', dark: '#91a7ff', darkFill: '#748ffc', tint: '#edf2ff' } as const

/** Text on the light fills (badges, pills, boxes), in both colour schemes. */
export const ink = '#1a1b1e'

/** The slide background of Slidev's default theme, light and dark: halos and hollow marks take it. */
export const paper = { light: '#ffffff', dark: '#121212', darkInk: '#f1f3f5' } as const

/**
 * Greys: `rule` for table rules and box outlines, `muted` for diagram lines and control borders,
 * `bar` for the long tail's bars, `wash` behind a quiet box, `hairline` in the printed handout.
 */
export const neutral = { rule: '#9ca3af', muted: '#868e96', bar: '#adb5bd', wash: '#6b7280', hairline: '#ced4da' } as const

/**
 * One colour per architecture and per organisation, shared by cards, timeline, chart, tree and
 * the Mermaid class set. Mid-tone fills keep dark text readable in both colour schemes.
 */
export interface Swatch {
  /** Fill for boxes and badges. */
  fill: string
  /** Stroke, text accents and chart marks. */
  stroke: string
}

export const architecturePalette: Record<Architecture, Swatch> = {
  'encoder-only': { fill: '#d0ebff', stroke: '#1971c2' },
  'decoder-only': { fill: '#ffe8cc', stroke: '#e8590c' },
  'encoder-decoder': { fill: '#e5dbff', stroke: '#7048e8' },
  'prefix-lm': { fill: '#ffdeeb', stroke: '#c2255c' },
  'moe-decoder': { fill: '#c3fae8', stroke: '#099268' },
  'multimodal': { fill: '#d3f9d8', stroke: '#2f9e44' },
  'system': { fill: '#e9ecef', stroke: '#495057' },
  'undisclosed': { fill: '#f1f3f5', stroke: '#868e96' },
}

export const organisationPalette: Record<OrganisationId, string> = {
  google: '#4263eb',
  deepmind: '#1098ad',
  meta: '#1c7ed6',
  openai: '#37b24d',
  microsoft: '#f59f00',
  nvidia: '#74b816',
  tsinghua: '#862e9c',
  bigscience: '#f783ac',
  ai21: '#e64980',
  databricks: '#fa5252',
  hpcai: '#fd7e14',
  uw: '#5f3dc4',
  eleutherai: '#9c6644',
}

/**
 * Roles in structure diagrams. Mermaid nodes take them as classes (`A[Encoder]:::enc`); the CSS
 * is generated once in `setup/mermaid.ts`, so every diagram speaks the same visual language.
 */
export const diagramRoles = {
  enc: architecturePalette['encoder-only'],
  dec: architecturePalette['decoder-only'],
  encdec: architecturePalette['encoder-decoder'],
  attn: { fill: '#fff3bf', stroke: '#e67700' },
  ffn: { fill: '#e9ecef', stroke: '#495057' },
  io: { fill: '#d3f9d8', stroke: '#2f9e44' },
  moe: architecturePalette['moe-decoder'],
  data: { fill: '#fff9db', stroke: '#f08c00' },
  llm: { fill: '#dbe4ff', stroke: '#3b5bdb' },
  human: { fill: '#ffdeeb', stroke: '#c2255c' },
  tool: { fill: '#e3fafc', stroke: '#0c8599' },
  mask: { fill: '#f8f0fc', stroke: '#9c36b5' },
} satisfies Record<string, Swatch>

/** The weights badge, by availability: border and text, light and dark. */
export const weightsTone: Record<Weights, { border: string, text: string, darkBorder: string, darkText: string }> = {
  'open': { border: '#15803d', text: '#166534', darkBorder: '#4ade80', darkText: '#86efac' },
  'partial': { border: '#0f766e', text: '#115e59', darkBorder: '#2dd4bf', darkText: '#99f6e4' },
  'on-request': { border: '#d97706', text: '#92400e', darkBorder: '#fbbf24', darkText: '#fde68a' },
  'closed': { border: '#6b7280', text: '#4b5563', darkBorder: '#9ca3af', darkText: '#d1d5db' },
}

/** A visible error on a slide (an unknown model id). */
export const alert = { border: '#dc2626', fill: '#fef2f2', text: '#b91c1c', darkFill: '#450a0a', darkText: '#fecaca' } as const

/** The compare table's bars: parameters and training tokens. */
export const compareBars = { params: '#3b82f6', tokens: '#f59e0b' } as const

/** The models on the compute-optimal scaling demo, in turn. */
export const seriesColours = ['#e8590c', '#2f9e44', '#ae3ec9'] as const

/** Token chips take these in turn, so neighbouring tokens differ. */
export const tokenHues = ['#d0ebff', '#ffe8cc', '#d3f9d8', '#f3d9fa'] as const

/** A QR code: dark modules on light in both colour schemes, as phones read them. */
export const qrCode = { light: '#ffffff', dark: '#000000' } as const

/** The hand-drawn Kosmos-1 example (components/KosmosScooterSketch.vue). */
export const sketch = {
  sky: '#e7f5ff',
  sun: '#ffe066',
  grass: '#b2f2bb',
  pavement: '#e9ecef',
  kerb: '#ced4da',
  skin: '#ffd8a8',
  tear: '#339af0',
  line: '#343a40',
  shorts: '#1c7ed6',
  shirt: '#ff922b',
  hair: '#7a4a24',
  mouth: '#c92a2a',
  deck: '#495057',
  tyre: '#212529',
  hub: '#adb5bd',
  stem: '#868e96',
  crack: '#e03131',
} as const
