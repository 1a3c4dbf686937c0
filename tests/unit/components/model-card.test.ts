import type { ModelRecord } from '../../../data/schema'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scaleRows } from '../../../charts/scale'
import ModelCard from '../../../components/ModelCard.vue'
import ModelCompare from '../../../components/ModelCompare.vue'
import ModelGrid from '../../../components/ModelGrid.vue'
import { DECK_DATA, deckData } from '../../../composables/deck-data'
import { architectureLabel, weightsLabel } from '../../../data/labels'
import { organisations } from '../../../data/organisations'
import { WEIGHTS } from '../../../data/schema'
import { FACT_SIZES, HALF_WIDTH_MAX } from '../../../lib/card-sizes'
import { formatFixed, formatParams, formatScientific, largestSize, modelScale, UNDISCLOSED } from '../../../lib/format'
import { requireModels } from '../../../lib/records'

const { models, sections } = deckData
const modelOf = (id: string) => requireModels(models, [id])[0]!

let consoleError: ReturnType<typeof vi.spyOn>
let consoleWarn: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  // Vue reports bad props, missing components and render errors as warnings.
  expect(consoleWarn).not.toHaveBeenCalled()
  consoleError.mockRestore()
  consoleWarn.mockRestore()
})

/** What the prose budget counts: non-whitespace characters of the visible text. */
const visibleChars = (text: string): number => text.replace(/\s/g, '').length

/** The room card's budget: header and four facts within the slide's 200-character prose limit. */
const CARD_BUDGET = 200

