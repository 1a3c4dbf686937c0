import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

export interface PdfContents {
  pages: number
  bytes: number
  hasOutline: boolean
  /** A structure tree (tags) that a screen reader reads in order, and the document language. */
  tagged: boolean
  lang?: string
  /** Each figure of the structure tree: its page (1-based) and its alternative text (/Alt). */
  figures: { page: number, alt: string }[]
  /** Text of each page as a reader's PDF viewer extracts it (poppler's pdftotext; null when it is not installed). */
  pageTexts: string[] | null
}

/** Page count, size, bookmarks, tags, figures and page texts of a PDF: what the tests inspect and the benchmark counts. */
export async function readPdf(path: string): Promise<PdfContents> {
  const bytes = await readFile(path)
  const doc = await PDFDocument.load(bytes)
  const pages = doc.getPageCount()
  let pageTexts: string[] | null = null
  try {
    pageTexts = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, pages)
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw error
  }
  const text = (value: unknown) => value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined
  const pageRefs = doc.getPages().map(page => page.ref.toString())
  const figures = [...doc.context.enumerateIndirectObjects()].flatMap(([, object]) => {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('S')) !== PDFName.of('Figure'))
      return []
    const pg = object.get(PDFName.of('Pg'))
    return [{ page: pg instanceof PDFRef ? pageRefs.indexOf(pg.toString()) + 1 : 0, alt: text(object.lookup(PDFName.of('Alt'))) ?? '' }]
  }).sort((a, b) => a.page - b.page)
  return {
    pages,
    bytes: bytes.length,
    hasOutline: doc.catalog.get(PDFName.of('Outlines')) !== undefined,
    tagged: doc.catalog.get(PDFName.of('StructTreeRoot')) !== undefined,
    lang: text(doc.catalog.lookup(PDFName.of('Lang'))),
    figures,
    pageTexts,
  }
}
