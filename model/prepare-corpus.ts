import type { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import * as OpenCC from 'opencc-js'

/**
 * The tiny model's corpus: 全唐诗 from the npm package chinese-poetry (MIT), pinned. The package
 * is not a dependency of the deck (85 MB): it is fetched once into .cache/ and checked against
 * the integrity npm published for it. Output, in the same folder, for model/train.py:
 * train.txt and val.txt (poems, one couplet per line, a blank line after each poem), vocab.json
 * and stats.json (written last: its presence means the folder is complete).
 */
export const CORPUS = {
  name: 'chinese-poetry',
  version: '2.0.1',
  integrity: 'sha512-KtYARvV7CWNtax0na9+Jn6PlhGgSoid7PWyDzXI4KsCEm2odZcqEQyval5koaLygZnM/EQ3lfJ//25K8p3uHNg==',
  licence: 'MIT',
  files: 'dist/quantangshi/poet.tang.*.json',
}
/** Bump when the preparation changes, so a cached corpus is prepared again. */
const PREP_VERSION = 1
/** Most frequent characters kept; the rest of the corpus becomes <unk> (about 0.7 % of it). */
const VOCAB_CHARACTERS = 4000
/** Every 50th kept poem is held out for the validation loss. */
const HELD_OUT_EVERY = 50

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const cacheDir = join(root, '.cache', `${CORPUS.name}-${CORPUS.version}`)

/** The files of a tar archive (enough of ustar for npm's tarballs). */
function* tarFiles(tar: Buffer): Generator<{ name: string, body: Buffer }> {
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every(b => b === 0))
      return // end of archive
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0[\s\S]*$/, '')
    const size = Number.parseInt(field(124, 12).trim() || '0', 8)
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/')
    yield { name, body: tar.subarray(offset + 512, offset + 512 + size) }
    offset += 512 + Math.ceil(size / 512) * 512
  }
}

