import type { Directive } from 'vue'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import Agenda from '../../../components/Agenda.vue'
import AttentionMasks from '../../../components/AttentionMasks.vue'
import ErrataTable from '../../../components/ErrataTable.vue'
import ModelReference from '../../../components/ModelReference.vue'
import ParadigmCard from '../../../components/ParadigmCard.vue'
import ReferenceList from '../../../components/ReferenceList.vue'
import { deckData } from '../../../composables/deck-data'
import { weightsLabel } from '../../../data/labels'
import { architecturePalette } from '../../../data/palette'
import { ERRATA_BUDGET, errataPages, errataRows, rowLines } from '../../../lib/errata-pages'
import { referenceList } from '../../../lib/reference-list'
import { modelReferencePages, REFERENCE_BUDGET, referenceRowLines } from '../../../lib/reference-pages'
import { loadDeck } from '../../../scripts/deck-source'
import { causalMask, fullyVisibleMask, prefixMask } from '../../../snippets/attention'

const root = resolve(__dirname, '../../..')
const { models, extraReferences, generalCorrections } = deckData

/** Slidev's navigation, stubbed: the agenda reads the slides' titles and frontmatter from it. */
const nav = vi.hoisted(() => ({ slides: [] as unknown[] }))
vi.mock('@slidev/client', () => ({ useNav: () => ({ slides: { value: nav.slides } }) }))

/** Slidev's globals, stubbed: <Link> renders an anchor carrying its target; v-click marks the node. */
const Link = defineComponent({
  props: { to: { type: [String, Number], required: true } },
  setup: (props, { slots }) => () => h('a', { 'data-to': String(props.to) }, slots.default?.()),
})
const vClick: Directive<HTMLElement> = { mounted: el => el.setAttribute('data-v-click', '') }
const global = { components: { Link }, directives: { click: vClick } }

/**
 * Props of every `<Name … />` usage in the deck's pages, in file order, e.g. `:page="2" :per-page="14"`
 * (whichever page file holds the backup slides).
 */
function usages(name: string): Record<string, number>[] {
  const files = readdirSync(resolve(root, 'pages')).filter(f => f.endsWith('.md')).sort()
  return files.flatMap((file) => {
    const md = readFileSync(resolve(root, 'pages', file), 'utf8')
    return [...md.matchAll(new RegExp(`<${name}\\b([^>]*)/>`, 'g'))].map(m =>
      Object.fromEntries([...m[1]!.matchAll(/:([\w-]+)="(\d+)"/g)].map(([, k, v]) => [k!, Number(v)])))
  })
}

describe('paradigmCard', () => {
  const props = { arch: 'decoder-only', models: 'GPT-3 等', structure: '只有 Decoder', method: '从左到右', scene: '生成', cons: '单向' } as const

  it('lays out the five fields in order, labelled', () => {
    const w = mount(ParadigmCard, { props })
    expect(w.findAll('dt').map(d => d.text())).toEqual(['常见模型', '结构', '方法', '场景', '缺点'])
    expect(w.findAll('dd').map(d => d.text())).toEqual(['GPT-3 等', '只有 Decoder', '从左到右', '生成', '单向'])
  })

  it('takes its colour from the architecture palette', () => {
    const w = mount(ParadigmCard, { props })
    expect(w.attributes('data-arch')).toBe('decoder-only')
    expect(w.html()).toContain(architecturePalette['decoder-only'].fill)
  })
})

describe('attentionMasks', () => {
  const n = 5
  const prefix = 2
  const w = mount(AttentionMasks, { props: { n, prefix }, global })

  it.each([
    ['full', fullyVisibleMask(n)],
    ['causal', causalMask(n)],
    ['prefix', prefixMask(n, prefix)],
  ] as const)('draws the %s mask exactly as snippets/attention.ts computes it', (key, mask) => {
    const cells = w.find(`[data-mask="${key}"]`).findAll('[data-visible]').map(c => c.attributes('data-visible') === 'true')
    expect(cells).toHaveLength(n * n)
    expect(cells).toEqual(mask.flat().map(x => x === 0))
  })

  it('reveals the three matrices one click each', () => {
    expect(w.findAll('[data-v-click]')).toHaveLength(3)
  })
})

describe('agenda', () => {
  it('lists every slide with an `agenda:` line, in order, by number, name and summary, each linking to its alias', async () => {
    const { slides } = await loadDeck(resolve(root, 'slides.md'))
    nav.slides = slides.map(s => ({ no: s.no, meta: { slide: { title: s.title, frontmatter: s.frontmatter } } }))
    const w = mount(Agenda, { global })
    const listed = slides.filter(s => typeof s.frontmatter.agenda === 'string')
    expect(listed.length).toBeGreaterThan(1)
    expect(w.findAll('a').map(a => a.attributes('data-to'))).toEqual(listed.map(s => s.frontmatter.routeAlias))
    for (const s of listed) {
      // 「4 主流大模型：……」: the number and the name before the colon, then the summary
      const [, no = '', name = ''] = /^(?:(\d+)\s+)?([^：:]+)/.exec(s.title) ?? []
      const link = w.find(`a[data-to="${String(s.frontmatter.routeAlias)}"]`)
      for (const text of [no, name.trim(), String(s.frontmatter.agenda)])
        expect(link.text(), s.title).toContain(text)
    }
  })

  // That each alias is on its page's first slide, used once, and every section is listed: scripts/check-sources.ts (tests/unit/scripts/sources.test.ts).
})

