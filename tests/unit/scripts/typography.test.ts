// @vitest-environment node
/**
 * The Chinese typography linter (scripts/lint-typography.ts, `npm run lint:zh`: AutoCorrect's CLI
 * and `.autocorrectrc`, plus what the CLI cannot do) fails on ASCII punctuation and on words the
 * glossary replaces, naming file, line and slide, and spares what it should: code, comments, the
 * notes' 备查 part (the glossary only), Mermaid's own syntax, outline quotes in data, English
 * strings. `npm run lint:zh` holds the deck itself to zero findings.
 */
import type { Finding } from '../../../scripts/lint-typography'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { asciiPunctuation, formatFinding, lintTypography, showChange } from '../../../scripts/lint-typography'

const root = resolve(__dirname, '../../..')
const fixture = resolve(root, 'tests/fixtures/typography')

describe('the typography linter on its fixture', () => {
  let findings: Finding[]
  const at = (file: string, line: number) => findings.filter(f => f.file === file && f.line === line)

  beforeAll(async () => {
    findings = await lintTypography({ root: fixture, rc: resolve(root, '.autocorrectrc') })
  })

  it('reports the glossary in a title, naming file, line and slide', () => {
    const [title] = at('slides.md', 5)
    expect(title).toMatchObject({ slide: 1, fix: '4.1.3 指令微调' })
    expect(formatFinding(title)).toBe('slides.md:5 (slide 1): 4.1.3 引导调优 → 4.1.3 指令微调')
  })

  it('reports ASCII punctuation and missing spaces in slide text', () => {
    expect(at('slides.md', 7)[0]?.fix).toBe('这一行用了 ASCII 标点，比如逗号：还有冒号。')
  })

  it('reports ASCII double quotes in Chinese text', () => {
    expect(at('slides.md', 9)[0]).toMatchObject({ fix: '他说「你好」，用了英文引号。', extra: true })
  })

  it('reads Mermaid labels as slide text but keeps Mermaid\'s brackets', () => {
    expect(at('slides.md', 13).map(f => f.fix)).toEqual(['编码器，解码器'])
  })

  it('applies the glossary to the notes\' spoken part', () => {
    const fix = at('slides.md', 17).map(f => f.fix).join('\n')
    expect(fix).toContain('指令微调')
    expect(fix).toContain('Microsoft')
    expect(fix).toContain('Self-Instruct')
  })

  it('leaves the outline\'s wording in the 备查 part, and clean slides and code alone', () => {
    expect(at('slides.md', 21)).toEqual([])
    expect(findings.filter(f => f.file === 'slides.md' && f.slide === 2)).toEqual([])
  })

  it('holds the 备查 part to the built-in rules, without the glossary', () => {
    expect(at('slides.md', 56)).toMatchObject([{ slide: 3, fix: '- 大纲原文：「引导调优，见论文」。' }])
  })

  it('reads frontmatter values as text (the agenda summary among them), not their keys', () => {
    expect(at('slides.md', 45).map(f => f.fix)).toEqual(['结构与变种，再看一遍'])
    expect(at('slides.md', 46).map(f => f.fix)).toEqual(['附加的说明，来自 frontmatter'])
  })

  it('lints the Chinese string literals of data modules, sparing outline quotes', () => {
    const data = findings.filter(f => f.file === 'data/strings.ts')
    expect(data.map(f => [f.line, f.fix])).toEqual([
      [4, '应为指令微调，见论文'],
      [5, '这里也写了指令微调。'],
      [8, '指令微调'],
    ])
  })

  it('lints component templates and script strings, not comments', () => {
    const card = findings.filter(f => f.file === 'components/FixtureCard.vue')
    expect(card.map(f => [f.line, f.fix.trim(), !!f.extra])).toEqual([
      [3, '卡片标题，有逗号', false],
      [8, '模板里的文字，有逗号', false],
      [9, '<p>他说「你好」，用了英文引号。</p>', true],
    ])
  })

  it('finds nothing else', () => {
    expect(findings.map(f => `${f.file}:${f.line}`)).toEqual([
      'slides.md:5',
      'slides.md:7',
      'slides.md:9',
      'slides.md:13',
      ...at('slides.md', 17).map(() => 'slides.md:17'),
      'slides.md:45',
      'slides.md:46',
      'slides.md:56',
      'data/strings.ts:4',
      'data/strings.ts:5',
      'data/strings.ts:8',
      'components/FixtureCard.vue:3',
      'components/FixtureCard.vue:8',
      'components/FixtureCard.vue:9',
    ])
  })
})

describe('the ASCII punctuation rule', () => {
  it('pairs quotes, converts brackets around or beside Chinese and punctuation before Chinese', () => {
    expect(asciiPunctuation('统一成"文本到文本"的形式')?.fix).toBe('统一成「文本到文本」的形式')
    expect(asciiPunctuation('上下文学习(in-context learning),不再微调')?.fix).toBe('上下文学习（in-context learning），不再微调')
    expect(asciiPunctuation('MoE:每 token 激活')?.fix).toBe('MoE：每 token 激活')
  })

  it('leaves English, code, tags and links alone', () => {
    expect(asciiPunctuation('Attention Is All You Need (2017), "quoted"')).toBeUndefined()
    expect(asciiPunctuation('调用 `f(x)` 和 <a href="x">链接</a> 还有 [论文](https://arxiv.org/abs/1)')).toBeUndefined()
  })
})

describe('showChange', () => {
  it('cuts AutoCorrect\'s whole lines to the part that changed', () => {
    expect(showChange('一二三四五六七八九十,甲乙丙丁戊己庚辛壬癸,子丑寅卯辰巳午未', '一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸，子丑寅卯辰巳午未'))
      .toBe('…五六七八九十,甲乙丙丁戊己庚辛壬癸,子丑寅卯辰巳… → …五六七八九十，甲乙丙丁戊己庚辛壬癸，子丑寅卯辰巳…')
  })
})
