import type { TimelineLayout } from '../../../charts/timeline'
import { describe, expect, it } from 'vitest'
import { MIN_FONT, selectModels } from '../../../charts/shared'
import { TICK_FONT, timelineLayout } from '../../../charts/timeline'
import { models } from '../../../data/models'
import { sections } from '../../../data/sections'
import { isoToDate } from '../../../lib/dates'
import { ALL_MODELS_SPLIT, labelBoxes, overlaps, WIDTH } from './helpers'

describe('timeline', () => {
  const cases: Array<[string, TimelineLayout]> = [
    ['section 3', timelineLayout(models, { ids: sections['3'], width: WIDTH })],
    ['all models, split', timelineLayout(models, { split: ALL_MODELS_SPLIT, width: WIDTH })],
    ['all models, one axis', timelineLayout(models, { width: WIDTH })],
  ]

  it.each(cases)('%s: no two labels collide, none leaves the chart, all ≥ 14 px', (_, layout) => {
    expect(layout.fontSize).toBeGreaterThanOrEqual(MIN_FONT)
    expect(TICK_FONT).toBeGreaterThanOrEqual(MIN_FONT)
    const boxes = labelBoxes(layout)
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0)
      expect(a.right).toBeLessThanOrEqual(WIDTH + 1e-6)
      for (const b of boxes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)
    }
  })

  it.each(cases)('%s: labels keep clear of the axis and dots', (_, layout) => {
    for (const panel of layout.panels) {
      for (const m of panel.marks) {
        const top = m.labelY - layout.fontSize * 1.05
        const bottom = m.labelY + layout.fontSize * 0.45
        if (m.side === 'above')
          expect(bottom).toBeLessThan(panel.axisY - 7)
        else
          expect(top).toBeGreaterThan(panel.axisY + 7)
        expect(m.x).toBeGreaterThanOrEqual(0)
        expect(m.x).toBeLessThanOrEqual(WIDTH)
      }
    }
  })

  it('section 3 shows exactly the section list\'s chronology, in date order', () => {
    const layout = cases[0]![1]
    const ids = layout.panels.flatMap(p => p.marks.map(m => m.id))
    expect(new Set(ids)).toEqual(new Set(sections['3']))
    expect(ids).toHaveLength(sections['3'].length)
  })

  it('shows every model once on the all-models timeline, dots in date order', () => {
    const layout = cases[1]![1]
    const ids = layout.panels.flatMap(p => p.marks.map(m => m.id))
    expect(ids.sort()).toEqual(models.map(m => m.id).sort())
    expect(layout.panels).toHaveLength(3)
    for (const panel of layout.panels) {
      for (let i = 1; i < panel.marks.length; i++) {
        expect(isoToDate(panel.marks[i]!.released) >= isoToDate(panel.marks[i - 1]!.released)).toBe(true)
        expect(panel.marks[i]!.x).toBeGreaterThan(panel.marks[i - 1]!.x)
      }
    }
  })

  it('highlights the milestone model with its milestone text', () => {
    const marks = cases[0]![1].panels.flatMap(p => p.marks).filter(m => m.milestone)
    expect(marks.map(m => m.id)).toEqual(['gpt-3'])
    expect(marks[0]!.text).toContain('开始大模型')
    // panels after the milestone carry its era from their start
    const split = cases[1]![1]
    expect(split.panels[0]!.milestone?.x).toBeGreaterThan(0)
    expect(split.panels.slice(1).every(p => p.milestone?.x === 0)).toBe(true)
  })

  it('filters by ids and dates, and rejects unknown ids', () => {
    expect(selectModels(models, { ids: ['t5', 'gpt-3'] }).map(m => m.id)).toEqual(['t5', 'gpt-3'])
    expect(selectModels(models, { from: '2023-01-01' }).every(m => m.released >= '2023')).toBe(true)
    expect(() => selectModels(models, { ids: ['gpt-5'] })).toThrow(/gpt-5/)
  })
})
