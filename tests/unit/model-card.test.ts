import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ModelCard from '../../components/ModelCard.vue'
import ModelCompare from '../../components/ModelCompare.vue'
import ModelGrid from '../../components/ModelGrid.vue'
import { formatDate, formatParams, formatSizeRange, formatUrl, UNDISCLOSED } from '../../data/format'
import { modelById, models } from '../../data/models'
import { organisations } from '../../data/organisations'
import { architectureLabel } from '../../data/palette'

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

describe('modelCard (full)', () => {
  it.each(models.map(m => [m.id]))('renders %s with its facts and no console error', (id) => {
    const m = modelById(id)
    const w = mount(ModelCard, { props: { id } })
    const text = w.text()
    expect(w.find('.model-card-full').exists()).toBe(true)
    expect(w.find('.model-card-error').exists()).toBe(false)
    expect(text).toContain(m.name)
    expect(text).toContain(organisations[m.org].name)
    for (const p of m.partners ?? [])
      expect(text).toContain(organisations[p].name)
    expect(text).toContain(formatDate(m.released))
    expect(text).toContain(architectureLabel[m.architecture])
    expect(text).toContain(m.problem)
    expect(text).toContain(m.method)
    expect(text).toContain(m.data)
    if (m.highlights)
      expect(text).toContain(m.highlights)
    expect(text).toContain(m.openWeights ? '开放权重' : '未开放权重')
    const link = w.find(`a[href="${m.paper.url}"]`)
    expect(link.exists()).toBe(true)
    expect(link.text()).toBe(m.paper.title)
    expect(text).toContain(formatUrl(m.paper.url))
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('shows every released size; MoE sizes give total and active distinctly', () => {
    for (const m of models) {
      const text = mount(ModelCard, { props: { id: m.id } }).text()
      for (const p of m.params) {
        if (p.active !== undefined) {
          expect(text).toContain(`${formatParams(p.total)} 总 / ${formatParams(p.active)} 激活`)
        }
      }
      if (m.params.length === 0)
        expect(text).toContain(UNDISCLOSED)
    }
    const glam = mount(ModelCard, { props: { id: 'glam' } }).text()
    expect(glam).toContain('1.2T 总 / 96.6B 激活')
    expect(glam).toContain('MoE')
  })

  it('says 未公开 for undisclosed sizes (GPT-4)', () => {
    expect(modelById('gpt-4').params).toHaveLength(0)
    expect(mount(ModelCard, { props: { id: 'gpt-4' } }).text()).toContain(UNDISCLOSED)
  })

  it('marks corrections with 勘误 and lists the corrected facts, and only then', () => {
    for (const m of models) {
      const w = mount(ModelCard, { props: { id: m.id } })
      const box = w.find('.corrections')
      expect(box.exists()).toBe(m.corrections.length > 0)
      if (m.corrections.length) {
        expect(box.text()).toContain('勘误')
        expect(box.findAll('li')).toHaveLength(m.corrections.length)
        for (const c of m.corrections)
          expect(box.text()).toContain(c.fact)
      }
    }
  })

  it('accepts a record directly through the model prop', () => {
    const record = { ...modelById('t5'), id: 'custom', name: '自定义模型' }
    const w = mount(ModelCard, { props: { id: 'custom', model: record } })
    expect(w.text()).toContain('自定义模型')
    expect(consoleError).not.toHaveBeenCalled()
  })
})

describe('modelCard (compact)', () => {
  it.each(models.map(m => [m.id]))('renders %s compactly', (id) => {
    const m = modelById(id)
    const w = mount(ModelCard, { props: { id, compact: true } })
    const text = w.text()
    expect(w.find('.model-card-compact').exists()).toBe(true)
    expect(text).toContain(m.name)
    expect(text).toContain(organisations[m.org].name)
    expect(text).toContain(formatDate(m.released))
    expect(text).toContain(architectureLabel[m.architecture])
    expect(text).toContain(formatSizeRange(m.params))
    // Compact cards leave the long fields to the full card.
    expect(text).not.toContain(m.method)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('shows MoE total and active in the compact size too', () => {
    expect(mount(ModelCard, { props: { id: 'glam', compact: true } }).text()).toContain('1.2T 总 / 96.6B 激活')
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
  it('renders one compact card per id, in order', () => {
    const ids = ['gpt', 'gpt-2', 'gpt-3', 'instructgpt', 'chatgpt']
    const w = mount(ModelGrid, { props: { ids, cols: 3 } })
    const cards = w.findAll('.model-card-compact')
    expect(cards.map(c => c.attributes('data-model-id'))).toEqual(ids)
    expect(w.find('.model-grid').attributes('style')).toContain('repeat(3, minmax(0, 1fr))')
  })
})

describe('modelCompare', () => {
  it('shows size, tokens, tokens per parameter and 6ND compute from the data', () => {
    const w = mount(ModelCompare, { props: { ids: ['gopher', 'chinchilla'] } })
    const rows = w.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    for (const [i, id] of ['gopher', 'chinchilla'].entries()) {
      const m = modelById(id)
      const n = Math.max(...m.params.map(p => p.total))
      const text = rows[i]!.text()
      expect(text).toContain(m.name)
      expect(text).toContain(formatParams(n))
      expect(text).toContain(formatParams(m.tokens!))
      expect(text).toContain((m.tokens! / n).toFixed(1))
      const c = 6 * n * m.tokens!
      const e = Math.floor(Math.log10(c))
      expect(text).toContain(`${(c / 10 ** e).toFixed(1)}×10${e}`)
    }
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('flags an unknown id visibly and in the console', () => {
    const w = mount(ModelCompare, { props: { ids: ['gopher', 'nope'] } })
    expect(w.find('[role="alert"]').text()).toContain('nope')
    expect(w.findAll('tbody tr')).toHaveLength(1)
    expect(consoleError).toHaveBeenCalledTimes(1)
  })
})
