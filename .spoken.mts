import { loadDeck, splitPresented } from './scripts/deck-source'
import { splitNote } from './scripts/notes'
const want = process.argv.slice(2).map(Number)
const deck = await loadDeck('slides.md')
for (const s of deck.slides) if (want.includes(s.no)) { const n = splitNote(s.note); console.log(`--- ${s.no} ${s.file}:${s.line} ${s.title}\n${JSON.stringify(n.spoken ?? n)}\n`) }
