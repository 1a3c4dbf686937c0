import type { IsoDate, Link, ModelRecord } from './types'
import { z } from 'zod'
import { ARCHITECTURES, ORGANISATIONS, OUTLINE_SECTIONS } from './types'

/**
 * Runtime schema mirroring `ModelRecord`, so a typo in `data/models.ts` (a bad date, an http link,
 * an unknown architecture, a dangling `basedOn`) fails a unit test with a message naming the model
 * and the field, e.g. `t5.released: "2019-13-01" is not a valid date`.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/
const CJK = /[\u3400-\u9FFF]/
const WHITESPACE = /\s/
const INVALID_OPTION = /^Invalid option: /

/** `YYYY-MM-DD` or `YYYY-MM` that names a real calendar day / month. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string')
    return false
  const match = ISO_DATE.exec(value)
  if (!match)
    return false
  const [, y, m, d] = match
  const year = Number(y)
  const month = Number(m)
  if (year < 1900 || year > 2100 || month < 1 || month > 12)
    return false
  if (d === undefined)
    return true
  const day = Number(d)
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day >= 1 && day <= daysInMonth
}

/** An absolute https URL with a host. */
export function isHttpsUrl(value: unknown): value is Link['url'] {
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

const httpsUrl = z.custom<Link['url']>(isHttpsUrl, {
  error: iss => `${show(iss.input)} is not an https URL`,
})

const text = z.string().trim().min(1, { error: 'must not be empty' })

const chinese = text.regex(CJK, { error: iss => `${show(iss.input)} should be Chinese text` })

const link = z.strictObject({ title: text, url: httpsUrl })

const correction = z.strictObject({ outline: chinese, fact: chinese, source: text })

const paramSize = z
  .strictObject({
    label: text.optional(),
    total: z.number().positive({ error: 'must be a positive number' }),
    active: z.number().positive({ error: 'must be a positive number' }).optional(),
  })
  .refine(p => p.active === undefined || p.active < p.total, {
    error: 'active parameters must be fewer than total',
    path: ['active'],
  })

export const modelSchema = z.strictObject({
  id: z.string().regex(KEBAB, { error: iss => `${show(iss.input)} is not a kebab-case id` }),
  name: text,
  org: z.enum(ORGANISATIONS),
  released: isoDate,
  earlierRelease: z.strictObject({ date: isoDate, what: chinese }).optional(),
  partners: z.array(z.enum(ORGANISATIONS)).optional(),
  sections: z.array(z.enum(OUTLINE_SECTIONS)),
  architecture: z.enum(ARCHITECTURES),
  problem: chinese,
  method: chinese,
  params: z.array(paramSize),
  data: chinese,
  tokens: z.number().positive({ error: 'must be a positive number' }).optional(),
  highlights: chinese.optional(),
  paper: link,
  links: z.array(link).optional(),
  openWeights: z.boolean(),
  milestone: chinese.optional(),
  basedOn: z.array(z.string().min(1)).optional(),
  corrections: z.array(correction),
  notes: chinese.optional(),
})

/** What the schema accepts after parsing. */
export type ParsedModel = z.output<typeof modelSchema>

// Compile-time proof that the schema and the hand-written type describe the same shape.
type Assert<T extends true> = T
export type SchemaMatchesType = Assert<ParsedModel extends ModelRecord ? (ModelRecord extends ParsedModel ? true : false) : false>

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
