import { defineMermaidRendererSetup } from '@slidev/types'
import mermaid from 'mermaid/dist/mermaid.esm.mjs'
import setupMermaid from './mermaid'

/**
 * Renders every diagram as Slidev does (the deck's theme from setup/mermaid.ts, the block's own
 * options), then makes the diagram one image with a text alternative: Mermaid writes a block's
 * `accTitle:` and `accDescr:` into the SVG's <title> and <desc> but gives it the role
 * `graphics-document`, which Chromium's tagged PDF does not treat as a figure. As `role="img"`
 * named "title：description" it is a figure with that /Alt in the PDF, the pptx picture
 * description and the hosted copy's screen reader alike.
 */
let renders = 0

const TITLE = /<title[^>]*>([^<]*)<\/title>/
const DESCRIPTION = /<desc[^>]*>([^<]*)<\/desc>/

export default defineMermaidRendererSetup(() => async (code, options) => {
  // Slidev's own order: the deck's config, then the block's options that are set (a light slide passes no theme).
  const set = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
  mermaid.initialize({ startOnLoad: false, ...setupMermaid(), ...set })
  const { svg } = await mermaid.render(`deck-mermaid-${++renders}`, code, document.getElementById('mermaid-rendering-container') ?? undefined)
  const alternative = [TITLE.exec(svg)?.[1], DESCRIPTION.exec(svg)?.[1]].filter(Boolean).join('：').replace(/"/g, '&quot;')
  // Without accTitle/accDescr (the source check names such a block) it stays as Mermaid made it.
  if (!alternative)
    return svg
  return svg.replace(/<svg\b[^>]*>/, (tag: string) => tag
    .replace(/ (?:role|aria-roledescription|aria-labelledby|aria-describedby)="[^"]*"/g, '')
    .replace('<svg', `<svg role="img" aria-label="${alternative}"`))
})
