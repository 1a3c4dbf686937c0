import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { agendaOf, sectionName } from '../../../lib/agenda'
import { loadDeck } from '../../../scripts/deck-source'

describe('sectionName', () => {
  it.each([
    ['2 Transformer', '2', 'Transformer'],
    ['5 收获总结：不微调，直接 few-shot', '5', '收获总结'],
    ['4.1 Google', '4.1', 'Google'],
    ['备用', '', '备用'],
  ])('"%s" → %s %s', (title, no, name) => {
    expect(sectionName(title)).toEqual({ no, title: name })
  })
})

describe('agendaOf', () => {
  it('takes the slides with an agenda summary, in order, the backup apart', () => {
    const agenda = agendaOf([
      { title: '封面' },
      { title: '1 简介：为什么', frontmatter: { routeAlias: 'intro', agenda: '为什么有这次分享' } },
      { title: '1.1 细节', frontmatter: { routeAlias: 'detail' } },
      { title: '备用', frontmatter: { routeAlias: 'backup', agenda: '代码' } },
      { title: '2 第二', frontmatter: { routeAlias: 'second', agenda: '第二部分' } },
    ])
    expect(agenda.sections).toEqual([
      { no: '1', title: '简介', summary: '为什么有这次分享', alias: 'intro' },
      { no: '2', title: '第二', summary: '第二部分', alias: 'second' },
    ])
    expect(agenda.backup).toEqual({ no: '', title: '备用', summary: '代码', alias: 'backup' })
  })

  it('reads the deck: one entry per section\'s first slide, numbered 1–6, and the backup', async () => {
    const { slides } = await loadDeck(resolve(__dirname, '../../../slides.md'))
    const agenda = agendaOf(slides)
    expect(agenda.sections.map(e => e.no)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(agenda.sections.map(e => e.title)).toEqual(['简介', 'Transformer', '模型变迁', '主流大模型', '收获总结', '其它想法'])
    for (const entry of agenda.sections) {
      const slide = slides.find(s => s.frontmatter.routeAlias === entry.alias)!
      // the entry is its page's first slide, the one that declares the section's minutes
      expect(slide.indexInFile, entry.alias).toBe(1)
      expect(slide.frontmatter.minutes, entry.alias).toBeTypeOf('number')
    }
    expect(agenda.backup?.alias).toBe('backup')
  })
})
