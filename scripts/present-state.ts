/**
 * The talk's state as `npm run present` keeps it: only the channels the deck opens, each key
 * checked against the shape the deck writes, drawings only as Slidev's pen draws them. Everything
 * else is refused whole, with a reason, and changes nothing. Kept in Maps, so no channel or key
 * name (`__proto__` included) can reach an object's prototype.
 */
import type { Stamped, StampedStates, Version } from '../setup/present-protocol'
import { z } from 'zod'
import { DEMO_CHANNEL, MAX_DRAWN, PROMPT_LIMIT } from '../composables/demo-defaults'
import { TEXT_LIMIT } from '../composables/tokenizers'
import { isNewer } from '../setup/present-protocol'

/** The largest POST body the server reads: a slide full of ink is well under it. */
export const MAX_BODY_BYTES = 1_000_000
/** The largest drawing of one slide (Slidev's pen: the SVG markup of every stroke on it). */
export const MAX_DRAWING_CHARS = 500_000

const finite = z.number()
const count = z.number().int().min(0).max(10_000)
const chars = (limit: number) => z.string().refine(text => Array.from(text).length <= limit, `at most ${limit} characters`)

/** Slidev's `<title> - shared` channel: position, stopwatch, pointer, who moved last. */
const sharedPatch = z.strictObject({
  page: z.number().int().min(1).max(10_000),
  clicks: count,
  clicksTotal: count,
  timer: z.strictObject({
    status: z.enum(['stopped', 'running', 'paused']),
    slides: z.record(z.string().regex(/^\d{1,5}$/), z.strictObject({ start: finite.optional(), end: finite.optional() })),
    startedAt: finite,
    pausedAt: finite,
  }),
  cursor: z.strictObject({ x: finite, y: finite, style: z.enum(['cursor', 'laser']).optional() }).nullable(),
  lastUpdate: z.strictObject({ id: z.string().max(200), type: z.enum(['presenter', 'viewer']), time: finite }).nullable(),
}).partial()

/** The live demos' channel (composables/demo-state.ts): each demo's whole state per key. */
const demoPatch = z.strictObject({
  tokenizer: z.strictObject({ text: chars(TEXT_LIMIT) }),
  sampling: z.strictObject({
    prompt: chars(PROMPT_LIMIT),
    temperature: z.number().min(0).max(10),
    topK: z.number().int().min(1).max(100_000),
    topP: z.number().min(0).max(1),
    seed: z.number().int(),
    // Token ids of the tiny GPT (a window also checks them against the vocabulary it loaded).
    drawn: z.array(z.number().int().min(0).max(100_000)).max(MAX_DRAWN),
  }),
  attention: z.strictObject({
    text: chars(PROMPT_LIMIT),
    layer: z.number().int().min(0).max(100),
    head: z.number().int().min(0).max(100),
    query: z.number().int().min(-1).max(PROMPT_LIMIT),
  }),
  scaling: z.strictObject({ log10Compute: z.number().min(0).max(40) }),
}).partial()

/**
 * What Slidev's pen (drauu) writes for one slide: the inner markup of its SVG, as the browser
 * serialises it. Only these elements and attributes, each value from a small alphabet (no quotes,
 * no `<`, `&`, `:` or parentheses but in `url(#id)`), so no event handler, link, style or foreign
 * content can be in it, and the markup means the same to every parser.
 */
