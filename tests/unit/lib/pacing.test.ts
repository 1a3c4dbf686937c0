import { describe, expect, it } from 'vitest'
import { formatClock, paceAt, pacingPlan } from '../../../lib/pacing'
import { loadDeck, splitPresented } from '../../../scripts/deck-source'
import { sectionsOf } from '../../../scripts/talk-rules'

const slides = [
  { no: 1, title: '封面' },
  { no: 2, title: '目录' },
  { no: 3, title: '1 简介：为什么', frontmatter: { minutes: 3 } },
  { no: 4, title: '2 结构', frontmatter: { minutes: 4 } },
  { no: 5, title: '2.1 细节' },
  { no: 6, title: '谢谢', frontmatter: { routeAlias: 'thanks', minutes: 8 } },
  { no: 7, title: '备用', frontmatter: { routeAlias: 'backup' } },
  { no: 8, title: '代码', frontmatter: { minutes: 99 } },
]

describe('pacingPlan', () => {
  it('opens a section at each slide with minutes (the cover and agenda join the first) and stops at the backup part', () => {
    expect(pacingPlan(slides)).toEqual([
      { title: '1 简介', first: 1, last: 3, start: 0, end: 180 },
      { title: '2 结构', first: 4, last: 5, start: 180, end: 420 },
      { title: '谢谢', first: 6, last: 6, start: 420, end: 900 },
    ])
  })

  it('plans the deck as `npm run check:talk` budgets it: the same sections, minutes and end times', async () => {
    const deck = await loadDeck()
    const plan = pacingPlan(deck.slides)
    const budgeted = sectionsOf(splitPresented(deck.slides).presented)
    expect(plan.map(s => [s.first, s.last])).toEqual(budgeted.map(s => [s.slides[0]!.no, s.slides.at(-1)!.no]))
    expect(plan.map(s => (s.end - s.start) / 60)).toEqual(budgeted.map(s => s.minutes))
    expect(plan.at(-1)!.end / 60).toBe(Number.parseInt(String(deck.headmatter.duration), 10))
  })
})

describe('paceAt', () => {
  const plan = pacingPlan(slides)
  // Section 2 is 240 s over two slides: slide 4 is planned for 180–300 s, slide 5 for 300–420 s.
  it.each([
    [4, 120, 60],
    [4, 180, 0],
    [4, 299, 0],
    [4, 360, -60],
    [5, 250, 50],
    [5, 420, 0],
    [5, 480, -60],
  ])('slide %i at %i s: %i s ahead', (no, elapsed, ahead) => {
    expect(paceAt(plan, no, elapsed)).toEqual({ section: plan[1], ahead })
  })

  it('plans nothing in the backup part', () => {
    expect(paceAt(plan, 7, 100)).toBeUndefined()
  })
})

describe('formatClock', () => {
  it.each([[0, '00:00'], [45, '00:45'], [930, '15:30'], [3725, '62:05'], [-61, '01:01'], [59.6, '01:00']])('%d s → %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text)
  })
})
