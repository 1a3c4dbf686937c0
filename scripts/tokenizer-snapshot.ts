/**
 * Writes data/generated/tokenizer-snapshot.json: the demo's default sentence tokenized by each
 * vocabulary, so the slide shows real chips before (or without) loading a vocabulary — in the
 * PDF, the overview and the first paint. `tests/unit/composables/tokenizers.test.ts` fails when it is stale.
 *   npx tsx scripts/tokenizer-snapshot.ts
 */
import type { EncodingName, Tokenization } from '../composables/tokenizers'
import { writeFile } from 'node:fs/promises'
import process from 'node:process'
import { DEMO_DEFAULTS } from '../composables/demo-defaults'
import { ENCODINGS, loadTokenizer, tokenize } from '../composables/tokenizers'

const SNAPSHOT_FILE = 'data/generated/tokenizer-snapshot.json'

export async function snapshotOf(text: string): Promise<Record<EncodingName, Tokenization>> {
  const out = {} as Record<EncodingName, Tokenization>
  for (const { name } of ENCODINGS)
    out[name] = tokenize(await loadTokenizer(name), text)
  return out
}

const isPrimitive = (value: unknown): boolean => value === null || typeof value !== 'object'
const isList = (value: unknown): boolean => Array.isArray(value) && value.every(isPrimitive)
/** A value written on one line: a primitive, a list of them, or an object of those (a chip). */
function isFlat(value: unknown): boolean {
  return isPrimitive(value) || isList(value)
    || (!Array.isArray(value) && Object.values(value as object).every(v => isPrimitive(v) || isList(v)))
}

/** JSON with a line per chip and per list of ids, not one line per number. */
function toJson(value: unknown, indent = ''): string {
  if (isPrimitive(value))
    return JSON.stringify(value)
  const flat = isFlat(value)
  const inner = flat ? '' : `${indent}  `
  const items = Array.isArray(value)
    ? value.map(v => toJson(v, inner))
    : Object.entries(value as object).map(([key, v]) => `${JSON.stringify(key)}: ${toJson(v, inner)}`)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  return flat ? `${open}${items.join(', ')}${close}` : `${open}\n${items.map(i => inner + i).join(',\n')}\n${indent}${close}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = DEMO_DEFAULTS.tokenizer.text
  await writeFile(SNAPSHOT_FILE, `${toJson({ text, encodings: await snapshotOf(text) })}\n`)
  console.log(`${SNAPSHOT_FILE} written`)
}
