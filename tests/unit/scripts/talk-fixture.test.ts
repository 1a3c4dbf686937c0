// @vitest-environment node
/**
 * The timing and notes rules fail on a deck that breaks them, naming the slide:
 * tests/fixtures/talk (minutes that do not add up, a wrong 【计时】 end time, a section without
 * minutes, minutes in mid-section, a slide without a spoken part, too many sentences, two
 * `## 备查` headings, notes about the code base, a section that says more than its minutes allow;
 * the backup part exempt).
 */
import type { DeckSource } from '../../../scripts/deck-source'
import type { TalkReport } from '../../../scripts/talk-rules'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../../scripts/deck-source'
import { CHARS_PER_MINUTE, checkTalk, codeBaseNames, SPOKEN_TOTAL_LIMIT } from '../../../scripts/talk-rules'

const root = resolve(__dirname, '../../..')

describe('the talk rules on a broken source deck', () => {
  let deck: DeckSource
  let report: TalkReport
  const about = (problems: string[], pattern: RegExp) => problems.filter(p => pattern.test(p))

  beforeAll(async () => {
    deck = await loadDeck(resolve(root, 'tests/fixtures/talk/slides.md'))
    report = checkTalk(deck, codeBaseNames(root))
  })

  it('splits the presented part into sections by page file; the cover joins the first, whose own first slide holds the minutes; the closing slide is Q&A', () => {
    expect(report.sections.map(s => [s.first.no, s.slides.length, s.minutes, !!s.qa])).toEqual([
      [3, 3, 2, false],
      [4, 5, 3, false],
      [9, 1, 1, false],
      [10, 1, undefined, false],
      [11, 1, 4, true],
    ])
  })

  it('reports minutes that do not add up to the duration', () => {
    const declared = report.sections.map(s => s.minutes ?? 0)
    const sum = declared.reduce((a, b) => a + b, 0)
    expect(sum).not.toBe(report.durationMinutes)
    expect(report.timing.filter(p => p.includes(`add up to ${sum} (${declared.join(' + ')}), the headmatter \`duration\` is ${report.durationMinutes}`))).toHaveLength(1)
  })

  it('reports a wrong 【计时】 end time, naming the slide', () => {
    expect(about(report.timing, /^slide 4 \(pages\/02-body\.md #1, line 1: 2 正文\): 【计时】 says the section ends at 06:00, the minutes add up to 05:00/)).toHaveLength(1)
  })

  it('reports a section without minutes and minutes declared in mid-section', () => {
    expect(about(report.timing, /^slide 10 \(pages\/04-end\.md #1.*declares no `minutes`/)).toHaveLength(1)
    expect(about(report.timing, /^slide 6 \(pages\/02-body\.md #3.*declares `minutes: 1` but does not open a section/)).toHaveLength(1)
    expect(about(report.timing, /^slide 6 .*【计时】 line on a slide that does not open a section/)).toHaveLength(1)
  })

  it('reports a missing spoken part and too many sentences', () => {
    expect(about(report.spokenPart, /^slide 5 \(pages\/02-body\.md #2, line \d+: 没有口语部分\): no spoken part/)).toHaveLength(1)
    expect(about(report.spokenPart, /^slide 7 .*spoken part has 7 sentences/)).toHaveLength(1)
    expect(report.spokenPart).toHaveLength(2)
  })

  it('reports a second `## 备查` heading', () => {
    expect(about(report.noteFormat, /^slide 7 .*`## 备查` appears 2 times/)).toHaveLength(1)
  })

  it('reports notes about the code base on a presented slide, not in the backup part', () => {
    expect(report.codeTalk).toHaveLength(1)
    expect(report.codeTalk[0]).toMatch(/^slide 8 \(pages\/02-body\.md #5, line \d+: 讲到了代码\): .*data\/models\.ts/)
    expect(report.codeTalk[0]).toContain('d3-scale')
    expect(report.codeTalk[0]).toContain('单元测试')
  })

  it('reports a section whose spoken parts hold more characters than its minutes allow, naming its first slide', () => {
    const long = report.sections.find(s => s.first.file === 'pages/03-long.md')!
    const chars = report.spoken.find(s => s.no === long.first.no)!.chars
    expect(long.minutes! * CHARS_PER_MINUTE).toBeLessThan(chars)
    expect(report.budget).toEqual([
      `slide 9 (pages/03-long.md #1, line 1: 3 说得太久): the section's spoken parts hold ${chars} characters, ${long.minutes} minutes allow ${long.minutes! * CHARS_PER_MINUTE}`,
    ])
    // Within the whole talk's budget: only the section rule fails.
    expect(report.spokenTotal).toBeLessThanOrEqual(SPOKEN_TOTAL_LIMIT)
  })

  it('reports spoken parts that together exceed the talk\'s budget', () => {
    // The long slide said often enough to pass the whole talk's limit.
    const long = report.sections.find(s => s.first.file === 'pages/03-long.md')!.first
    const times = Math.ceil(SPOKEN_TOTAL_LIMIT / report.spoken.find(s => s.no === long.no)!.chars) + 1
    const slides = deck.slides.map(slide => slide === long ? { ...slide, note: `${slide.note}\n`.repeat(times) } : slide)
    const over = checkTalk({ ...deck, slides }, codeBaseNames(root))
    expect(over.spokenTotal).toBeGreaterThan(SPOKEN_TOTAL_LIMIT)
    expect(about(over.budget, new RegExp(`^the presented slides' spoken parts hold ${over.spokenTotal} characters \\(at most ${SPOKEN_TOTAL_LIMIT}\\)$`))).toHaveLength(1)
  })
})
