/**
 * Finds colours written out where they do not belong. Every colour of the deck lives in
 * data/palette.ts; uno.config.ts turns it into theme colours and shortcuts and styles/ may use
 * them; everything else (pages, components, composables, setup, scripts, the other data and
 * layout modules) takes its colours from there, by class name, `theme()` or an import.
 *
 *   tsx scripts/colour-literals.ts [folder]        (also run by the unit tests, so by `npm test`)
 *
 * Reported as `file:line: literal`: hex colours (a `#` and 3, 4, 6 or 8 hex digits, also inside an
 * arbitrary-value class), colour functions (rgb, hsl, oklch and the like), UnoCSS's named palette
 * colours (a colour utility such as bg- or border- with red, gray, white, … and a shade) and CSS
 * colour keywords set as a colour (a fill, stroke or color of white, black, …).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'

export interface ColourLiteral {
  /** Relative to the scanned folder. */
  file: string
  /** 1-based. */
  line: number
  literal: string
}

/** Where colours may be written out: the palette, the UnoCSS config built from it, the global styles. */
export const COLOUR_HOMES = ['data/palette.ts', 'uno.config.ts', 'styles/']

/** What is scanned: the deck and the code around it (tests and their fixtures are not). */
const SOURCES = ['slides.md', 'pages', 'components', 'composables', 'layouts', 'setup', 'scripts', 'data', 'lib', 'charts', 'snippets', 'styles', 'uno.config.ts', 'vite.config.ts']
const EXTENSIONS = /\.(?:ts|mts|js|mjs|vue|md|css)$/

const NAMED = 'red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|slate|gray|grey|zinc|neutral|stone|white|black'
const KEYWORDS = 'white|black|red|green|blue|yellow|orange|purple|gray|grey|pink|brown|cyan|magenta|navy|teal|silver|gold'
const PATTERNS = [
  // #rgb, #rgba, #rrggbb, #rrggbbaa (not an entity, a fragment such as url(#clip-1) or a slot name)
  /(?<![\w&])#(?:[\da-f]{8}|[\da-f]{6}|[\da-f]{3,4})(?![\w-])/gi,
  /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi,
  new RegExp(String.raw`(?<![\w-])(?:text|bg|border(?:-[trblxy])?|fill|stroke|from|via|to|ring|outline|decoration|accent|caret|divide|placeholder|shadow)-(?:${NAMED})(?:-\d{2,3})?(?:\/\d+)?(?![\w-])`, 'g'),
  new RegExp(String.raw`(?<=\b(?:fill|stroke|color)=["']|\b(?:color|background(?:-color)?|fill|stroke|(?:border|outline)(?:-[a-z]+)?-color|accent-color)\s*:\s*)(?:${KEYWORDS})\b`, 'gi'),
]

function filesUnder(root: string, path: string): string[] {
  const full = resolve(root, path)
  let stat
  try {
    stat = statSync(full)
  }
  catch {
    return []
  }
  if (stat.isFile())
    return EXTENSIONS.test(path) ? [path] : []
  return readdirSync(full).sort().flatMap(name => filesUnder(root, join(path, name)))
}

const isHome = (file: string) => COLOUR_HOMES.some(home => home.endsWith('/') ? file.startsWith(home) : file === home)

/** Every colour literal outside the colour homes, in file and line order. */
export function findColourLiterals(root = '.'): ColourLiteral[] {
  const found: ColourLiteral[] = []
  for (const file of SOURCES.flatMap(source => filesUnder(root, source))) {
    const name = file.split('\\').join('/')
    if (isHome(name))
      continue
    readFileSync(resolve(root, file), 'utf8').split('\n').forEach((text, i) => {
      for (const pattern of PATTERNS) {
        for (const match of text.matchAll(pattern))
          found.push({ file: name, line: i + 1, literal: match[0] })
      }
    })
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

export const formatColourLiteral = (c: ColourLiteral) => `${c.file}:${c.line}: ${c.literal} (a colour belongs in data/palette.ts; use it by class, theme() or import)`

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? '.'
  const found = findColourLiterals(root)
  for (const literal of found)
    console.error(formatColourLiteral(literal))
  console.log(found.length ? `${found.length} colour literal(s) outside ${COLOUR_HOMES.join(', ')}` : 'colours: all from data/palette.ts')
  process.exit(found.length ? 1 : 0)
}
