import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fnv1a, parseWeights } from '../../../snippets/tiny-gpt-weights'

/** The weight file's checks: what a slide shows when the file it fetched is not the model. */
const bytes = new Uint8Array(readFileSync(resolve(__dirname, '../../../model/tiny-gpt.bin')))
const headerLength = new DataView(bytes.buffer).getUint32(8, true)
const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)))
const blob = bytes.subarray(12 + headerLength)

function copy(edit: (b: Uint8Array) => void = () => {}) {
  const b = bytes.slice()
  edit(b)
  return b.buffer
}

/** The committed file with another header (padding and lengths recomputed, weights unchanged). */
function withHeader(edit: (h: any) => void): ArrayBuffer {
  const h = structuredClone(header)
  edit(h)
  let json = new TextEncoder().encode(JSON.stringify(h))
  json = new Uint8Array([...json, ...Array.from<number>({ length: (4 - (12 + json.length) % 4) % 4 }).fill(0x20)])
  const out = new Uint8Array(12 + json.length + blob.length)
  out.set(bytes.subarray(0, 8))
  new DataView(out.buffer).setUint32(8, json.length, true)
  out.set(json, 12)
  out.set(blob, 12 + json.length)
  return out.buffer
}

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    expect(fnv1a(new Uint8Array())).toBe(0x811C9DC5)
    expect(fnv1a(new TextEncoder().encode('a'))).toBe(0xE40C292C)
    expect(fnv1a(new TextEncoder().encode('foobar'))).toBe(0xBF9CF968)
  })
})

describe('parseWeights', () => {
  it('reads the committed file, rebuilt from its own header too', () => {
    const { model, vocab, parameters } = parseWeights(copy())
    expect(model.config).toEqual(header.config)
    expect(vocab).toEqual(header.vocab)
    expect(parameters).toBe(header.tensors.reduce((n: number, t: { shape: number[] }) => n + t.shape.reduce((a, b) => a * b, 1), 0))
    expect(parseWeights(withHeader(() => {})).parameters).toBe(parameters)
  })

  it.each([
    ['an empty file', () => new ArrayBuffer(0), /too short/],
    ['another file type', () => new TextEncoder().encode('<!doctype html><html>…</html>').buffer, /not a tiny-gpt weight file.*"<!do"/],
    ['a newer format', () => copy(b => b.set([2], 4)), /format version 2/],
    ['a file cut inside its header', () => bytes.slice(0, 100).buffer, /truncated: the header needs/],
    ['a file cut inside its weights', () => bytes.slice(0, bytes.length - 1000).buffer, /truncated: .* bytes of weights/],
    ['bytes after the weights', () => new Uint8Array([...bytes, 0, 0]).buffer, /trailing bytes/],
    ['a flipped byte in the weights', () => copy((b) => {
      b[b.length - 3] = b[b.length - 3]! ^ 0x40
    }), /checksum .* the weights are corrupt/],
    ['a broken header', () => copy(b => b.set([0xFF, 0x7B], 14)), /header is not valid JSON/],
    ['a header without tensors', () => withHeader((h) => {
      delete h.tensors
    }), /lacks format/],
    ['a tensor of the wrong shape', () => withHeader((h) => {
      h.tensors[0].shape = [1, 2]
    }), /tensor token_embedding is 1×2, the config needs/],
    ['a missing tensor', () => withHeader((h) => {
      h.tensors = h.tensors.filter((t: { name: string }) => t.name !== 'final_norm.bias')
    }), /tensor final_norm.bias is missing/],
    ['an unknown tensor', () => withHeader((h) => {
      h.tensors.push({ ...h.tensors[0], name: 'extra' })
    }), /unexpected tensors: extra/],
    ['a vocabulary of the wrong size', () => withHeader((h) => {
      h.vocab = h.vocab.slice(1)
    }), /vocabulary must have/],
    ['a tensor pointing past the end', () => withHeader((h) => {
      h.tensors.at(-1).offset = blob.length
    }), /lies outside the file/],
  ] as const)('refuses %s with a clear message', (_, file, message) => {
    expect(() => parseWeights(file() as ArrayBuffer)).toThrow(/^tiny-gpt weights: /)
    expect(() => parseWeights(file() as ArrayBuffer)).toThrow(message)
  })
})
