import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { PDFDocument, PDFName } from 'pdf-lib'

export interface PdfContents {
  pages: number
  bytes: number
  hasOutline: boolean
  /** Text of each page as a reader's PDF viewer extracts it (poppler's pdftotext; null when it is not installed). */
  pageTexts: string[] | null
}

/** Page count, size, bookmarks and page texts of a PDF: what the tests inspect and the benchmark counts. */
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
  return { pages, bytes: bytes.length, hasOutline: doc.catalog.get(PDFName.of('Outlines')) !== undefined, pageTexts }
}
