/**
 * Real BPE tokenizers for the token demo, from `gpt-tokenizer` (pure JavaScript, the vocabularies
 * ship inside the npm package: nothing is fetched from the network). Each vocabulary is its own
 * chunk, loaded with a dynamic import only when the demo asks for it.
 */

export type EncodingName = 'r50k_base' | 'cl100k_base'

/**
 * The two vocabularies compared, oldest first, with the models that use them: both current in March
 * 2023, the talk's date (GPT-3.5 and GPT-4 use cl100k_base).
 */
export const ENCODINGS: ReadonlyArray<{ name: EncodingName, models: string }> = [
  { name: 'r50k_base', models: 'GPT-2 / GPT-3' },
  { name: 'cl100k_base', models: 'GPT-3.5 / GPT-4' },
]

/**
 * Input cap, in characters (code points). Byte-pair encoding is quadratic in the length of a run
 * without spaces or punctuation: 5,000 emoji take ~0.35 s per keystroke, 500 stay near one frame.
 */
export const TEXT_LIMIT = 500

export interface Tokenizer {
  name: EncodingName
  vocabularySize: number
  encode: (text: string) => number[]
  /** How many UTF-8 bytes a token id stands for. */
  byteLength: (id: number) => number
}

/** One chip on screen: the characters a run of tokens covers. Usually one token; a character split across tokens (a CJK character in r50k_base) gives several ids. */
export interface TokenChip {
  text: string
  ids: number[]
}

const utf8 = new TextEncoder()

/** Cuts the text to `limit` characters, never inside a surrogate pair. */
export function capText(text: string, limit = TEXT_LIMIT): string {
  const chars = Array.from(text)
  return chars.length <= limit ? text : chars.slice(0, limit).join('')
}

/**
 * Groups token ids into chips that each cover whole characters: tokens are byte sequences, and
 * a token may end in the middle of a character's UTF-8 bytes. The chips' texts joined give the text back.
 */
export function chipsOf(text: string, ids: number[], byteLength: (id: number) => number): TokenChip[] {
  const chars = Array.from(text)
  const chips: TokenChip[] = []
  let charIndex = 0
  let charBytesEnd = 0 // byte offset where the characters taken so far end
  let tokenBytesEnd = 0
  let pending: number[] = []
  let chipStart = 0
  for (const id of ids) {
    pending.push(id)
    tokenBytesEnd += byteLength(id)
    while (charIndex < chars.length && charBytesEnd < tokenBytesEnd)
      charBytesEnd += utf8.encode(chars[charIndex++]!).length
    if (charBytesEnd === tokenBytesEnd) {
      chips.push({ text: chars.slice(chipStart, charIndex).join(''), ids: pending })
      pending = []
      chipStart = charIndex
    }
  }
  if (pending.length || chipStart < chars.length) // byte counts disagree: keep everything, never lose text
    chips.push({ text: chars.slice(chipStart).join(''), ids: pending })
  return chips
}

export interface Tokenization {
  ids: number[]
  chips: TokenChip[]
  /** Characters (code points) per token; 0 for empty text. */
  charsPerToken: number
}

export function tokenize(tokenizer: Tokenizer, text: string): Tokenization {
  const ids = tokenizer.encode(text)
  const chars = Array.from(text).length
  return { ids, chips: chipsOf(text, ids, tokenizer.byteLength), charsPerToken: ids.length ? chars / ids.length : 0 }
}

type Ranks = (string | number[])[]
interface EncodingModule {
  encode: (text: string, options?: { disallowedSpecial?: Set<string> }) => number[]
  vocabularySize: number
}

// One literal import per vocabulary, so the bundler makes each its own chunk. The rank table is
// the one the encoder itself imports: no second download.
const loaders: Record<EncodingName, () => Promise<[EncodingModule, { default: Ranks }]>> = {
  r50k_base: () => Promise.all([import('gpt-tokenizer/encoding/r50k_base'), import('gpt-tokenizer/bpeRanks/r50k_base')]),
  cl100k_base: () => Promise.all([import('gpt-tokenizer/encoding/cl100k_base'), import('gpt-tokenizer/bpeRanks/cl100k_base')]),
}

const loaded = new Map<EncodingName, Promise<Tokenizer>>()
const ready = new Map<EncodingName, Tokenizer>()

/** A vocabulary some earlier call has finished loading, without loading anything (overview, print). */
export function loadedTokenizer(name: EncodingName): Tokenizer | undefined {
  return ready.get(name)
}

/** Loads a vocabulary once; later calls share the same promise. */
export function loadTokenizer(name: EncodingName): Promise<Tokenizer> {
  let promise = loaded.get(name)
  if (!promise) {
    promise = loaders[name]().then(([encoding, { default: ranks }]) => {
      // Special tokens such as <|endoftext|> are encoded as plain text: typing one must not throw.
      const noSpecial = { disallowedSpecial: new Set<string>() }
      return {
        name,
        vocabularySize: encoding.vocabularySize,
        encode: text => encoding.encode(text, noSpecial),
        byteLength: (id) => {
          const entry = ranks[id]
          return typeof entry === 'string' ? utf8.encode(entry).length : entry ? entry.length : 0
        },
      }
    })
    promise.then(t => ready.set(name, t), () => loaded.delete(name)) // a failed load may be retried
    loaded.set(name, promise)
  }
  return promise
}
