import type { IsoDate } from './iso-date'
import { z } from 'zod'
import { parseIsoDate } from './iso-date'

/**
 * The one description of a model record: its closed sets, the runtime schema, and the types
 * derived from it (`ModelRecord` is `z.output`), so the type and the runtime check cannot drift and
 * a typo in `data/models.ts` (a bad date, an http link, an unknown architecture, a dangling
 * `basedOn`) fails a unit test with a message naming the model and the field, e.g.
 * `t5.released: "2019-13-01" is not a valid date`.
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

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CJK = /[\u3400-\u9FFF]/
const WHITESPACE = /\s/
const INVALID_OPTION = /^Invalid option: /

/** `YYYY-MM-DD` or `YYYY-MM` that names a real calendar day / month (the one parser, `data/iso-date.ts`), 1900–2100. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string')
    return false
  const parts = parseIsoDate(value)
  return parts !== undefined && parts.year >= 1900 && parts.year <= 2100
}

/** An absolute https URL with a host. */
function isHttpsUrl(value: unknown): value is `https://${string}` {
  if (typeof value !== 'string' || !value.startsWith('https://') || WHITESPACE.test(value))
    return false
  try {
    return new URL(value).hostname.includes('.')
  }
  catch {
    return false
  }
}

const show = (input: unknown): string => JSON.stringify(input) ?? String(input)

const isoDate = z.custom<IsoDate>(isValidIsoDate, {
  error: iss => `${show(iss.input)} is not a valid date (YYYY-MM-DD or YYYY-MM)`,
})

const httpsUrl = z.custom<`https://${string}`>(isHttpsUrl, {
  error: iss => `${show(iss.input)} is not an https URL`,
})

const text = z.string().trim().min(1, { error: 'must not be empty' })

const chinese = text.regex(CJK, { error: iss => `${show(iss.input)} should be Chinese text` })

/** An https link with a human title. */
const link = z.strictObject({ title: text, url: httpsUrl })

/** A place where the outline was wrong: what it said (its wording), the fact, and where the fact comes from. */
const correction = z.strictObject({ outline: chinese, fact: chinese, source: text })

/** One released size. Counts are plain numbers of parameters (1.75e11, not "175B"). */
const paramSize = z
  .strictObject({
    /** Name of the variant when the paper names it, e.g. "T5-Small"; a bare size ("1.5B") is the paper's own rounding. */
    label: text.optional(),
    /** All parameters. */
    total: z.number().positive({ error: 'must be a positive number' }),
    /** Parameters used per token; set only for sparse (MoE) models. */
    active: z.number().positive({ error: 'must be a positive number' }).optional(),
  })
  .refine(p => p.active === undefined || p.active < p.total, {
    error: 'active parameters must be fewer than total',
    path: ['active'],
  })

export const modelSchema = z
  .strictObject({
    /** Stable kebab-case id used by pages: `<ModelCard id="t5" />`. */
    id: z.string().regex(KEBAB, { error: iss => `${show(iss.input)} is not a kebab-case id` }),
    /** Display name. */
    name: text,
    /** Who built it (the real organisation, which may differ from the outline's grouping). */
    org: z.enum(ORGANISATIONS),
    /** Other organisations that co-built it (MT-NLG: Microsoft + NVIDIA). */
    partners: z.array(z.enum(ORGANISATIONS)).optional(),
    /** First public release: model, API, blog or paper, whichever came first. */
    released: isoDate,
    /** The paper's first public version, where it came after `released` (BLOOM, LLaMA, GLM-130B…). */
    paperDate: isoDate.optional(),
    architecture: z.enum(ARCHITECTURES),
    /** 是什么：the card's first fact, one short sentence. */
    summary: chinese,
    /** 关键思路：how it works, in one sentence. */
    idea: chinese,
    /** 意义：why it matters. */
    impact: chinese,
    /** Every released size; empty when undisclosed (GPT-4) or when the system has no weights of its own. */
    params: z.array(paramSize),
    /** What the 规模 fact says for a system without parameters of its own (Visual ChatGPT). */
    scaleNote: chinese.optional(),
    /** Training data, as a short Chinese phrase (reference table). */
    data: chinese,
    /** Training tokens, where published; where the sizes saw different amounts, the most (the largest size's). */
    tokens: z.number().positive({ error: 'must be a positive number' }).optional(),
    /** Where the smaller sizes saw fewer tokens (LLaMA: 1.0T for 7B and 13B), the fewest: 规模 then says 「1.0T–1.4T」. */
    fewestTokens: z.number().positive({ error: 'must be a positive number' }).optional(),
    /** The paper, or the official page where there is no paper. */
    paper: link,
    /** Other official pages: blog, code, model card (reference table). */
    links: z.array(link).optional(),
    weights: z.enum(WEIGHTS),
    /** Marks a turning point in the timeline (GPT-3: the start of large models). */
    milestone: chinese.optional(),
    /** Ids of the models it builds on, for the family tree; the first is the main lineage. */
    basedOn: z.array(z.string().min(1)).optional(),
    /**
     * The sources disclose what it builds on no more than its architecture (GPT-4): the family tree
     * draws no edge into it and outlines its pill dashed, and its legend says why.
     */
    lineageUndisclosed: z.literal(true).optional(),
    corrections: z.array(correction),
  })
  .refine(m => m.paperDate === undefined || typeof m.released !== 'string' || m.paperDate > m.released, {
    error: 'must come after released (leave it out when the paper was the first release)',
    path: ['paperDate'],
  })
  .refine(m => m.fewestTokens === undefined || (typeof m.tokens === 'number' && m.fewestTokens < m.tokens), {
    error: 'must be fewer than tokens (the most any size saw)',
    path: ['fewestTokens'],
  })
  .refine(m => m.lineageUndisclosed === undefined || m.basedOn === undefined, {
    error: 'an undisclosed lineage has no basedOn (leave one of them out)',
    path: ['lineageUndisclosed'],
  })
  .refine(m => m.scaleNote === undefined || !Array.isArray(m.params) || m.params.length === 0, {
    error: 'only for a model without parameters of its own (params must be empty)',
    path: ['scaleNote'],
  })

