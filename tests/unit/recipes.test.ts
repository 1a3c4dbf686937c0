// @vitest-environment happy-dom
/**
 * The README's two recipes, followed to the letter on a copy of the deck's sources: "Adding a
 * model" (Flan-T5, October 2022, with a card slide) and "Adding a section" (a section 7 before the
 * closing slide). Each edit below is one numbered step of the README, on the file that step names
 * (the first test reads the README back); after them the copy must pass the checks the deck's own
 * sources pass: the record schema and the section list, the source checks, the talk's timing and
 * notes rules, the agenda, and the components drawing the copy's data, chart layouts included.
 */
import type { DeckData } from '../../composables/deck-data'
import type { ModelRecord } from '../../data/schema'
import type { SectionList } from '../../data/sections'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FamilyTree from '../../components/FamilyTree.vue'
import ModelCard from '../../components/ModelCard.vue'
import ModelGrid from '../../components/ModelGrid.vue'
import ModelTimeline from '../../components/ModelTimeline.vue'
import { DECK_DATA, deckData } from '../../composables/deck-data'
import { agendaOf } from '../../lib/agenda'
import { byRelease, lookupModels } from '../../lib/records'
import { checkSources } from '../../scripts/check-sources'
import { loadDeck } from '../../scripts/deck-source'
import { checkTalk, codeBaseNames } from '../../scripts/talk-rules'

const root = resolve(__dirname, '../..')

/** One README step: the file it names and what it does to that file's text. */
interface Edit { step: number, file: string, apply: (text: string) => string }

/**
 * A copy of the deck under `.work/recipes/<name>`, inside the repository so that imports find
 * `node_modules`: the files the recipes edit are copied, everything else is linked.
 */
function copyDeck(name: string): string {
  const copy = join(root, '.work/recipes', name)
  rmSync(copy, { recursive: true, force: true })
  mkdirSync(copy, { recursive: true })
  for (const entry of readdirSync(root)) {
    if (['node_modules', '.git', '.work', 'dist'].includes(entry))
      continue
    if (['slides.md', 'pages', 'data'].includes(entry))
      cpSync(join(root, entry), join(copy, entry), { recursive: true })
    else
      symlinkSync(join(root, entry), join(copy, entry))
  }
  return copy
}

function follow(copy: string, edits: Edit[]): void {
  for (const edit of edits) {
    const path = join(copy, edit.file)
    let before = ''
    try {
      before = readFileSync(path, 'utf8')
    }
    catch {} // a step that makes a new file
    const after = edit.apply(before)
    expect(after, `step ${edit.step} changed nothing in ${edit.file}`).not.toBe(before)
    writeFileSync(path, after)
  }
}

/** Replaces the one line that starts with `start` (the edit fails if there is none, or several). */
function replaceLine(text: string, start: string, line: string): string {
  const lines = text.split('\n')
  const at = lines.flatMap((l, i) => l.startsWith(start) ? [i] : [])
  expect(at, `one line starting ${JSON.stringify(start)}`).toHaveLength(1)
  lines[at[0]!] = line
  return lines.join('\n')
}

/** The numbered steps of a README section and the first file each one names in backticks. */
function readmeSteps(heading: string): { step: number, file: string }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const start = readme.indexOf(`\n## ${heading}\n`)
  expect(start, `README has "## ${heading}"`).toBeGreaterThan(0)
  const section = readme.slice(start + 1).split(/\n## /)[0]!
  return [...section.matchAll(/^(\d+)\. .*?`((?:[\w.-]+\/)*[\w.<>-]+\.(?:ts|md))`/gms)].map(m => ({ step: Number(m[1]), file: m[2]! }))
}

/** README paths may hold a placeholder (`pages/04-<n>-<company>.md`); the test's file must fit it. */
function fits(file: string, pattern: string): boolean {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '[\\w-]+')
  return new RegExp(`^${source}$`).test(file)
}

async function importCopy<T>(copy: string, file: string): Promise<T> {
  return import(/* @vite-ignore */ pathToFileURL(join(copy, file)).href) as Promise<T>
}

/** Every list of problems the talk rules report, flattened. */
function talkProblems(report: ReturnType<typeof checkTalk>): string[] {
  return [...report.timing, ...report.spokenPart, ...report.budget, ...report.noteFormat, ...report.codeTalk]
}

const FLAN_T5 = `  {
    id: 'flan-t5',
    name: 'Flan-T5',
    org: 'google',
    released: '2022-10-20',
    architecture: 'encoder-decoder',
    summary: 'Google 在 1836 个任务上做了指令微调的 T5。',
    idea: '把指令微调扩展到 1836 个任务，并混入思维链数据。',
    impact: '权重公开；小模型经指令微调后，零样本和少样本效果明显提升。',
    params: [
      { label: 'Flan-T5-Small', total: 8e7 },
      { label: 'Flan-T5-XXL', total: 1.1e10 },
    ],
    data: '1836 个任务的指令数据，含思维链（微调）',
    paper: { title: 'Scaling Instruction-Finetuned Language Models', url: 'https://arxiv.org/abs/2210.11416' },
    weights: 'open',
    basedOn: ['t5'],
    corrections: [],
  },
`

const FLAN_T5_SLIDE = `
---

# 4.1.7 Flan-T5

<ModelCard id="flan-t5" />

<!--
Flan-T5 是 Google 在 T5 上做的指令微调。它把微调的任务扩展到 1836 个，还混进了思维链的数据。结果是小模型也能听懂指令，零样本和少样本的效果都明显提升。权重全部公开，成了后来很多开源工作的起点。

## 备查

- 论文：Scaling Instruction-Finetuned Language Models（arXiv 2210.11416，2022-10-20）。
-->
`