const PEN_ELEMENTS = new Set(['path', 'line', 'rect', 'ellipse', 'g', 'defs', 'marker'])
const NUMBER = /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/
const PEN_ATTRIBUTES: Record<string, RegExp> = {
  'fill': /^(?:#[\da-f]{3,8}|transparent|none)$/i,
  'stroke': /^(?:#[\da-f]{3,8}|transparent|none)$/i,
  'stroke-width': NUMBER,
  'stroke-linecap': /^(?:round|butt|square)$/,
  'stroke-dasharray': /^[\d.]+(?:[ ,]+[\d.]+)*$/,
  'd': /^[MLHVCSQTAZ\d\s,.e-]+$/i,
  'x': NUMBER,
  'y': NUMBER,
  'x1': NUMBER,
  'y1': NUMBER,
  'x2': NUMBER,
  'y2': NUMBER,
  'width': NUMBER,
  'height': NUMBER,
  'cx': NUMBER,
  'cy': NUMBER,
  'rx': NUMBER,
  'ry': NUMBER,
  'data-drauu_index': /^\d+$/,
  'marker-end': /^url\(#[\w-]+\)$/,
  'id': /^[\w-]+$/,
  'viewBox': /^-?[\d.]+(?: -?[\d.]+){3}$/,
  'refX': NUMBER,
  'refY': NUMBER,
  'markerWidth': NUMBER,
  'markerHeight': NUMBER,
  'orient': /^(?:auto|auto-start-reverse|-?[\d.]+)$/,
}
const TAG = /<(\/?)([a-z]+)((?: [\w-]+="[^"<>&]*")*)>/gy
const ATTRIBUTE = / ([\w-]+)="([^"]*)"/g

/** Why `svg` is not a drawing of Slidev's pen, or undefined when it is one. */
export function penDrawingProblem(svg: string): string | undefined {
  if (svg.length > MAX_DRAWING_CHARS)
    return `longer than ${MAX_DRAWING_CHARS} characters`
  const open: string[] = []
  TAG.lastIndex = 0
  while (TAG.lastIndex < svg.length) {
    const at = TAG.lastIndex
    const tag = TAG.exec(svg)
    if (!tag)
      return `unexpected markup at character ${at}: ${JSON.stringify(svg.slice(at, at + 40))}`
    const [, closing, name, attributes] = tag as unknown as [string, string, string, string]
    if (!PEN_ELEMENTS.has(name))
      return `<${name}> is not drawn by the pen`
    if (closing) {
      if (open.pop() !== name)
        return `</${name}> closes nothing`
      continue
    }
    for (const [, attribute, value] of attributes.matchAll(ATTRIBUTE) as Iterable<[string, string, string]>) {
      const allowed = PEN_ATTRIBUTES[attribute]
      if (!allowed)
        return `<${name} ${attribute}> is not drawn by the pen`
      if (!allowed.test(value))
        return `<${name} ${attribute}="${value.slice(0, 40)}"> is not a value the pen writes`
    }
    open.push(name)
  }
  return open.length ? `<${open.at(-1)}> is not closed` : undefined
}

/** Slidev's `<title> - drawings` channel: per slide number, the pen's SVG or null (cleared). */
const drawingsPatch = z.record(
  z.string().regex(/^\d{1,5}$/),
  z.string().nullable().superRefine((svg, context) => {
    const problem = svg === null ? undefined : penDrawingProblem(svg)
    if (problem)
      context.addIssue({ code: 'custom', message: `not what the pen draws: ${problem}` })
  }),
)

const version = z.strictObject({ n: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), w: z.string().regex(/^[\w-]{1,64}$/) })
const stamped = <T extends z.ZodType>(value: T) => z.strictObject({ value, version })
const post = z.strictObject({ from: z.string().regex(/^[\w-]{1,64}$/), patches: z.record(z.string().max(200), z.record(z.string().max(200), z.unknown())) })

/** The channel names of a build: Slidev names its own after the page title, as the built index.html has it. */
export function deckChannels(indexHtml: string): { shared: string, drawings: string, demos: string } {
  const title = /<title>([^<]*)<\/title>/.exec(indexHtml)?.[1]
  if (title === undefined)
    throw new Error('the built index.html has no <title>: cannot name the state channels')
  const text = title.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&')
  return { shared: `${text} - shared`, drawings: `${text} - drawings`, demos: DEMO_CHANNEL }
}

export type WriteResult = { accepted: StampedStates } | { refused: string }

/** The talk's state: one Map per channel of the deck, one entry per key, each with its version. */
export class TalkState {
  private readonly schemas: Map<string, z.ZodType<Record<string, unknown>>>
  private readonly channels = new Map<string, Map<string, Stamped>>()

  constructor(names: ReturnType<typeof deckChannels>) {
    this.schemas = new Map<string, z.ZodType<Record<string, unknown>>>([
      [names.shared, sharedPatch as z.ZodType<Record<string, unknown>>],
      [names.drawings, drawingsPatch],
      [names.demos, demoPatch as z.ZodType<Record<string, unknown>>],
    ])
    for (const name of this.schemas.keys())
      this.channels.set(name, new Map())
  }

  get channelNames(): string[] {
    return [...this.schemas.keys()]
  }

  /** Checks a whole write first; stores it only if every part is what the deck writes. */
  write(body: unknown): WriteResult {
    const parsed = post.safeParse(body)
    if (!parsed.success)
      return { refused: `not a sync write: ${summarise(parsed.error)}` }
    // The names as sent: zod's parsed records silently drop a `__proto__` key, which must be refused.
    const sent = (body as { patches: Record<string, Record<string, unknown>> }).patches
    const checked: [string, string, Stamped][] = []
    for (const [channel, patch] of Object.entries(sent)) {
      const schema = this.schemas.get(channel)
      if (!schema)
        return { refused: `unknown channel ${JSON.stringify(channel.slice(0, 60))}` }
      const values: Record<string, unknown> = {}
      const versions: Record<string, Version> = {}
      for (const [key, entry] of Object.entries(patch)) {
        const shape = stamped(z.unknown()).safeParse(entry)
        if (!shape.success)
          return { refused: `${channel} ${JSON.stringify(key.slice(0, 60))}: ${summarise(shape.error)}` }
        Object.defineProperty(values, key, { value: shape.data.value, enumerable: true })
        versions[key] = shape.data.version
      }
      const valid = schema.safeParse(values)
      if (!valid.success)
        return { refused: `${channel}: ${summarise(valid.error)}` }
      // A key the schema passed over without a word (zod skips `__proto__` in records) is refused too.
      const dropped = Object.keys(values).find(key => !Object.hasOwn(valid.data, key))
      if (dropped !== undefined)
        return { refused: `${channel}: ${JSON.stringify(dropped.slice(0, 60))} is not a key the deck writes` }
      for (const key of Object.keys(values))
        checked.push([channel, key, { value: values[key], version: versions[key]! }])
    }
    const accepted: StampedStates = {}
    for (const [channel, key, entry] of checked) {
      const keys = this.channels.get(channel)!
      // An older write than the one stored (sent before it, arrived after it) changes nothing.
      if (!isNewer(entry.version, keys.get(key)?.version))
        continue
      keys.set(key, entry)
      ;(accepted[channel] ??= {})[key] = entry
    }
    return { accepted }
  }

  /** Every channel and key with its version, as plain JSON objects (keys are checked names). */
  snapshot(): StampedStates {
    return Object.fromEntries([...this.channels].map(([channel, keys]) => [channel, Object.fromEntries(keys)]))
  }

  /** The values alone, per channel: what the windows show. */
  values(): Record<string, Record<string, unknown>> {
    return Object.fromEntries([...this.channels].map(([channel, keys]) => [channel, Object.fromEntries([...keys].map(([key, entry]) => [key, entry.value]))]))
  }
}

function summarise(error: z.ZodError): string {
  return error.issues.slice(0, 3).map(issue => `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`).join('; ')
}
