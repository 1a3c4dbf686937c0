import type { ModelRecord } from '../../../data/schema'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generalCorrections } from '../../../data/errata'
import { architectureLabel, weightsLabel } from '../../../data/labels'
import { models } from '../../../data/models'
import { organisations } from '../../../data/organisations'
import { architecturePalette, organisationPalette } from '../../../data/palette'
import { ARCHITECTURES, isValidIsoDate, ORGANISATIONS, validateModels, WEIGHTS } from '../../../data/schema'
import { errataRows } from '../../../lib/errata-pages'
import { modelScale } from '../../../lib/format'
import { byRelease, requireModels } from '../../../lib/records'

const root = resolve(__dirname, '../../..')
const modelOf = (id: string) => requireModels(models, [id])[0]!

/** A deep copy of the real data with one record changed. */
function broken(id: string, change: (record: Record<string, unknown>) => void): unknown[] {
  const copy = structuredClone(models) as unknown as Record<string, unknown>[]
  const target = copy.find(r => r.id === id)
  if (!target)
    throw new Error(`no record ${id}`)
  change(target)
  return copy
}

/**
 * Every model id the slides ask for, with file and line: `<ModelCard id="…">` and the ids of a
 * `:ids="[…]"` or `:except="[…]"` list (timeline, scale chart, family tree, scaling demo, grid).
 */
