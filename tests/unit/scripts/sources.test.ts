import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSources, formatProblem } from '../../../scripts/check-sources'

const FIXTURES = 'tests/fixtures/broken-sources'

/** One fixture per mistake; `at` is the text on the line the check must name. */
const cases = [
  { fixture: 'invalid-yaml', file: 'slides.md', at: 'routeAlias: [intro', rule: /not valid YAML/ },
  { fixture: 'unclosed-frontmatter', file: 'slides.md', at: '为什么有这次分享', rule: /not valid YAML.*closing `---` missing/ },
  { fixture: 'unknown-layout', file: 'slides.md', at: 'layout: sectoin', rule: /unknown layout "sectoin"/ },
  { fixture: 'alias-missing', file: 'pages/01-intro.md', at: '---', rule: /agenda lists this slide.*no `routeAlias`/ },
  { fixture: 'alias-duplicated', file: 'slides.md', at: 'routeAlias: intro', occurrence: 2, rule: /"intro" is used twice/ },
  { fixture: 'alias-dangling', file: 'slides.md', at: '<Link to="outlook">', rule: /no slide has as its routeAlias/ },
  { fixture: 'alias-unreached', file: 'slides.md', at: 'routeAlias: outlook', rule: /"outlook" has no `agenda:`.*the agenda does not list it/ },
  { fixture: 'hand-numbered', file: 'slides.md', at: '# 勘误（2/7）', rule: /hand-numbered page/ },
  { fixture: 'two-titles', file: 'slides.md', at: '# 第二页', rule: /second top-level title/ },
  { fixture: 'frontmatter-in-body', file: 'slides.md', at: 'layout: section', rule: /looks like frontmatter/ },
  { fixture: 'mermaid', file: 'slides.md', at: '解码器 -->', rule: /Mermaid does not parse/ },
  { fixture: 'mermaid-unlabelled', file: 'slides.md', at: 'flowchart LR', rule: /Mermaid diagram without its text alternative: add `accTitle:` and `accDescr:`/ },
]

function lineOf(path: string, text: string, occurrence = 1): number {
  const lines = readFileSync(path, 'utf8').split('\n')
  let seen = 0
  return lines.findIndex(line => line.includes(text) && ++seen === occurrence) + 1
}

describe('source checks', () => {
  it('find nothing wrong in the deck', async () => {
    const problems = await checkSources('slides.md')
    expect(problems.map(formatProblem)).toEqual([])
  }, 60_000)

  it.each(cases)('name the file and line of $fixture', async ({ fixture, file, at, occurrence, rule }) => {
    const dir = join(FIXTURES, fixture)
    const line = lineOf(join(dir, file), at, occurrence)
    expect(line).toBeGreaterThan(0)
    const problems = (await checkSources(join(dir, 'slides.md'))).map(formatProblem)
    // Exactly one problem: the one the fixture was written to have, at its line.
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${line}: `))
    expect(problems[0]).toMatch(rule)
  }, 60_000)
})
