/**
 * Closed sets and shared types for the model data. The record shape itself (`ModelRecord`) is
 * derived from the zod schema in `data/schema.ts`, so the type and the runtime check cannot drift;
 * it is re-exported here so components keep one import path.
 */

/** Closed set of architectures; each has one colour (see `data/palette.ts`). */
export const ARCHITECTURES = [
  'encoder-only',
  'decoder-only',
  'encoder-decoder',
  'prefix-lm',
  'moe-decoder',
  'multimodal',
  'system',
  // GPT-4: the technical report withholds the architecture.
  'undisclosed',
] as const
export type Architecture = typeof ARCHITECTURES[number]

/**
 * Whether the weights could be had: downloadable by anyone; only some smaller sizes downloadable
 * and the rest not at all, as Megatron-LM (the 345M checkpoints, not 8.3B); on request under a
 * restricted (non-commercial) licence, as OPT-175B, LLaMA and GLM-130B; or not at all.
 */
export const WEIGHTS = ['open', 'partial', 'on-request', 'closed'] as const
export type Weights = typeof WEIGHTS[number]

/** Organisations that built the models; each has one colour. */
export const ORGANISATIONS = [
  'google',
  'deepmind',
  'meta',
  'openai',
  'microsoft',
  'nvidia',
  'tsinghua',
  'bigscience',
  'ai21',
  'databricks',
  'hpcai',
  'uw',
  'eleutherai',
] as const
export type OrganisationId = typeof ORGANISATIONS[number]

/** ISO calendar date, `YYYY-MM-DD` (or `YYYY-MM` where only the month is public). */
export type IsoDate = `${number}-${number}-${number}` | `${number}-${number}`

export type { Correction, Link, ModelRecord, ParamSize } from './schema'

/** A correction that concerns no single model (errata slide groups them by topic). */
export interface GeneralCorrection {
  /** Short Chinese label of what the claim is about. */
  topic: string
  /** What the outline says (Chinese, the outline's wording). */
  outline: string
  /** The correct fact (Chinese). */
  fact: string
  /** Citation for the fact. */
  source: string
}

export interface Organisation {
  id: OrganisationId
  /** Short display name. */
  name: string
}