describe('references', () => {
  const entries = referenceList(models, extraReferences)

  it('hold every model\'s paper and every extra reference, each URL once', () => {
    const urls = entries.map(e => e.url)
    expect(new Set(urls).size).toBe(urls.length)
    for (const m of models)
      expect(urls, `${m.name}'s paper`).toContain(m.paper.url)
    for (const r of extraReferences)
      expect(urls).toContain(r.url)
    for (const e of entries)
      expect(e.url).toMatch(/^https:\/\//)
  })

  const slides = usages('ReferenceList')
  it('the backup shows every reference exactly once, no empty slide', () => {
    const shown = slides.flatMap(({ page, 'per-page': perPage }) => {
      const hrefs = mount(ReferenceList, { props: { page, perPage } }).findAll('a').map(a => a.attributes('href'))
      expect(hrefs.length, `ReferenceList page ${page} is empty`).toBeGreaterThan(0)
      return hrefs
    })
    expect(shown, 'add or remove a <ReferenceList :page="…" /> slide').toEqual(entries.map(e => e.url))
  })

  it('prints its own page number, so slide titles need no 「(n/m)」', () => {
    const perPage = slides[0]?.['per-page'] ?? 11
    const pages = Math.ceil(entries.length / perPage)
    expect(mount(ReferenceList, { props: { page: 2, perPage } }).text()).toContain(`2 / ${pages}`)
  })
})

describe('errataTable', () => {
  const corrections = errataRows(models, generalCorrections)
  const pages = errataPages(corrections)
  const slides = usages('ErrataTable')

  it('packs every correction, in order, into pages within the line budget', () => {
    expect(pages.flat()).toEqual(corrections)
    for (const page of pages) {
      const lines = page.reduce((sum, c) => sum + rowLines(c), 0)
      expect(lines <= ERRATA_BUDGET || page.length === 1, `a page of ${lines} lines`).toBe(true)
    }
  })

  it('the backup has one <ErrataTable :page="n" /> slide per page, 1…n in order', () => {
    expect(slides.map(s => s.page), `the backup needs ErrataTable pages 1..${pages.length}`).toEqual(pages.map((_, i) => i + 1))
  })

  it('prints its own page number, so slide titles need no 「(n/m)」', () => {
    expect(mount(ErrataTable, { props: { page: 1 } }).text()).toContain(`1 / ${pages.length}`)
  })

  it('each slide shows its page of corrections', () => {
    const shown = slides.flatMap(({ page }) => {
      const rows = mount(ErrataTable, { props: { page } }).findAll('tbody tr')
      expect(rows.length, `ErrataTable page ${page} is empty`).toBeGreaterThan(0)
      return rows.map(r => r.findAll('td').map(td => td.text()))
    })
    expect(shown.map(([topic, outline, fact]) => [topic, outline, fact])).toEqual(corrections.map(c => [c.topic, c.outline, c.fact]))
  })

  it('links URLs and arXiv ids in the sources', () => {
    const hrefs = slides.flatMap(({ page }) => mount(ErrataTable, { props: { page } }).findAll('tbody a').map(a => a.attributes('href')))
    const arxivIds = corrections.flatMap(c => [...c.source.matchAll(/arXiv[:\s]?(\d{4}\.\d{4,5})/g)].map(m => `https://arxiv.org/abs/${m[1]}`))
    const urls = corrections.flatMap(c => c.source.match(/https:\/\/\S+/g) ?? [])
    expect(hrefs.length).toBe(arxivIds.length + urls.length)
    for (const id of arxivIds)
      expect(hrefs).toContain(id)
  })
})

describe('modelReference (backup 「模型资料」)', () => {
  const pages = modelReferencePages(models)

  it('packs every model, in release order, into pages within the line budget', () => {
    expect(pages.flat().map(m => m.id)).toEqual(models.map(m => m.id))
    for (const page of pages) {
      const lines = page.reduce((sum, m) => sum + referenceRowLines(m), 0)
      expect(lines <= REFERENCE_BUDGET || page.length === 1, `a page of ${lines} lines`).toBe(true)
    }
  })

  it('each page shows its models with every fact the room cards leave out, and its page number', () => {
    const shown = pages.flatMap((page, i) => {
      const w = mount(ModelReference, { props: { page: i + 1 } })
      expect(w.text()).toContain(`${i + 1} / ${pages.length}`)
      const rows = w.findAll('tbody tr')
      expect(rows).toHaveLength(page.length)
      rows.forEach((row, j) => {
        const m = page[j]!
        const text = row.text()
        expect(text).toContain(m.name)
        expect(text).toContain(m.released)
        if (m.paperDate)
          expect(text).toContain(`论文 ${m.paperDate}`)
        expect(text).toContain(m.data)
        expect(row.find('[data-weights]').text()).toBe(weightsLabel[m.weights])
        const hrefs = row.findAll('a').map(a => a.attributes('href'))
        expect(hrefs).toEqual([m.paper.url, ...(m.links ?? []).map(l => l.url)])
      })
      return rows.map(r => r.attributes('data-model-id'))
    })
    expect(shown).toEqual(models.map(m => m.id))
  })

  it('lists every size of a model', () => {
    const page = pages.findIndex(p => p.some(m => m.id === 'opt-175b')) + 1
    const row = mount(ModelReference, { props: { page } }).find('tr[data-model-id="opt-175b"]')
    for (const size of ['125M', '350M', '1.3B', '2.7B', '6.7B', '13B', '30B', '66B', '175B'])
      expect(row.text()).toContain(size)
  })

  it('any <ModelReference :page="n" /> slides in the pages cover 1…n in order', () => {
    const slides = usages('ModelReference')
    if (slides.length)
      expect(slides.map(s => s.page)).toEqual(pages.map((_, i) => i + 1))
    for (const { page } of slides)
      expect(page).toBeLessThanOrEqual(pages.length)
  })
})
