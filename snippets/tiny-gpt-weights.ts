import type { Layer, Linear, Norm, TinyGpt, TinyGptConfig } from './tiny-gpt'

/**
 * Reads model/tiny-gpt.bin (written by model/train.py; format in model/README.md) from an
 * ArrayBuffer, however it was fetched, and turns text into token ids. Every problem with the file
 * is a thrown Error whose message starts with "tiny-gpt weights:".
 *
 *   bytes 0–3   "TGPT"
 *   bytes 4–7   format version, uint32 little-endian (1)
 *   bytes 8–11  header length H, uint32 little-endian
 *   12 … 12+H   header: UTF-8 JSON (config, vocab, tensors: name, shape, byte offset), space-padded
 *   12+H … end  the tensors, float16 little-endian, row-major; FNV-1a of these bytes in the header
 */
export const MAGIC = 'TGPT'
export const FORMAT_VERSION = 1
export const LINE_BREAK = '\n'
export const UNK = '<unk>'

interface Header {
  format: string
  version: number
  dtype: string
  config: TinyGptConfig
  vocab: string[]
  tensors: { name: string, shape: number[], offset: number }[]
  blobBytes: number
  checksum: string
}

export interface LoadedModel { model: TinyGpt, vocab: string[], parameters: number }

function fail(why: string): never {
  throw new Error(`tiny-gpt weights: ${why}`)
}

/** 32-bit FNV-1a: catches a flipped or missing byte, cheaply, in Python and here alike. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811C9DC5
  for (const byte of bytes)
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash
}

/** Every IEEE 754 half-precision bit pattern as a number, built once (no Float16Array everywhere yet). */
let halves: Float32Array | undefined
function halfTable(): Float32Array {
  return halves ??= Float32Array.from({ length: 0x10000 }, (_, bits) => {
    const sign = bits & 0x8000 ? -1 : 1
    const exponent = (bits >> 10) & 0x1F
    const fraction = bits & 0x3FF
    if (exponent === 31)
      return fraction ? Number.NaN : sign * Infinity
    return exponent === 0 ? sign * 2 ** -14 * (fraction / 1024) : sign * 2 ** (exponent - 15) * (1 + fraction / 1024)
  })
}

function readHeader(buffer: ArrayBuffer): { header: Header, blob: Uint8Array } {
  if (buffer.byteLength < 12)
    fail(`the file is ${buffer.byteLength} bytes long, too short to be a weight file`)
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4))
  if (magic !== MAGIC)
    fail(`not a tiny-gpt weight file (it starts with ${JSON.stringify(magic)}, not "${MAGIC}")`)
  const view = new DataView(buffer)
  const version = view.getUint32(4, true)
  if (version !== FORMAT_VERSION)
    fail(`format version ${version}; this reader knows version ${FORMAT_VERSION}`)
  const headerBytes = view.getUint32(8, true)
  if (12 + headerBytes > buffer.byteLength)
    fail(`truncated: the header needs ${12 + headerBytes} bytes, the file has ${buffer.byteLength}`)
  let header: Header
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buffer, 12, headerBytes)))
  }
  catch {
    fail('the header is not valid JSON (the file is corrupt)')
  }
  if (header.format !== 'tiny-gpt' || header.dtype !== 'float16' || !Array.isArray(header.tensors) || !Array.isArray(header.vocab))
    fail('the header lacks format "tiny-gpt", dtype "float16", tensors or vocab')
  const blob = new Uint8Array(buffer, 12 + headerBytes)
  if (blob.length !== header.blobBytes)
    fail(`${blob.length < header.blobBytes ? 'truncated' : 'trailing bytes'}: ${blob.length} bytes of weights, the header says ${header.blobBytes}`)
  const checksum = fnv1a(blob).toString(16).padStart(8, '0')
  if (checksum !== header.checksum)
    fail(`checksum ${checksum} is not the header's ${header.checksum}: the weights are corrupt`)
  return { header, blob }
}

