// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { clockAt, codeBaseMentions, countChars, parseTiming, sentences, splitNote } from '../../../scripts/notes'
import { sectionKey } from '../../../scripts/talk-rules'

describe('splitNote', () => {
  const note = [
    '【计时】本节 12 分钟，计时器到 15:00 讲完。',
    '',
    '第一句话。第二句话？',
    '[click] 点击之后说的话！',
    '',
    '## 备查',
    '',
    '- 大纲原文：「引导调优」',
  ].join('\n')

  it('separates the 【计时】 line, the spoken part and the 备查 part', () => {
    const split = splitNote(note)
    expect(split.timing).toBe('【计时】本节 12 分钟，计时器到 15:00 讲完。')
    expect(split.spoken).toBe('第一句话。第二句话？\n 点击之后说的话！')
    expect(split.reference).toBe('- 大纲原文：「引导调优」')
    expect(split.referenceHeadings).toBe(1)
    expect(split.referenceLine).toBe(6)
    expect(split.misplacedTiming).toEqual([])
  })

  it('takes the whole note as spoken when there is no 备查 heading', () => {
    expect(splitNote('只说两句。第二句。')).toMatchObject({ spoken: '只说两句。第二句。', reference: '', referenceHeadings: 0 })
  })

  it('finds an empty spoken part, a second 备查 heading and a 【计时】 line out of place', () => {
    const split = splitNote('## 备查\n\n- 一条\n\n## 备查\n\n【计时】本节 3 分钟。')
    expect(split.spoken).toBe('')
    expect(split.referenceHeadings).toBe(2)
    expect(split.misplacedTiming).toEqual([7])
  })

  it('needs the heading exactly: level 2, alone on its line', () => {
    expect(splitNote('说一句。\n### 备查\n再说一句。').referenceHeadings).toBe(0)
    expect(splitNote('说一句。\n## 备查资料\n再说一句。').referenceHeadings).toBe(0)
  })
})

describe('sentences', () => {
  it('counts sentences ending in 。？！, closing quotes included, and a final run without a mark', () => {
    expect(sentences('他说：「这是对的。」然后走了！为什么？最后一句')).toEqual(['他说：「这是对的。」', '然后走了！', '为什么？', '最后一句'])
  })

  it('ignores runs with no letters', () => {
    expect(sentences('第一句。……。\n\n')).toEqual(['第一句。'])
  })
})

describe('counting and the clock', () => {
  it('counts non-whitespace characters', () => {
    expect(countChars('GPT-3 是 175B 参数。\n')).toBe(13)
  })

  it('formats the timer reading', () => {
    expect(clockAt(3)).toBe('03:00')
    expect(clockAt(43)).toBe('43:00')
    expect(clockAt(2.5)).toBe('02:30')
  })

  it('reads the minutes and the end time of a 【计时】 line', () => {
    expect(parseTiming('【计时】本节 12 分钟，计时器到 15:00 讲完。')).toEqual({ minutes: 12, end: '15:00' })
    expect(parseTiming('【计时】本节 3 分钟，计时器到 3:00 讲完。')).toEqual({ minutes: 3, end: '03:00' })
    expect(parseTiming('【计时】本节讲完。')).toEqual({ minutes: undefined, end: undefined })
  })
})

describe('codeBaseMentions', () => {
  const known = { components: ['ModelCard', 'ScaleChart'], packages: ['d3-scale', 'mermaid', 'vue'] }

  it('finds paths, source files, components, packages and tests', () => {
    expect(codeBaseMentions('数据在 data/models.ts 里，由 ScaleChart 用 d3-scale 画出，有单元测试。', known))
      .toEqual(expect.arrayContaining(['data/models.ts', 'ScaleChart', 'd3-scale', '单元测试']))
    expect(codeBaseMentions('Mermaid 画的图', known)).toEqual(['Mermaid'])
    expect(codeBaseMentions('see the unit test', known)).toEqual(['unit test'])
  })

  it('leaves the talk\'s own words alone: models, numbers, links to sources', () => {
    expect(codeBaseMentions('GPT-3.5 和 text-davinci-003 有 175B 参数，见 https://arxiv.org/abs/2203.02155 。', known)).toEqual([])
    expect(codeBaseMentions('模型卡片上写着发布时间。', known)).toEqual([])
  })
})

describe('sectionKey', () => {
  it('reads the section number of a page file', () => {
    expect(sectionKey('pages/04-1-google.md')).toBe('04')
    expect(sectionKey('pages/02-transformer.md')).toBe('02')
    expect(sectionKey('slides.md')).toBeUndefined()
  })
})