/** The pinned tarball, fetched with npm if missing, refused if its hash is not the pinned one. */
function tarball(log: (line: string) => void): Buffer {
  const file = join(cacheDir, `${CORPUS.name}-${CORPUS.version}.tgz`)
  if (!existsSync(file)) {
    log(`fetching ${CORPUS.name}@${CORPUS.version} (85 MB) into ${cacheDir}`)
    mkdirSync(cacheDir, { recursive: true })
    execFileSync('npm', ['pack', `${CORPUS.name}@${CORPUS.version}`, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const data = readFileSync(file)
  const integrity = `sha512-${createHash('sha512').update(data).digest('base64')}`
  if (integrity !== CORPUS.integrity) {
    rmSync(file)
    throw new Error(`${file}: integrity ${integrity} is not the pinned ${CORPUS.integrity} (deleted; run again to fetch it anew)`)
  }
  return data
}

interface Poem { paragraphs?: string[] }

/** A poem's couplets if it is regular verse: every line 5 Han characters, or every line 7. */
function couplets(text: string): string[] | undefined {
  const pairs = text.match(/[^，。]+，[^，。]+。/g)
  if (!pairs || pairs.join('') !== text)
    return undefined
  const lines = pairs.flatMap(p => p.slice(0, -1).split('，'))
  const length = [...lines[0]!].length
  const regular = (length === 5 || length === 7) && lines.every(l => /^\p{Script=Han}+$/u.test(l) && [...l].length === length)
  return regular ? pairs : undefined
}

/** Characters other than line breaks in `text` and how many of them are in `vocab`. */
function coverage(text: string, vocab: Set<string>): number {
  let known = 0
  let all = 0
  for (const ch of text) {
    if (ch === '\n')
      continue
    all++
    if (vocab.has(ch))
      known++
  }
  return Math.round(known / all * 1e5) / 1e5
}

export interface CorpusStats {
  prepVersion: number
  source: typeof CORPUS & { description: string }
  rule: string
  poemsRead: number
  poemsKept: number
  duplicatesDropped: number
  trainPoems: number
  heldOutPoems: number
  trainCharacters: number
  heldOutCharacters: number
  distinctCharacters: number
  vocabularyCharacters: number
  coverage: { train: number, heldOut: number }
  prepSeconds: number
}

/** Prepares the corpus in .cache/ unless it is already there; returns its folder and figures. */
export function prepareCorpus(log: (line: string) => void = line => process.stdout.write(`${line}\n`)): { dir: string, stats: CorpusStats } {
  const statsFile = join(cacheDir, 'stats.json')
  if (existsSync(statsFile)) {
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as CorpusStats
    if (stats.prepVersion === PREP_VERSION)
      return { dir: cacheDir, stats }
  }
  const started = performance.now()
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' }) // 全唐诗 is in traditional characters
  const files = [...tarFiles(gunzipSync(tarball(log)))]
    .map(f => ({ ...f, n: /^package\/dist\/quantangshi\/poet\.tang\.(\d+)\.json$/.exec(f.name)?.[1] }))
    .filter(f => f.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n))
  const seen = new Set<string>()
  let poemsRead = 0
  let duplicatesDropped = 0
  const kept: string[] = []
  for (const file of files) {
    for (const poem of JSON.parse(file.body.toString('utf8')) as Poem[]) {
      poemsRead++
      const text = toSimplified((poem.paragraphs ?? []).join(''))
      const pairs = couplets(text)
      if (!pairs)
        continue
      if (seen.has(text)) {
        duplicatesDropped++
        continue
      }
      seen.add(text)
      kept.push(`${pairs.join('\n')}\n\n`)
    }
  }
  const train = kept.filter((_, i) => i % HELD_OUT_EVERY !== HELD_OUT_EVERY - 1).join('')
  const heldOut = kept.filter((_, i) => i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1).join('')

  // The vocabulary: the line break, <unk>, then characters by frequency in the training split
  // (ties by code point, so the order never depends on the machine).
  const counts = new Map<string, number>()
  for (const ch of train) {
    if (ch !== '\n')
      counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || a[0].codePointAt(0)! - b[0].codePointAt(0)!)
  const chars = byFrequency.slice(0, VOCAB_CHARACTERS).map(([ch]) => ch)
  const vocab = new Set(chars)
  const length = (text: string) => [...text.replaceAll('\n', '')].length

  const stats: CorpusStats = {
    prepVersion: PREP_VERSION,
    source: { ...CORPUS, description: '全唐诗 (Complete Tang Poems), converted to simplified characters with opencc-js (t → cn)' },
    rule: 'regular verse only: every paragraph is couplets 「…，…。」 and every line has 5 Han characters, or every line 7; exact duplicates dropped; every 50th poem held out',
    poemsRead,
    poemsKept: kept.length,
    duplicatesDropped,
    trainPoems: kept.length - Math.floor(kept.length / HELD_OUT_EVERY),
    heldOutPoems: Math.floor(kept.length / HELD_OUT_EVERY),
    trainCharacters: length(train),
    heldOutCharacters: length(heldOut),
    distinctCharacters: counts.size,
    vocabularyCharacters: chars.length,
    coverage: { train: coverage(train, vocab), heldOut: coverage(heldOut, vocab) },
    prepSeconds: Math.round((performance.now() - started) / 100) / 10,
  }
  writeFileSync(join(cacheDir, 'train.txt'), train)
  writeFileSync(join(cacheDir, 'val.txt'), heldOut)
  writeFileSync(join(cacheDir, 'vocab.json'), JSON.stringify({ tokens: ['\n', '<unk>', ...chars] }))
  writeFileSync(statsFile, `${JSON.stringify(stats, null, 2)}\n`)
  log(`corpus: ${stats.poemsKept} poems (${stats.trainCharacters} + ${stats.heldOutCharacters} characters), ${stats.distinctCharacters} distinct, top ${chars.length} cover ${(stats.coverage.train * 100).toFixed(1)} %, ${stats.prepSeconds} s`)
  return { dir: cacheDir, stats }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  prepareCorpus()