/** Parses and checks a weight file: every tensor present, with the shape the config implies. */
export function parseWeights(buffer: ArrayBuffer): LoadedModel {
  const { header, blob } = readHeader(buffer)
  const { config, vocab } = header
  const { vocabSize, contextLength, width, layers, heads } = config
  if (![vocabSize, contextLength, width, layers, heads].every(n => Number.isInteger(n) && n > 0) || width % heads !== 0)
    fail(`config ${JSON.stringify(config)} is not a model's`)
  if (vocab.length !== vocabSize || vocab[0] !== LINE_BREAK || vocab[1] !== UNK)
    fail(`the vocabulary must have ${vocabSize} entries, the line break and ${UNK} first`)
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength)
  const table = halfTable()
  const used = new Set<string>()
  let parameters = 0
  const tensor = (name: string, ...shape: number[]): Float32Array => {
    const entry = header.tensors.find(t => t.name === name) ?? fail(`tensor ${name} is missing`)
    if (entry.shape.join('×') !== shape.join('×'))
      fail(`tensor ${name} is ${entry.shape.join('×')}, the config needs ${shape.join('×')}`)
    const count = shape.reduce((a, b) => a * b, 1)
    if (!Number.isInteger(entry.offset) || entry.offset < 0 || entry.offset + 2 * count > blob.length)
      fail(`tensor ${name} lies outside the file`)
    used.add(name)
    parameters += count
    const out = new Float32Array(count)
    for (let i = 0; i < count; i++)
      out[i] = table[view.getUint16(entry.offset + 2 * i, true)]!
    return out
  }
  const norm = (name: string): Norm => ({ gain: tensor(`${name}.gain`, width), bias: tensor(`${name}.bias`, width) })
  const linear = (name: string, inputs: number, outputs: number): Linear =>
    ({ weight: tensor(`${name}.weight`, outputs, inputs), bias: tensor(`${name}.bias`, outputs) })
  const model: TinyGpt = {
    config,
    tokenEmbedding: tensor('token_embedding', vocabSize, width),
    positionEmbedding: tensor('position_embedding', contextLength, width),
    layers: Array.from({ length: layers }, (_, l): Layer => ({
      norm1: norm(`layers.${l}.norm1`),
      qkv: linear(`layers.${l}.qkv`, width, 3 * width),
      proj: linear(`layers.${l}.proj`, width, width),
      norm2: norm(`layers.${l}.norm2`),
      up: linear(`layers.${l}.up`, width, 4 * width),
      down: linear(`layers.${l}.down`, 4 * width, width),
    })),
    finalNorm: norm('final_norm'),
  }
  const extra = header.tensors.filter(t => !used.has(t.name)).map(t => t.name)
  if (extra.length)
    fail(`unexpected tensors: ${extra.join(', ')}`)
  return { model, vocab, parameters }
}

/** A prompt as token ids, and what had to change for the model to read it. */
export interface Encoded {
  ids: number[]
  /** Characters outside the vocabulary, each now <unk>: `index` counts characters (code points). */
  unknown: { char: string, index: number }[]
  /** Characters cut from the front: the model sees at most contextLength of them. */
  dropped: number
}

/**
 * Text → ids, one per character (code point: an emoji is one <unk>, not two UTF-16 halves).
 * Anything outside the vocabulary becomes <unk> and is reported: Latin letters, emoji, and
 * traditional characters, since the corpus was converted to simplified ones and the deck ships
 * no converter. Spaces are dropped, ASCII , . and Windows line ends become ，。 and \n. An empty
 * prompt starts from a line break, as every line in the corpus does.
 */
export function encode(text: string, vocab: string[], contextLength: number): Encoded {
  const index = new Map(vocab.map((token, i) => [token, i]))
  const chars = [...text.replace(/\r\n?/g, '\n').replace(/[ \t\u3000]/g, '').replaceAll(',', '，').replaceAll('.', '。')]
  const unknown: Encoded['unknown'] = []
  const ids = chars.map((char, i) => {
    const id = index.get(char)
    if (id === undefined)
      unknown.push({ char, index: i })
    return id ?? index.get(UNK)!
  })
  if (ids.length === 0)
    ids.push(index.get(LINE_BREAK)!)
  const dropped = Math.max(0, ids.length - contextLength)
  return { ids: ids.slice(dropped), unknown: unknown.filter(u => u.index >= dropped), dropped }
}

export function decode(ids: number[], vocab: string[]): string {
  return ids.map(id => vocab[id] ?? UNK).join('')
}