/** One model, as `data/models.ts` writes it and every component reads it. */
export type ModelRecord = z.output<typeof modelSchema>
export type ParamSize = z.output<typeof paramSize>
export type Link = z.output<typeof link>
export type Correction = z.output<typeof correction>

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('')
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value')
    return issue.message.replace(INVALID_OPTION, 'must be one of ')
  return issue.message
}

/**
 * Every problem in a list of model records, one message per problem, each naming the model id and
 * the field (`t5.paper.url: "http://…" is not an https URL`). Empty when everything is valid.
 */
export function validateModels(records: unknown[]): string[] {
  const messages: string[] = []
  const ids: string[] = []

  records.forEach((record, index) => {
    const rawId = (record as { id?: unknown } | null)?.id
    const label = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index}`
    const result = modelSchema.safeParse(record, {
      error: iss => (iss.code === 'invalid_type' && iss.input === undefined ? 'is missing' : undefined),
    })
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys)
            messages.push(`${label}.${formatPath([...issue.path, key])}: unknown field`)
          continue
        }
        const where = formatPath(issue.path)
        messages.push(`${label}${where ? `.${where}` : ''}: ${describe(issue)}`)
      }
    }
    if (typeof rawId === 'string')
      ids.push(rawId)
  })

  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id))
      messages.push(`${id}.id: duplicate id "${id}"`)
    seen.add(id)
  }

  const known = new Set(ids)
  records.forEach((record) => {
    const { id, basedOn } = (record ?? {}) as Partial<Pick<ModelRecord, 'id' | 'basedOn'>>
    if (!Array.isArray(basedOn))
      return
    basedOn.forEach((parent, i) => {
      if (typeof parent !== 'string')
        return
      if (parent === id)
        messages.push(`${id}.basedOn[${i}]: a model cannot be based on itself`)
      else if (!known.has(parent))
        messages.push(`${id}.basedOn[${i}]: unknown model id "${parent}"`)
    })
  })

  // The family tree must stay a tree: no model may reach itself through `basedOn`.
  const parents = new Map<string, string[]>()
  for (const record of records) {
    const { id, basedOn } = (record ?? {}) as Partial<Pick<ModelRecord, 'id' | 'basedOn'>>
    if (typeof id === 'string' && Array.isArray(basedOn))
      parents.set(id, basedOn.filter(p => typeof p === 'string' && p !== id && known.has(p)))
  }
  for (const start of parents.keys()) {
    const stack = [...(parents.get(start) ?? [])]
    const visited = new Set<string>()
    while (stack.length) {
      const next = stack.pop()!
      if (next === start) {
        messages.push(`${start}.basedOn: cycle in the family tree`)
        break
      }
      if (visited.has(next))
        continue
      visited.add(next)
      stack.push(...(parents.get(next) ?? []))
    }
  }

  return messages
}
