/**
 * The three decks the benchmark compares, and the throw-away folders two of them are built from.
 *
 * Slidev's user root is the entry's directory: setup/, styles/, components/, public/ … are looked
 * up next to it. The minimal and the doubled deck therefore live in bench/.work/<name>/ beside
 * symbolic links to the project's own folders, so all three share one setup and one theme.
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from '@slidev/parser/fs'

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const BENCH_WORK = join(PROJECT_ROOT, 'bench/.work')

export type DeckName = 'deck' | 'minimal' | 'doubled'

export interface Deck {
  name: DeckName
  /** Absolute path of the Markdown entry Slidev is given. */
  entry: string
  /** Absolute path of the built SPA. */
  dist: string
  /** Where the PDF export's `build --download` goes (bench/exports.ts). */
  pdfDist: string
}

/** What Slidev picks up from its user root (plus data/, imported by setup/ and components/). */
const SHARED_ROOT_ENTRIES = [
  'setup',
  'styles',
  'components',
  'layouts',
  'public',
  'snippets',
  'data',
  'global-top.vue',
  'global-bottom.vue',
  'custom-nav-controls.vue',
  'slide-top.vue',
  'slide-bottom.vue',
  'uno.config.ts',
  'unocss.config.ts',
  'vite.config.ts',
  'index.html',
]

/** Headmatter options that change what is built or rendered: the minimal deck must match them. */
export const SHARED_HEADMATTER = [
  'theme',
  'addons',
  'fonts',
  'colorSchema',
  'transition',
  'mdc',
  'monaco',
  'remoteAssets',
  'canvasWidth',
  'aspectRatio',
  'lang',
  'highlighter',
  'lineNumbers',
  'routerMode',
  'drawings',
  'download',
  'presenter',
  'export',
  'favicon',
] as const

export function deckPaths(name: DeckName): Deck {
  const entry = name === 'deck' ? join(PROJECT_ROOT, 'slides.md') : join(BENCH_WORK, name, 'slides.md')
  return { name, entry, dist: join(BENCH_WORK, `${name}-dist`), pdfDist: join(BENCH_WORK, `${name}-pdf-dist`) }
}

async function linkSharedRoot(dir: string): Promise<void> {
  for (const item of SHARED_ROOT_ENTRIES) {
    const target = join(PROJECT_ROOT, item)
    if (existsSync(target))
      await symlink(relative(dir, target), join(dir, item))
  }
}

async function freshDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
}

/** bench/.work/minimal/: the committed bench/minimal/slides.md beside the project's folders. */
export async function prepareMinimal(): Promise<Deck> {
  const deck = deckPaths('minimal')
  const dir = dirname(deck.entry)
  await freshDir(dir)
  await copyFile(join(PROJECT_ROOT, 'bench/minimal/slides.md'), deck.entry)
  await linkSharedRoot(dir)
  return deck
}

const SRC_LINE = /^src:\s*(\S+)\s*$/gm

/**
 * bench/.work/doubled/: slides.md with every `src:` page imported twice (the whole run of imports
 * again after the last one), paths rewritten to reach the real pages/ from there. The second
 * copies drop `routeAlias` (Slidev resolves an alias to the first slide that has it).
 */
export async function prepareDoubled(): Promise<Deck> {
  const deck = deckPaths('doubled')
  const dir = dirname(deck.entry)
  await freshDir(dir)
  const source = await readFile(join(PROJECT_ROOT, 'slides.md'), 'utf8')
  const imports: string[] = []
  const rewritten = source.replace(SRC_LINE, (_line, src: string) => {
    const path = relative(dir, resolve(PROJECT_ROOT, src))
    imports.push(path)
    return `src: ${path}`
  })
  if (!imports.length)
    throw new Error('slides.md has no `src:` imports to double')
  // A second `routeAlias: intro` would send /intro back to the first copy: number the copies.
  const again = imports.map(path => `\n---\nsrc: ${path}\nrouteAlias: null\n---\n`).join('')
  await writeFile(deck.entry, `${rewritten.trimEnd()}\n${again}`)
  await linkSharedRoot(dir)
  return deck
}

export interface DeckShape {
  slides: number
  headmatter: Record<string, unknown>
}

/** Slide count and headmatter as Slidev's parser sees them (hidden slides left out). */
export async function deckShape(entry: string): Promise<DeckShape> {
  const root = dirname(entry)
  const data = await load({ roots: [root], userRoot: root }, entry)
  return {
    slides: data.slides.filter(slide => !slide.frontmatter?.disabled && !slide.frontmatter?.hide).length,
    headmatter: data.headmatter as Record<string, unknown>,
  }
}

/** Options of SHARED_HEADMATTER whose values differ between the two headmatters. */
export function headmatterDrift(deck: Record<string, unknown>, minimal: Record<string, unknown>): string[] {
  return SHARED_HEADMATTER.filter(key => JSON.stringify(deck[key]) !== JSON.stringify(minimal[key]))
}
