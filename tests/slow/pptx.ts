import type { Buffer } from 'node:buffer'
import { readFile } from 'node:fs/promises'
import { posix } from 'node:path'
import JSZip from 'jszip'

export interface PptxSlide {
  /** 1-based position in the presentation's slide list. */
  no: number
  /** Text of the slide's notes page, paragraphs joined by newlines ('' when it has none). */
  notes: string
  /** The slide's pictures (Slidev's pptx export draws each slide as one). */
  pictures: Buffer[]
  /** Each picture shape's alternative text (`descr`), as PowerPoint's Alt Text pane shows it. */
  descriptions: string[]
  /** The languages the notes' text runs are marked with (read-aloud and spelling use them). */
  notesLanguages: string[]
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': '\'', '&amp;': '&' }
const unescapeXml = (text: string) => text.replace(/&(?:lt|gt|quot|apos|amp);/g, entity => ENTITIES[entity])

/** Relationship id → target path (resolved against the part's folder) of one OOXML part. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, { type: string, target: string }>> {
  const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`)
  const xml = await zip.file(relsPath)?.async('string') ?? ''
  const map = new Map<string, { type: string, target: string }>()
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? ''
    map.set(attr('Id'), { type: attr('Type').split('/').pop()!, target: posix.normalize(posix.join(posix.dirname(part), attr('Target'))) })
  }
  return map
}

/** Notes text: every run of the notes page except fields (PowerPoint's slide-number placeholder). */
function notesText(xml: string): string {
  return xml
    .replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, '')
    .split(/<\/a:p>/)
    .map(paragraph => [...paragraph.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(match => unescapeXml(match[1])).join(''))
    .filter(Boolean)
    .join('\n')
}

export interface Pptx {
  slides: PptxSlide[]
  /** Width of the notes page and right edge of its notes text box (notes master), in EMU. */
  notesPage: { width: number, textRight: number }
}

/** Opens a .pptx (a zip of XML parts) and lists its slides in presentation order. */
export async function readPptx(path: string): Promise<Pptx> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const presentation = await zip.file('ppt/presentation.xml')?.async('string')
  if (!presentation)
    throw new Error(`${path}: no ppt/presentation.xml, not a PowerPoint file`)
  const presentationRels = await relationships(zip, 'ppt/presentation.xml')
  const slideParts = [...presentation.matchAll(/<p:sldId [^>]*?r:id="([^"]+)"/g)].map(match => presentationRels.get(match[1])!.target)
  const slides = await Promise.all(slideParts.map(async (part, i) => {
    const rels = [...(await relationships(zip, part)).values()]
    const notesPart = rels.find(rel => rel.type === 'notesSlide')?.target
    const notesXml = notesPart ? await zip.file(notesPart)!.async('string') : ''
    const notes = notesText(notesXml)
    const pictures = await Promise.all(rels.filter(rel => rel.type === 'image').map(rel => zip.file(rel.target)!.async('nodebuffer')))
    const slideXml = await zip.file(part)!.async('string')
    const descriptions = [...slideXml.matchAll(/<p:pic>[\s\S]*?<p:cNvPr [^>]*?descr="([^"]*)"/g)].map(match => unescapeXml(match[1]))
    const notesLanguages = [...new Set([...notesXml.split('<p:ph type="sldNum"')[0]!.matchAll(/<a:(?:rPr|endParaRPr) [^>]*?lang="([^"]+)"/g)].map(match => match[1]))]
    return { no: i + 1, notes, pictures, descriptions, notesLanguages }
  }))
  const width = Number(presentation.match(/<p:notesSz cx="(\d+)"/)?.[1] ?? 0)
  const master = await zip.file(/^ppt\/notesMasters\/notesMaster\d+\.xml$/)[0]?.async('string') ?? ''
  const body = master.split('</p:sp>').find(shape => /<p:ph type="body"/.test(shape)) ?? ''
  const [, x = '0', cx = '0'] = body.match(/<a:off x="(\d+)"[^>]*\/><a:ext cx="(\d+)"/) ?? []
  return { slides, notesPage: { width, textRight: Number(x) + Number(cx) } }
}
