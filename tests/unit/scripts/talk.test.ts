// @vitest-environment node
/**
 * The talk's time budget and speaker notes, read from the sources (see scripts/talk-rules.ts):
 * sections declare minutes that add up to the headmatter `duration` with the closing slide's
 * Q&A; each section's first slide says its minutes and end time in a 【计时】 line; every
 * presented slide's notes open with 2–6 spoken sentences, all together within 13,000
 * characters and each section within its minutes; `## 备查` at most once; no code talk.
 * `npm run check:talk` prints the same figures.
 */
import type { TalkReport } from '../../../scripts/talk-rules'
import { resolve } from 'node:path'
import process from 'node:process'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../../scripts/deck-source'
import { budgetTable, checkTalk } from '../../../scripts/talk-rules'

const root = resolve(__dirname, '../../..')

describe('the talk as the sources declare it', () => {
  let report: TalkReport

  beforeAll(async () => {
    report = checkTalk(await loadDeck(resolve(root, 'slides.md')))
    process.stdout.write(`\nTime budget per section (spoken characters / minutes × 250):\n${budgetTable(report)}\n\n`)
  })

  it('declares minutes per section, Q&A on the closing slide, adding up to the duration, with matching 【计时】 lines', () => {
    expect(report.timing).toEqual([])
  })

  it('opens every presented slide\'s notes with 2–6 spoken sentences', () => {
    expect(report.spokenPart).toEqual([])
  })

  it('keeps the spoken parts within 13,000 characters and each section within its minutes', () => {
    expect(report.budget).toEqual([])
  })

  it('uses `## 备查` at most once per note and no other level-2 heading', () => {
    expect(report.noteFormat).toEqual([])
  })

  it('says nothing about the code base in the presented slides\' notes', () => {
    expect(report.codeTalk).toEqual([])
  })
})
