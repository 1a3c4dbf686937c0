import { describe, expect, it } from 'vitest'
import { assignRows, BRANCH_LABELS, branchOf, familyEdges, familyTreeLayout, treeOrder } from '../../../charts/family-tree'
import { MIN_FONT } from '../../../charts/shared'
import { models } from '../../../data/models'
import { textWidth } from '../../../lib/text-width'
import { overlaps, WIDTH } from './helpers'

describe('family tree', () => {
  const layout = familyTreeLayout(models, { width: WIDTH })

  it('includes every model and every basedOn edge', () => {
    expect(layout.nodes.map(n => n.id).sort()).toEqual(models.map(m => m.id).sort())
    const expected = models.flatMap(m => (m.basedOn ?? []).map(p => `${p}>${m.id}`)).sort()
    expect(layout.edges.map(e => `${e.from}>${e.to}`).sort()).toEqual(expected)
    expect(layout.edges.every(e => e.path.startsWith('M'))).toBe(true)
  })

  it('roots at the Transformer and keeps pills apart and on the slide', () => {
    expect(layout.nodes.filter(n => n.origin).map(n => n.id)).toEqual(['transformer'])
    expect(layout.fontSize).toBeGreaterThanOrEqual(MIN_FONT)
    const boxes = layout.nodes.map(n => ({
      id: n.id,
      left: n.x - n.width / 2,
      right: n.x + n.width / 2,
      top: n.y - layout.pillHeight / 2,
      bottom: n.y + layout.pillHeight / 2,
    }))
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(layout.gutter)
      expect(a.right).toBeLessThanOrEqual(WIDTH)
      expect(a.bottom).toBeLessThanOrEqual(layout.height)
      for (const b of boxes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)
    }
  })

  it('puts models on the branch of their architecture, or of what they build on', () => {
    const byId = new Map(models.map(m => [m.id, m]))
    const branch = (id: string) => branchOf(byId.get(id)!, byId)
    expect(branch('bert')).toBe('encoder')
    expect(branch('t5')).toBe('encdec')
    // GLM's blank infilling is one Transformer with a prefix mask: its own lane, not encoder–decoder
    expect(branch('glm')).toBe('prefix')
    expect(branch('glm-130b')).toBe('prefix')
    expect(branch('chatglm-6b')).toBe('prefix')
    expect(branch('gpt-3')).toBe('decoder')
    expect(branch('glam')).toBe('decoder')
    expect(branch('visual-chatgpt')).toBe('decoder')
    expect(branch('kosmos-1')).toBe('decoder')
  })

  it('draws the prefix-LM lane with its name, and no PaLM ← LaMDA edge (shared data is not lineage)', () => {
    const prefix = layout.bands.find(b => b.branch === 'prefix')!
    expect(prefix.labels[0]!.text).toBe(BRANCH_LABELS.prefix[0])
    for (const id of ['glm', 'glm-130b', 'chatglm-6b']) {
      const node = layout.nodes.find(n => n.id === id)!
      expect(node.y, id).toBeGreaterThan(prefix.y)
      expect(node.y, id).toBeLessThan(prefix.y + prefix.height)
    }
    expect(layout.edges.some(e => e.from === 'lamda' && e.to === 'palm')).toBe(false)
  })

  it('draws no lineage edge into a model whose sources name none (GPT-4), and marks its pill', () => {
    const undisclosed = models.filter(m => m.lineageUndisclosed).map(m => m.id)
    expect(undisclosed).toContain('gpt-4')
    for (const id of undisclosed) {
      expect(layout.edges.filter(e => e.to === id).map(e => `${e.from}>${e.to}`), id).toEqual([])
      expect(familyEdges(models).some(e => e.to === id), id).toBe(false)
    }
    expect(layout.nodes.filter(n => n.lineageUndisclosed).map(n => n.id).sort()).toEqual([...undisclosed].sort())
    // no parent, but no origin either: the Transformer stays the only root drawn across the bands
    expect(layout.nodes.find(n => n.id === 'gpt-4')!.origin).toBe(false)
  })

  it('keeps the branch names clear of the pills', () => {
    for (const band of layout.bands) {
      for (const label of band.labels) {
        const box = { left: label.x, right: label.x + textWidth(label.text, MIN_FONT, label.bold), top: label.y - MIN_FONT, bottom: label.y + 4 }
        for (const n of layout.nodes) {
          const pill = { left: n.x - n.width / 2, right: n.x + n.width / 2, top: n.y - layout.pillHeight / 2, bottom: n.y + layout.pillHeight / 2 }
          expect(overlaps(box, pill), `${label.text} / ${n.id}`).toBe(false)
        }
      }
    }
  })

  it('draws each edge from the parent\'s pill to the child\'s, bowing left between pills of one year', () => {
    const byId = new Map(layout.nodes.map(n => [n.id, n]))
    const sides = (n: typeof layout.nodes[number]) => [n.x - n.width / 2, n.x + n.width / 2]
    for (const e of layout.edges) {
      const [x0, y0, ...rest] = e.path.match(/-?\d+(\.\d+)?/g)!.map(Number)
      const [x1, y1] = rest.slice(-2)
      const from = byId.get(e.from)!
      const to = byId.get(e.to)!
      expect(sides(from).some(x => Math.abs(x - x0!) <= 0.05), e.from).toBe(true)
      expect(sides(to).some(x => Math.abs(x - x1!) <= 0.05), e.to).toBe(true)
      expect(y0).toBeCloseTo(from.y, 1)
      expect(y1).toBeCloseTo(to.y, 1)
      if (from.year === to.year) {
        const [bx] = rest
        expect(bx!).toBeLessThan(Math.min(x0!, x1!))
      }
    }
    expect(layout.edges.some(e => byId.get(e.from)!.year === byId.get(e.to)!.year)).toBe(true)
  })

  it('orders parents before children and rejects a cycle', () => {
    const order = treeOrder(models)
    for (const e of familyEdges(models).filter(e => e.primary))
      expect(order.get(e.from)!).toBeLessThan(order.get(e.to)!)
    const cyclic = models.map(m => (m.id === 'transformer' ? { ...m, basedOn: ['chatglm-6b'] } : m))
    expect(() => treeOrder(cyclic)).toThrow()
  })

  it('assigns rows in order, as near their wishes as possible', () => {
    expect(assignRows([0, 0, 0], 5)).toEqual([0, 1, 2])
    expect(assignRows([4, 4], 5)).toEqual([3, 4])
    expect(assignRows([2], 5)).toEqual([2])
  })
})