describe('modelCard (full, for the room)', () => {
  it.each(models.map(m => [m.id]))('renders %s: header and the four facts, nothing else', (id) => {
    const m = modelOf(id)
    const w = mount(ModelCard, { props: { id } })
    const text = w.text()
    expect(w.find('.model-card-full').exists()).toBe(true)
    expect(w.find('.model-card-error').exists()).toBe(false)
    const header = w.find('header').text()
    expect(header).toContain(m.name)
    expect(header).toContain(organisations[m.org].name)
    for (const p of m.partners ?? [])
      expect(header).toContain(organisations[p].name)
    expect(header).toContain(m.released)
    expect(header).toContain(architectureLabel[m.architecture])
    expect(header).toContain(weightsLabel[m.weights])
    expect(w.findAll('dt').map(d => d.text())).toEqual(['是什么', '规模', '关键思路', '意义'])
    expect(w.findAll('dd').map(d => d.text())).toEqual([m.summary, modelScale(m).text, m.idea, m.impact])
    // the room card leaves the reference material to the notes and the backup table
    if (m.paper.title !== m.name)
      expect(text).not.toContain(m.paper.title)
    expect(w.find('a').exists()).toBe(false)
    expect(text).not.toMatch(/勘误|大纲/)
    expect(text).not.toContain(m.data)
    if (m.paperDate)
      expect(text).not.toContain(m.paperDate)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it.each(models.map(m => [m.id]))('keeps %s within the 200-character prose budget', (id) => {
    const chars = visibleChars(mount(ModelCard, { props: { id } }).text())
    expect(chars, `${id}: ${chars} visible characters; shorten summary, idea or impact`).toBeLessThanOrEqual(CARD_BUDGET)
  })

  it('prints the same scale as the scale chart, for every model', () => {
    const rows = new Map(scaleRows(models).map(r => [r.id, r]))
    for (const m of models) {
      const card = mount(ModelCard, { props: { id: m.id } }).find('dd[data-fact="scale"]').text()
      expect(card, m.id).toContain(rows.get(m.id)!.valueText)
    }
    // a system without parameters of its own: both print the same sentence
    const visual = mount(ModelCard, { props: { id: 'visual-chatgpt' } }).find('dd[data-fact="scale"]').text()
    expect(visual).toBe('无自有参数，调用 ChatGPT 与 22 个视觉基础模型')
    expect(rows.get('visual-chatgpt')!.valueText).toBe(visual)
  })

  it('gives MoE total and active, and says 未公开 where sizes were withheld', () => {
    expect(mount(ModelCard, { props: { id: 'glam' } }).find('dd[data-fact="scale"]').text()).toBe('1.2T 总 / 96.6B 激活，训练 600B token')
    const gpt4 = mount(ModelCard, { props: { id: 'gpt-4' } })
    expect(gpt4.find('dd[data-fact="scale"]').text()).toContain(UNDISCLOSED)
    expect(gpt4.find('header').text()).toContain('未公开')
    expect(gpt4.find('[data-architecture="undisclosed"]').exists()).toBe(true)
  })

  it.each(WEIGHTS)('shows the weights state %s, for some model, with its label', (state) => {
    const m = models.find(m => m.weights === state)
    expect(m, `no model is ${state}`).toBeDefined()
    const badge = mount(ModelCard, { props: { id: m!.id } }).find('[data-weights]')
    expect(badge.attributes('data-weights')).toBe(state)
    expect(badge.text()).toBe(weightsLabel[state])
  })

  it('never breaks a name or a date across lines', () => {
    for (const m of models) {
      const w = mount(ModelCard, { props: { id: m.id } })
      expect(w.find('.card-name').classes()).toContain('whitespace-nowrap')
      const date = w.findAll('header span').find(s => s.text().includes(m.released) && !s.text().includes(m.name))!
      expect(date.classes()).toContain('whitespace-nowrap')
    }
  })

  it('shows fewer facts where two cards share a slide, still in the card\'s order and within the budget together', () => {
    const pair = ['chatglm-6b', 'glm-130b'].map(id => mount(ModelCard, { props: { id, facts: ['scale', 'summary'] } }))
    for (const w of pair)
      expect(w.findAll('dt').map(d => d.text())).toEqual(['是什么', '规模'])
    const together = pair.reduce((n, w) => n + visibleChars(w.text()), 0)
    expect(together, `two cards side by side: ${together} visible characters`).toBeLessThanOrEqual(CARD_BUDGET)
  })

  it('reads the data an ancestor provides (a copy with an extra record)', () => {
    const record: ModelRecord = { ...modelOf('t5'), id: 'custom', name: '自定义模型' }
    const w = mount(ModelCard, { props: { id: 'custom' }, global: { provide: { [DECK_DATA as symbol]: { ...deckData, models: [...models, record] } } } })
    expect(w.text()).toContain('自定义模型')
    expect(consoleError).not.toHaveBeenCalled()
  })
})

describe('modelCard type sizes', () => {
  const source = readFileSync(resolve(__dirname, '../../../components/ModelCard.vue'), 'utf8')
  const sizes = [...source.matchAll(/font-size:\s*(\d+(?:\.\d+)?)px/g)].map(m => Number(m[1]))

  it('sets the facts in large type: ≥ 18 px at any width, nothing under 14 px', () => {
    // the facts take the largest of FACT_SIZES that fits the card (HALF_WIDTH_MAX at most on a half-width card)
    expect(Math.min(...FACT_SIZES)).toBeGreaterThanOrEqual(18)
    expect(FACT_SIZES.filter(px => px <= HALF_WIDTH_MAX).length).toBeGreaterThanOrEqual(2)
    const fallback = source.match(/\.facts dd \{[^}]*font-size:\s*var\(--fit-size,\s*(\d+)px\)/)
    expect(fallback, '.facts dd takes its size from --fit-size').not.toBeNull()
    expect(Number(fallback![1])).toBeGreaterThanOrEqual(18)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14)
    expect(source).not.toMatch(/\btext-xs\b|text-\[(?:0\.[0-7]\d*rem|1[0-3](?:\.\d+)?px)\]/)
  })
})

describe('modelCard (compact)', () => {
  it.each(models.map(m => [m.id]))('renders %s compactly', (id) => {
    const m = modelOf(id)
    const w = mount(ModelCard, { props: { id, compact: true } })
    const text = w.text()
    expect(w.find('.model-card-compact').exists()).toBe(true)
    expect(text).toContain(m.name)
    expect(text).toContain(organisations[m.org].name)
    expect(text).toContain(m.released)
    expect(text).toContain(architectureLabel[m.architecture])
    expect(w.find('.size').text()).toBe(modelScale(m).params)
    // compact cards leave the facts to the full card
    expect(text).not.toContain(m.idea)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('shows MoE total and active in the compact size too', () => {
    expect(mount(ModelCard, { props: { id: 'glam', compact: true } }).text()).toContain('1.2T 总 / 96.6B 激活')
  })

  it('uses nothing smaller than text-sm (14 px)', () => {
    const html = mount(ModelCard, { props: { id: 'mt-nlg', compact: true } }).html()
    expect(html).not.toMatch(/\btext-xs\b/)
  })
})

describe('modelCard with an unknown id', () => {
  it.each([false, true])('renders a visible error box naming the id and logs it (compact: %s)', (compact) => {
    const w = mount(ModelCard, { props: { id: 'no-such-model', compact } })
    const box = w.find('.model-card-error')
    expect(box.exists()).toBe(true)
    expect(box.attributes('role')).toBe('alert')
    expect(box.text()).toContain('no-such-model')
    expect(w.find('.model-card-full').exists()).toBe(false)
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(String(consoleError.mock.calls[0]![0])).toContain('no-such-model')
  })
})

describe('modelGrid', () => {
  it('shows a whole outline section in the section list\'s order, as a figure', () => {
    const w = mount(ModelGrid, { props: { section: '4.4', cols: 3 } })
    expect(w.findAll('.model-card-compact').map(c => c.attributes('data-model-id'))).toEqual([...sections['4.4']])
    expect(w.find('.model-grid').attributes('style')).toContain('repeat(3, minmax(0, 1fr))')
    expect(w.find('.model-grid').attributes('data-chart')).toBe('grid')
  })

  it('leaves out what `except` names, keeping the order', () => {
    const w = mount(ModelGrid, { props: { section: '4.3', except: ['gpt-4'] } })
    expect(w.findAll('.model-card-compact').map(c => c.attributes('data-model-id'))).toEqual(sections['4.3'].filter(id => id !== 'gpt-4'))
  })
})

describe('modelCompare', () => {
  it('shows size, tokens, tokens per parameter and 6ND compute from the data, as a figure', () => {
    const w = mount(ModelCompare, { props: { section: '4.5' } })
    expect(w.find('[data-chart="compare"]').exists()).toBe(true)
    const rows = w.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    for (const [i, id] of ['gopher', 'chinchilla'].entries()) {
      const m = modelOf(id)
      const n = largestSize(m.params)!.total
      const text = rows[i]!.text()
      expect(text).toContain(m.name)
      expect(text).toContain(formatParams(n))
      expect(text).toContain(formatParams(m.tokens!))
      expect(text).toContain(formatFixed(m.tokens! / n, 1))
      const { mantissa, exponent } = formatScientific(6 * n * m.tokens!, 1)
      expect(text).toContain(`${mantissa}×10${exponent}`)
    }
    expect(w.html()).not.toMatch(/\btext-xs\b/)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('flags an unknown id visibly and in the console', () => {
    const provide = { [DECK_DATA as symbol]: { ...deckData, sections: { ...sections, 4.5: ['gopher', 'nope'] } } }
    const w = mount(ModelCompare, { props: { section: '4.5' }, global: { provide } })
    expect(w.find('[role="alert"]').text()).toContain('nope')
    expect(w.findAll('tbody tr')).toHaveLength(1)
    expect(consoleError).toHaveBeenCalledTimes(1)
  })
})
