import type { PdfContents } from '../../scripts/pdf'
import { execFileSync } from 'node:child_process'
import { readPdf } from '../../scripts/pdf'
import { letters } from './presenter-notes'

export interface PdfReport extends PdfContents {
  pageTexts: string[]
  /** Fonts not embedded in the file (they would be substituted on another machine). */
  unembeddedFonts: string[]
  problems: string[]
}

/** Reads a PDF the way the audience gets it and lists what is wrong with it. */
export async function inspectPdf(path: string, expected: { pages: number, mustContain: string[] }): Promise<PdfReport> {
  const contents = await readPdf(path)
  if (!contents.pageTexts)
    throw new Error('pdftotext not found: install poppler-utils (Debian) or poppler (Homebrew)')
  const { pages, pageTexts } = contents
  const unembeddedFonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(line => line.trim() && !/\byes\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$/.test(line))
  const problems: string[] = []
  if (pages !== expected.pages)
    problems.push(`${path}: ${pages} pages, expected ${expected.pages}`)
  pageTexts.forEach((text, i) => {
    if (!text.trim())
      problems.push(`${path}: page ${i + 1} has no text`)
  })
  // Compared letter by letter: PDF text extraction breaks lines and spaces CJK freely.
  const all = letters(pageTexts.join('\n'))
  for (const phrase of expected.mustContain) {
    if (!all.includes(letters(phrase)))
      problems.push(`${path}: text "${phrase}" cannot be extracted`)
  }
  for (const font of unembeddedFonts)
    problems.push(`${path}: font not embedded: ${font.trim()}`)
  return { ...contents, pageTexts, unembeddedFonts, problems }
}

/** Node labels of the Mermaid blocks in a slide's Markdown, as plain text. */
export function mermaidLabels(markdown: string): string[] {
  const labels: string[] = []
  for (const block of markdown.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)) {
    for (const match of block[1].matchAll(/\w[\w-]*\s*[[({]+"?([^[\](){}"]+)"?[\])}]/g)) {
      const text = match[1].replace(/<[^>]+>/g, '').replace(/[*_`]/g, '').replace(/\s+/g, '')
      if (text.length >= 2)
        labels.push(text)
    }
  }
  return labels
}

/** The `accTitle:` of each Mermaid block in a slide's Markdown: where its text alternative starts. */
export function mermaidTitles(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)]
    .flatMap(block => /^[ \t]*accTitle:[ \t]*(\S.*)$/m.exec(block[1]!)?.[1]?.trim() ?? [])
}

/**
 * A diagram that is missing from the PDF (not rendered when the page was printed) leaves no
 * label on its page: for each slide with Mermaid, at least one node label must be in its page text.
 */
export function missingDiagrams(slides: { no: number, content: string }[], pageTexts: string[], describe: (no: number) => string): string[] {
  const problems: string[] = []
  for (const slide of slides) {
    const labels = mermaidLabels(slide.content)
    if (!labels.length)
      continue
    const text = (pageTexts[slide.no - 1] ?? '').replace(/\s+/g, '')
    if (!labels.some(label => text.includes(label)))
      problems.push(`${describe(slide.no)}: no label of its Mermaid diagram is on PDF page ${slide.no} (looked for "${labels.slice(0, 3).join('", "')}")`)
  }
  return problems
}
