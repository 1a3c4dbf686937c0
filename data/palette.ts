import type { Architecture, OrganisationId, Weights } from './types'

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

export const architectureLabel: Record<Architecture, string> = {
  'encoder-only': 'Encoder-only',
  'decoder-only': 'Decoder-only',
  'encoder-decoder': 'Encoder-Decoder',
  'prefix-lm': 'Prefix LM · 空白填充',
  'moe-decoder': 'MoE Decoder',
  'multimodal': '多模态',
  'system': '系统 / 方法',
  'undisclosed': '架构未公开',
}

/** How a card names the weights' availability. */
export const weightsLabel: Record<Weights, string> = {
  'open': '开放权重',
  'on-request': '申请获取',
  'closed': '未开放权重',
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
export type DiagramRole = keyof typeof diagramRoles
