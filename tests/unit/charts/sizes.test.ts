import { describe, expect, it } from 'vitest'
import { familyTreeLayout, familyTreeOverflows } from '../../../charts/family-tree'
import { assertFits } from '../../../charts/fit'
import { scaleChartLayout, scaleChartOverflows } from '../../../charts/scale'
import { MIN_FONT } from '../../../charts/shared'
import { timelineLayout, timelineOverflows } from '../../../charts/timeline'
import { models } from '../../../data/models'
import { sections } from '../../../data/sections'
import { ALL_MODELS_SPLIT, chartOverflows, labelBoxes, overlaps, SCALE_HEIGHTS, TREE_HEIGHTS, WIDTH } from './helpers'

describe('charts fill the height they are given', () => {
  it('every chart the deck draws fits its canvas and the heights below', () => {
    expect(chartOverflows(models, sections)).toEqual([])
  })

  it.each(SCALE_HEIGHTS)('scale chart in %d px: rows fill it without running over', (height) => {
    const layout = scaleChartLayout(models, { width: WIDTH, minParams: 1e11, height })
    assertFits(`scale chart (${height} px)`, scaleChartOverflows(layout))
    expect(layout.height).toBeLessThanOrEqual(height)
    expect(layout.height).toBeGreaterThan(height - layout.rowHeight)
  })

  it.each(TREE_HEIGHTS)('family tree in %d px: rows fill it without running over', (height) => {
    const layout = familyTreeLayout(models, { width: WIDTH, height })
    assertFits(`family tree (${height} px)`, familyTreeOverflows(layout))
    const rows = layout.bands.reduce((n, b) => n + Math.round((b.height - 8) / (layout.bands[0]!.height - 8)), 0)
    expect(layout.height).toBeLessThanOrEqual(height)
    expect(layout.height).toBeGreaterThan(height - rows)
  })

  it('timeline in a tall space: levels spread out, labels still clear of each other', () => {
    const natural = timelineLayout(models, { ids: sections['3'], width: WIDTH })
    const tall = timelineLayout(models, { ids: sections['3'], width: WIDTH, height: natural.height * 1.5 })
    assertFits('timeline (section 3)', timelineOverflows(tall))
    expect(tall.height).toBeGreaterThan(natural.height * 1.3)
    expect(tall.height).toBeLessThanOrEqual(natural.height * 1.5 + 1)
    const boxes = labelBoxes(tall)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)
    }
  })
})

describe('no chart text under 14 px, at the slide width and narrower', () => {
  it.each([WIDTH, 700, 560])('width %d', (width) => {
    expect(timelineLayout(models, { split: ALL_MODELS_SPLIT, width }).fontSize).toBeGreaterThanOrEqual(MIN_FONT)
    const scale = scaleChartLayout(models, { width, minParams: 1e11 })
    expect(Math.min(scale.fontSize, scale.smallFont)).toBeGreaterThanOrEqual(MIN_FONT)
    expect(familyTreeLayout(models, { width }).fontSize).toBeGreaterThanOrEqual(MIN_FONT)
  })
})
