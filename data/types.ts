/**
 * Types for the single data source behind model cards, the timeline, the scale chart and
 * the family tree. Adding a model is one `ModelRecord` in `data/models.ts`.
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
] as const
export type Architecture = typeof ARCHITECTURES[number]

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

/** The outline's sections that hold models: 3 (chronology) and 4.1–4.7 (by company). */
export const OUTLINE_SECTIONS = ['3', '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7'] as const
export type OutlineSection = typeof OUTLINE_SECTIONS[number]

/** ISO calendar date, `YYYY-MM-DD` (or `YYYY-MM` where only the month is public). */
export type IsoDate = `${number}-${number}-${number}` | `${number}-${number}`

/** An https link with a human title. */
export interface Link {
  title: string
  url: `https://${string}`
}

/** One released size. Counts are plain numbers of parameters (1.75e11, not "175B"). */
export interface ParamSize {
  /** Name of the variant when the paper names it, e.g. "T5-Small". */
  label?: string
  /** All parameters. */
  total: number
  /** Parameters used per token; set only for sparse (MoE) models. */
  active?: number
}

/** A place where the outline was wrong: what it said, the fact, and where the fact comes from. */
export interface Correction {
  /** What the outline says (Chinese). */
  outline: string
  /** The correct fact shown in the deck (Chinese). */
  fact: string
  /** Citation for the fact. */
  source: string
}

/** A correction that concerns no single model (errata slide groups them by topic). */
export interface GeneralCorrection extends Correction {
  /** Short Chinese label of what the claim is about. */
  topic: string
}

export interface ModelRecord {
  /** Stable kebab-case id used by pages: `<ModelCard id="t5" />`. */
  id: string
  /** Display name. */
  name: string
  /** Who built it (the real organisation, which may differ from the outline's grouping). */
  org: OrganisationId
  /**
   * First public release: first arXiv version or the official announcement. For a few models the
   * deck dates the paper and records the earlier blog / weight release in `earlierRelease`.
   */
  released: IsoDate
  /**
   * An official announcement or weight release that came before `released` where the deck dates the
   * model by its paper (InstructGPT blog, BLOOM weights, GLM-130B weights, LLaMA blog).
   */
  earlierRelease?: { date: IsoDate, what: string }
  /** Other organisations that co-built it (MT-NLG: Microsoft + NVIDIA). */
  partners?: OrganisationId[]
  /** Outline sections that mention this model; empty for roots that only feed the family tree. */
  sections: OutlineSection[]
  architecture: Architecture
  /** 解决问题 */
  problem: string
  /** 方法 */
  method: string
  /** Every released size; empty when undisclosed (GPT-4). */
  params: ParamSize[]
  /** 数据规模, as a short Chinese phrase. */
  data: string
  /** Training tokens, where published. */
  tokens?: number
  /** 亮点 */
  highlights?: string
  /** The paper, or the official page where there is no paper. */
  paper: Link
  /** The outline's 详见 links and other further reading. */
  links?: Link[]
  /** Whether the weights were released. */
  openWeights: boolean
  /** Marks a turning point in the timeline (GPT-3: the start of large models). */
  milestone?: string
  /** Ids of the models it builds on, for the family tree. */
  basedOn?: string[]
  corrections: Correction[]
  /** Longer text for speaker notes: outline sentences that did not fit, caveats, sources. */
  notes?: string
}

export interface Organisation {
  id: OrganisationId
  /** Short display name. */
  name: string
}