function idsOnSlides(): { id: string, where: string }[] {
  const files = ['slides.md', ...readdirSync(resolve(root, 'pages')).filter(f => f.endsWith('.md')).map(f => `pages/${f}`)]
  return files.flatMap(file => readFileSync(resolve(root, file), 'utf8').split('\n').flatMap((line, i) => {
    const cards = [...line.matchAll(/<ModelCard\s[^>]*?\bid="([^"]+)"/g)].map(m => m[1]!)
    const lists = [...line.matchAll(/:(?:ids|except)="\[([^\]]*)\]"/g)].flatMap(m => [...m[1]!.matchAll(/'([^']+)'/g)].map(q => q[1]!))
    return [...cards, ...lists].map(id => ({ id, where: `${file}:${i + 1}` }))
  }))
}

describe('the real model data', () => {
  it('validates with zero messages', () => {
    expect(validateModels(models)).toEqual([])
  })

  it('has a record for every model id the slides ask for', () => {
    const asked = idsOnSlides()
    expect(asked.length).toBeGreaterThan(0)
    const known = new Set(models.map(m => m.id))
    expect(asked.filter(a => !known.has(a.id)).map(a => `${a.where}: ${a.id}`)).toEqual([])
  })

  it('dates every model by its first public release, keeping a later paper date', () => {
    // first public release: model, API, blog or paper, whichever came first
    const expected: Record<string, [released: string, paper?: string]> = {
      't5': ['2019-10-23'],
      'palm': ['2022-04-04', '2022-04-05'],
      'lamda': ['2021-05-18', '2022-01-20'],
      'flan': ['2021-09-03'],
      'glam': ['2021-12-09', '2021-12-13'],
      'kosmos-1': ['2023-02-27'],
      'glm': ['2021-03-18'],
      'glm-130b': ['2022-08-04', '2022-10-05'],
      'bloom': ['2022-07-12', '2022-11-09'],
      'instructgpt': ['2022-01-27', '2022-03-04'],
      'llama': ['2023-02-24', '2023-02-27'],
      'megatron-lm': ['2019-08-13', '2019-09-17'],
      'mt-nlg': ['2021-10-11', '2022-01-28'],
      'opt-175b': ['2022-05-02'],
      'chatglm-6b': ['2023-03-14'],
      'colossalchat': ['2023-03-28'],
      'dolly': ['2023-03-24'],
      'self-instruct': ['2022-12-20'],
    }
    for (const [id, [released, paper]] of Object.entries(expected)) {
      expect(modelOf(id).released, `${id}.released`).toBe(released)
      expect(modelOf(id).paperDate, `${id}.paperDate`).toBe(paper)
    }
  })

  it('keeps a paper date only where the paper came after the first release', () => {
    for (const m of models.filter(m => m.paperDate))
      expect(m.paperDate! > m.released, m.id).toBe(true)
  })

  it('marks GPT-3 as the start of large models', () => {
    expect(modelOf('gpt-3').milestone).toBe('开始大模型')
    expect(models.filter(m => m.milestone).map(m => m.id)).toEqual(['gpt-3'])
  })

  it('knows four weights states: OPT-175B, LLaMA and GLM-130B on request, Megatron-LM partly open', () => {
    expect(WEIGHTS.map(w => weightsLabel[w])).toEqual(['开放权重', '部分开放权重', '申请获取', '未开放权重'])
    expect(models.filter(m => m.weights === 'on-request').map(m => m.id).sort()).toEqual(['glm-130b', 'llama', 'opt-175b'])
    // only the 345M checkpoints were released, not the 8.3B the card leads with
    expect(models.filter(m => m.weights === 'partial').map(m => m.id)).toEqual(['megatron-lm'])
    for (const id of ['t5', 'bert', 'bloom', 'chatglm-6b', 'dolly', 'gpt-j', 'glm'])
      expect(modelOf(id).weights, id).toBe('open')
    for (const id of ['gpt-3', 'gpt-4', 'chatgpt', 'palm', 'lamda', 'flan', 'glam', 'palm-e', 'kosmos-1', 'colossalchat'])
      expect(modelOf(id).weights, id).toBe('closed')
  })

  it('records the corrected facts', () => {
    expect(modelOf('dolly').org).toBe('databricks')
    expect(modelOf('dolly').basedOn).toEqual(['gpt-j'])
    expect(modelOf('kosmos-1').params[0]!.total).toBeCloseTo(1.6e9)
    expect(modelOf('chatglm-6b').params.map(p => p.total)).toEqual([6.2e9])
    expect(modelOf('t5').params).toHaveLength(5)
    expect(modelOf('glam').params[0]).toMatchObject({ total: 1.2e12, active: 9.66e10 })
    expect(modelOf('gpt-4').params).toEqual([])
    expect(modelOf('chinchilla').tokens).toBe(1.4e12)
    // LLaMA: 7B and 13B saw 1.0T tokens, 33B and 65B 1.4T; the card says both
    expect(modelScale(modelOf('llama')).text).toBe('7B–65B 参数，训练 1.0T–1.4T token')
    // GPT-4's report withholds the architecture
    expect(modelOf('gpt-4').architecture).toBe('undisclosed')
    expect(architectureLabel.undisclosed).toBe('架构未公开')
    // PaLM's data builds on LaMDA's: shared data, not lineage
    expect(modelOf('palm').basedOn).not.toContain('lamda')
    // ColossalChat's token counts could not be confirmed: none recorded, and the errata say so
    expect(modelOf('colossalchat').tokens).toBeUndefined()
    expect(modelOf('colossalchat').corrections.some(c => c.outline.includes('54M tokens') && c.fact.includes('未能核实'))).toBe(true)
    // HELM's 「亚洲唯一入选」 is the GLM team's own claim
    expect(modelOf('glm-130b').impact).toMatch(/团队称.*HELM/)
  })

  it('describes Kosmos-1 as the paper does: a pretrained image encoder, not all from scratch', () => {
    const k = modelOf('kosmos-1')
    expect(k.idea).toContain('MAGNETO')
    expect(k.idea).toContain('CLIP ViT-L/14')
    expect(k.idea).toContain('预训练')
    const text = JSON.stringify(k)
    expect(text).not.toContain('从零开始训练')
  })

  it('gives Visual ChatGPT a scale note instead of parameters', () => {
    const v = modelOf('visual-chatgpt')
    expect(v.params).toEqual([])
    expect(v.scaleNote).toBe('无自有参数，调用 ChatGPT 与 22 个视觉基础模型')
    expect(modelScale(v).text).toBe(v.scaleNote)
  })

  it('gives every model a family-tree path back to the Transformer, but GPT-4 (lineage undisclosed) none', () => {
    expect(modelOf('gpt-4').lineageUndisclosed).toBe(true)
    expect(modelOf('gpt-4').basedOn).toBeUndefined()
    for (const m of models.filter(m => !m.lineageUndisclosed)) {
      const seen = new Set<string>()
      let current: ModelRecord = m
      while (current.basedOn?.length) {
        expect(seen.has(current.id), `cycle through ${current.id}`).toBe(false)
        seen.add(current.id)
        current = modelOf(current.basedOn[0]!)
      }
      expect(current.id, m.id).toBe('transformer')
    }
  })

  it('has a name and colour for every organisation and architecture', () => {
    for (const org of ORGANISATIONS) {
      expect(organisations[org].id).toBe(org)
      expect(organisations[org].name.length).toBeGreaterThan(0)
      expect(organisationPalette[org]).toMatch(/^#[0-9a-f]{6}$/i)
    }
    for (const arch of ARCHITECTURES) {
      expect(architecturePalette[arch].fill).toMatch(/^#[0-9a-f]{6}$/i)
      expect(architectureLabel[arch].length).toBeGreaterThan(0)
    }
  })

  it('keeps the outline and the code base off the card facts', () => {
    for (const m of models) {
      for (const key of ['summary', 'idea', 'impact', 'scaleNote'] as const)
        expect(m[key] ?? '', `${m.id}.${key}`).not.toMatch(/大纲|勘误|data\/|\.ts\b/)
    }
  })

  // Full-width punctuation and the glossary in the card text: `npm run lint:zh` (scripts/lint-typography.ts) lints every string of data/ (and charts/, lib/).
})
describe('validateModels on broken copies', () => {
  it('reports a missing field', () => {
    const msgs = validateModels(broken('t5', r => delete r.summary))
    expect(msgs).toEqual(['t5.summary: is missing'])
  })

  it('reports an unknown weights state', () => {
    const msgs = validateModels(broken('llama', (r) => {
      r.weights = 'leaked'
    }))
    expect(msgs).toHaveLength(1)
    expect(msgs[0]).toMatch(/^llama\.weights: must be one of .*on-request/)
  })

  it('reports a paper date that is not after the first release', () => {
    expect(validateModels(broken('bloom', (r) => {
      r.paperDate = '2022-07-01'
    }))).toEqual(['bloom.paperDate: must come after released (leave it out when the paper was the first release)'])
  })

  it('reports a scale note on a model that has parameters', () => {
    expect(validateModels(broken('gpt-3', (r) => {
      r.scaleNote = '无自有参数'
    }))).toEqual(['gpt-3.scaleNote: only for a model without parameters of its own (params must be empty)'])
  })

  it('reports the removed fields as unknown', () => {
    expect(validateModels(broken('t5', (r) => {
      r.notes = '备注'
      r.openWeights = true
    }))).toEqual(['t5.notes: unknown field', 't5.openWeights: unknown field'])
  })

  it('reports an impossible date', () => {
    const msgs = validateModels(broken('t5', (r) => {
      r.released = '2019-13-01'
    }))
    expect(msgs).toEqual(['t5.released: "2019-13-01" is not a valid date (YYYY-MM-DD or YYYY-MM)'])
  })

  it('reports a date that does not exist in the calendar', () => {
    const msgs = validateModels(broken('palm', (r) => {
      r.released = '2022-02-30'
    }))
    expect(msgs).toHaveLength(1)
    expect(msgs[0]).toMatch(/^palm\.released: "2022-02-30" is not a valid date/)
  })

  it('reports an unknown architecture', () => {
    const msgs = validateModels(broken('bert', (r) => {
      r.architecture = 'rnn'
    }))
    expect(msgs).toHaveLength(1)
    expect(msgs[0]).toMatch(/^bert\.architecture: must be one of .*encoder-only/)
  })

  it('reports an http URL', () => {
    const msgs = validateModels(broken('gpt-3', (r) => {
      (r.paper as { url: string }).url = 'http://arxiv.org/abs/2005.14165'
    }))
    expect(msgs).toEqual(['gpt-3.paper.url: "http://arxiv.org/abs/2005.14165" is not an https URL'])
  })

  it('reports an http URL inside links', () => {
    const msgs = validateModels(broken('bert', (r) => {
      (r.links as { url: string }[])[0].url = 'http://github.com/google-research/bert'
    }))
    expect(msgs).toEqual(['bert.links[0].url: "http://github.com/google-research/bert" is not an https URL'])
  })

  it('reports a duplicate id', () => {
    const copy = [...structuredClone(models), structuredClone(modelOf('llama'))]
    expect(validateModels(copy)).toEqual(['llama.id: duplicate id "llama"'])
  })

  it('reports an unknown basedOn id', () => {
    const msgs = validateModels(broken('dolly', (r) => {
      r.basedOn = ['llama-1']
    }))
    expect(msgs).toEqual(['dolly.basedOn[0]: unknown model id "llama-1"'])
  })

  it('rejects a lineage both undisclosed and given', () => {
    const msgs = validateModels(broken('gpt-4', (r) => {
      r.basedOn = ['chatgpt']
    }))
    expect(msgs).toEqual(['gpt-4.lineageUndisclosed: an undisclosed lineage has no basedOn (leave one of them out)'])
  })

  it('reports a cycle in the family tree', () => {
    const msgs = validateModels(broken('transformer', (r) => {
      r.basedOn = ['chatglm-6b']
    }))
    expect(msgs.length).toBeGreaterThan(0)
    expect(msgs).toContain('transformer.basedOn: cycle in the family tree')
  })

  it('reports a non-kebab id, an unknown field, and active ≥ total', () => {
    expect(validateModels(broken('glam', (r) => {
      (r.params as { active: number }[])[0].active = 2e12
    }))).toEqual(['glam.params[0].active: active parameters must be fewer than total'])
    expect(validateModels(broken('glam', (r) => {
      r.paperUrl = 'x'
    }))).toEqual(['glam.paperUrl: unknown field'])
    const bad = validateModels(broken('glam', (r) => {
      r.id = 'GLaM'
    }))
    expect(bad[0]).toBe('GLaM.id: "GLaM" is not a kebab-case id')
  })

  it('reports English where Chinese card text is expected, and an unknown organisation', () => {
    expect(validateModels(broken('opt-175b', (r) => {
      r.idea = 'Train decoder-only models'
    }))).toEqual(['opt-175b.idea: "Train decoder-only models" should be Chinese text'])
    const msgs = validateModels(broken('dolly', (r) => {
      r.org = 'korea'
    }))
    expect(msgs).toHaveLength(1)
    expect(msgs[0]).toMatch(/^dolly\.org: must be one of/)
  })
})

describe('isValidIsoDate', () => {
  it('accepts real days and months only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('2022-08')).toBe(true)
    expect(isValidIsoDate('2022-8-1')).toBe(false)
    expect(isValidIsoDate('2022-00')).toBe(false)
  })
})

describe('errata', () => {
  it('has the model-independent corrections, each with a topic', () => {
    expect(generalCorrections.length).toBe(6)
    for (const c of generalCorrections)
      expect(c.topic && c.outline && c.fact && c.source).toBeTruthy()
  })

  it('corrects the LLM definition as the corrected errata row does: no cut-off, usually hundreds of billions', () => {
    const row = generalCorrections.find(c => c.topic === '大模型的定义')!
    expect(row.outline).toBe('一般称参数大于 100B 的语言模型为大语言模型')
    expect(row.fact).toContain('没有公认的参数门槛')
    expect(row.fact).toContain('千亿级')
    expect(row.fact).toContain('10B 起')
    expect(row.fact).not.toMatch(/10B 及以上的模型称为/)
    expect(row.source).toContain('2303.18223')
  })

  it('lists model corrections (topic = model name) before the general ones', () => {
    const all = errataRows([...models].sort(byRelease), generalCorrections)
    const modelCount = models.reduce((n, m) => n + m.corrections.length, 0)
    expect(all).toHaveLength(modelCount + generalCorrections.length)
    expect(all.slice(modelCount)).toEqual(generalCorrections)
    expect(all.some(c => c.topic === 'Dolly' && c.fact.includes('GPT-J'))).toBe(true)
  })

  it('covers every model the outline\'s fact-check table names (outline/errata.md)', () => {
    const rows = readFileSync(resolve(root, 'outline/errata.md'), 'utf8').split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| model'))
    // a row's first cell is a model's name ("GLM") or the start of one ("OPT" for OPT-175B), or a claim
    const named = rows.map(row => row.split('|')[1]!.trim()).flatMap((cell) => {
      const exact = models.find(m => m.name === cell)
      const starts = models.filter(m => m.name.startsWith(`${cell}-`))
      return exact ? [exact] : starts.length === 1 ? starts : []
    })
    expect(named.length).toBeGreaterThan(rows.length / 2)
    for (const m of named)
      expect(m.corrections.length, m.id).toBeGreaterThan(0)
  })
})