/** README "Adding a model", steps 1–3. */
const addModel: Edit[] = [
  { step: 1, file: 'data/models.ts', apply: text => text.replace(/\n\]\n?$/, `\n${FLAN_T5}]\n`) },
  { step: 2, file: 'data/sections.ts', apply: text => replaceLine(text, `  '4.1': `, `  '4.1': ['t5', 'lamda', 'flan', 'glam', 'palm', 'palm-e', 'flan-t5'],`) },
  { step: 3, file: 'pages/04-1-google.md', apply: text => `${text.trimEnd()}\n${FLAN_T5_SLIDE}` },
]

const READING_SECTION = `---
routeAlias: reading
agenda: 论文与延伸阅读
minutes: 2
---

# 7 延伸阅读

- Attention Is All You Need
- Language Models are Few-Shot Learners
- Training Compute-Optimal Large Language Models

<!--
【计时】本节 2 分钟，计时器到 54:00 讲完。

最后留三篇论文给想深入的同学。第一篇是 Transformer 的原始论文。第二篇是 GPT-3，讲少样本学习。第三篇是 Chinchilla，讲模型和数据怎么配比。
-->
`

/** README "Adding a section", steps 1–3. */
const addSection: Edit[] = [
  { step: 1, file: 'pages/07-reading.md', apply: () => READING_SECTION },
  { step: 2, file: 'slides.md', apply: text => text.replace('---\nsrc: ./pages/06-outlook.md\n---\n', '---\nsrc: ./pages/06-outlook.md\n---\n\n---\nsrc: ./pages/07-reading.md\n---\n') },
  { step: 3, file: 'slides.md', apply: text => replaceLine(replaceLine(text, 'minutes: 8', 'minutes: 6'), '【计时】问答 8 分钟', '【计时】问答 6 分钟，计时器到 60:00 结束。') },
]

describe('the README lists exactly the edits each recipe makes', () => {
  it.each([
    ['Adding a model', addModel],
    ['Adding a section', addSection],
  ])('%s', (heading, edits) => {
    const steps = readmeSteps(heading)
    expect(steps.map(s => s.step), `the numbered steps of "${heading}"`).toEqual(edits.map(e => e.step))
    for (const [i, edit] of edits.entries())
      expect(fits(edit.file, steps[i]!.file), `step ${edit.step} names \`${steps[i]!.file}\`, the test edits ${edit.file}`).toBe(true)
  })
})

describe('adding a model (README), on a copy: Flan-T5, October 2022, with a card slide', { timeout: 60_000 }, async () => {
  const copy = copyDeck('add-model')
  follow(copy, addModel)
  const { models } = await importCopy<{ models: ModelRecord[] }>(copy, 'data/models.ts')
  const { sections } = await importCopy<{ sections: SectionList }>(copy, 'data/sections.ts')
  const { validateModels } = await importCopy<typeof import('../../data/schema')>(copy, 'data/schema.ts')
  const data: DeckData = { ...deckData, models: [...models].sort(byRelease), sections }
  const global = { provide: { [DECK_DATA as symbol]: data } }

  it('the record is valid and the section list names only known models', () => {
    expect(validateModels(models)).toEqual([])
    for (const ids of Object.values(sections))
      expect(lookupModels(models, ids).unknown).toEqual([])
  })

  it('the sources pass the source checks and the talk rules', async () => {
    expect(await checkSources(join(copy, 'slides.md'))).toEqual([])
    expect(talkProblems(checkTalk(await loadDeck(join(copy, 'slides.md')), codeBaseNames(copy)))).toEqual([])
  })

  it('the card slide is in the deck, and its card, grid, timeline and family tree show the model', async () => {
    const { slides } = await loadDeck(join(copy, 'slides.md'))
    expect(slides.filter(s => s.content.includes('<ModelCard id="flan-t5" />')).map(s => s.title)).toEqual(['4.1.7 Flan-T5'])
    expect(mount(ModelCard, { props: { id: 'flan-t5' }, global }).text()).toContain('Flan-T5')
    const grid = mount(ModelGrid, { props: { section: '4.1' }, global })
    expect(grid.findAll('.model-card-compact').map(c => c.attributes('data-model-id'))).toEqual([...sections['4.1']])
    expect(mount(ModelTimeline, { props: { split: '2021-01-01,2023-01-01' }, global }).find('[data-label="flan-t5"]').text()).toBe('Flan-T5')
    expect(mount(FamilyTree, { global }).find('[data-edge="t5>flan-t5"]').exists()).toBe(true)
  })
})

describe('adding a section (README), on a copy: 7 延伸阅读 before the closing slide', { timeout: 60_000 }, async () => {
  const copy = copyDeck('add-section')
  follow(copy, addSection)

  it('the sources pass the source checks and the talk rules, the minutes still adding up', async () => {
    expect(await checkSources(join(copy, 'slides.md'))).toEqual([])
    const report = checkTalk(await loadDeck(join(copy, 'slides.md')), codeBaseNames(copy))
    expect(talkProblems(report)).toEqual([])
    expect(report.sections.find(s => s.first.title === '7 延伸阅读')?.minutes).toBe(2)
  })

  it('the agenda lists it, numbered and named from its title, linking to its alias', async () => {
    const { slides } = await loadDeck(join(copy, 'slides.md'))
    expect(agendaOf(slides).sections.at(-1)).toEqual({ no: '7', title: '延伸阅读', summary: '论文与延伸阅读', alias: 'reading' })
  })
})
