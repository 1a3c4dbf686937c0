// @vitest-environment node
/**
 * The timing and notes rules fail on a deck that breaks them, naming the slide:
 * tests/fixtures/talk (minutes that do not add up, a wrong 【计时】 end time, a section without
 * minutes, minutes in mid-section, a slide without a spoken part, too many sentences, two
 * `## 备查` headings, notes about the code base; the backup part exempt).
 */
import type { TalkReport } from '../../../scripts/talk-rules'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../../scripts/deck-source'
import { checkTalk, codeBaseNames } from '../../../scripts/talk-rules'

const root = resolve(__dirname, '../../..')

describe('the talk rules on a broken source deck', () => {
  let report: TalkReport
  const about = (problems: string[], pattern: RegExp) => problems.filter(p => pattern.test(p))

  beforeAll(async () => {
    report = checkTalk(await loadDeck(resolve(root, 'tests/fixtures/talk/slides.md')), codeBaseNames(root))
  })

  it('splits the presented part into sections by page file; the cover joins the first, whose own first slide holds the minutes; the closing slide is Q&A', () => {
    expect(report.sections.map(s => [s.first.no, s.slides.length, s.minutes, !!s.qa])).toEqual([
      [3, 3, 2, false],
      [4, 5, 3, false],
      [9, 1, undefined, false],
      [10, 1, 4, true],
    ])
  })

  it('reports minutes that do not add up to the duration', () => {
    expect(about(report.timing, /add up to 9 \(2 \+ 3 \+ 0 \+ 4\), the headmatter `duration` is 10/)).toHaveLength(1)
  })

  it('reports a wrong 【计时】 end time, naming the slide', () => {
    expect(about(report.timing, /^slide 4 \(pages\/02-body\.md #1, line 1: 2 正文\): 【计时】 says the section ends at 06:00, the minutes add up to 05:00/)).toHaveLength(1)
  })

  it('reports a section without minutes and minutes declared in mid-section', () => {
    expect(about(report.timing, /^slide 9 \(pages\/03-end\.md #1.*declares no `minutes`/)).toHaveLength(1)
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

  it('stays within the character budget (the rule that does fail is shown on the deck)', () => {
    expect(report.spokenTotal).toBeGreaterThan(0)
    expect(report.budget).toEqual([])
  })
})
