import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { agendaOf, BACKUP_ALIAS, sectionName } from '../../../lib/agenda'
import { loadDeck, splitPresented } from '../../../scripts/deck-source'
import { sectionKey } from '../../../scripts/talk-rules'

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

  it('reads the deck: one entry per section of the page files, numbered as they are, on each section\'s first slide, and the backup', async () => {
    const { slides } = await loadDeck(resolve(__dirname, '../../../slides.md'))
    const agenda = agendaOf(slides)
    // the talk's sections are its page files by leading number (`04-overview` … `04-7-others` are 4)
    const { presented } = splitPresented(slides)
    const keys = [...new Set(presented.map(s => sectionKey(s.file)).filter(key => key !== undefined))]
    expect(keys.length).toBeGreaterThan(1)
    expect(agenda.sections.map(e => e.no), 'one agenda entry per section, in order').toEqual(keys.map(key => String(Number(key))))
    for (const [i, entry] of agenda.sections.entries()) {
      const first = slides.find(s => sectionKey(s.file) === keys[i])!
      // the entry is its section's first slide, the one that declares the section's minutes, and is named from its title
      expect(first.frontmatter.routeAlias, first.file).toBe(entry.alias)
      expect(first.frontmatter.minutes, entry.alias).toBeTypeOf('number')
      expect(first.title, entry.alias).toContain(entry.title)
    }
    expect(agenda.backup?.alias).toBe(BACKUP_ALIAS)
  })
})
