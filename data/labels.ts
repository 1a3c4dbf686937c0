import type { Architecture, Weights } from './schema'

/**
 * The words the deck puts on the closed sets of `data/schema.ts`: badges, legends and cards name
 * an architecture or a weights state the same way everywhere. Their colours are `data/palette.ts`.
 */

/** How a badge, a legend and a card name an architecture. */
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

/** The family tree's legend for a dashed pill: a model whose sources name no model it builds on (GPT-4). */
export const UNDISCLOSED_LINEAGE = '虚线框：来历未公开，不画连线'

/** How a card names the weights' availability. */
export const weightsLabel: Record<Weights, string> = {
  'open': '开放权重',
  'partial': '部分开放权重',
  'on-request': '申请获取',
  'closed': '未开放权重',
}
