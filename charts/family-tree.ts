/**
 * The family tree's layout: time runs right, one band per branch, edges from `basedOn`.
 */
import type { CurveFactory } from 'd3-shape'
import type { Architecture, ModelRecord } from '../data/schema'
import type { Overflow } from './fit'
import { stratify } from 'd3-hierarchy'
import { link, linkHorizontal } from 'd3-shape'
import { isoToDate } from '../lib/dates'
import { byRelease } from '../lib/records'
import { textWidth } from '../lib/text-width'
import { beyondCanvas, px1 } from './fit'
import { architecturesOf, clamp, MIN_FONT, selectModels } from './shared'

/** The tree's lanes: GLM's blank infilling (one Transformer, prefix mask) has its own, not encoder–decoder's. */
export type Branch = 'encoder' | 'encdec' | 'prefix' | 'decoder'

/** Each branch's own architecture (whose colour tints its band), in the branches' order top to bottom. */
export const branchArchitecture: Readonly<Record<Branch, Architecture>> = {
  encoder: 'encoder-only',
  encdec: 'encoder-decoder',
  prefix: 'prefix-lm',
  decoder: 'decoder-only',
}
const BRANCHES = Object.keys(branchArchitecture) as Branch[]

/** The branch of an architecture: its own, and MoE decoders join the decoders. */
const branchOfArch: Partial<Record<Architecture, Branch>> = {
  ...Object.fromEntries(BRANCHES.map(b => [branchArchitecture[b], b])),
  'moe-decoder': 'decoder',
}

export interface TreeNode {
  id: string
  name: string
  architecture: Architecture
  branch: Branch
  /** An origin (no parent among the records) is drawn across all branches. */
  origin: boolean
  /** Its sources name no model it builds on (GPT-4): no edge, a dashed outline. */
  lineageUndisclosed: boolean
  year: number
  /** Centre of the pill. */
  x: number
  y: number
  width: number
}

export interface TreeEdge {
  from: string
  to: string
  /** The first `basedOn` parent is the tree parent; further ones are drawn dashed. */
  primary: boolean
  /** SVG path from the parent pill to the child pill. */
  path: string
}

export interface TreeBand {
  branch: Branch
  y: number
  height: number
  /** The branch's name (first line, bold) and description, each with its baseline; as many as fit. */
  labels: Array<{ text: string, x: number, y: number, bold: boolean }>
}

/** Each branch's name and a short description, drawn at the left of its band. */
export const BRANCH_LABELS: Record<Branch, readonly string[]> = {
  encoder: ['Encoder-only', '自编码'],
  encdec: ['Encoder-Decoder', '交叉注意力'],
  prefix: ['Prefix LM', '空白填充'],
  decoder: ['Decoder-only', '自回归', '含 MoE、多模态', '与系统'],
}

export interface TreeColumn {
  year: number
  x: number
  width: number
}

export interface FamilyTreeLayout {
  width: number
  height: number
  /** The height it was given (`height` exceeds it only when even the tightest rows do not fit). */
  maxHeight?: number
  fontSize: number
  pillHeight: number
  /** Left gutter for the branch labels (0 when they sit in the origin's column). */
  gutter: number
  headerHeight: number
  nodes: TreeNode[]
  edges: TreeEdge[]
  bands: TreeBand[]
  columns: TreeColumn[]
  architectures: Architecture[]
}

export interface FamilyTreeOptions {
  ids?: readonly string[]
  width: number
  /** Height the chart may take: the gap between rows grows or shrinks (within limits) to fill it. */
  height?: number
  fontSize?: number
}

/** Parents of a record that are among the records shown. */
function parentsIn(r: ModelRecord, present: ReadonlySet<string>): string[] {
  return (r.basedOn ?? []).filter(id => present.has(id))
}

/**
 * The branch a model sits on: by its architecture, or — for MoE/multimodal/systems without their
 * own branch — the branch of the model it builds on (an origin such as the Transformer does not
 * pass its branch on; those default to decoder-only, where today's systems live, and so does GPT-4,
 * whose report discloses neither architecture nor lineage, only next-token prediction).
 */
export function branchOf(r: ModelRecord, byId: ReadonlyMap<string, ModelRecord>, seen = new Set<string>()): Branch {
  const own = branchOfArch[r.architecture]
  if (own)
    return own
  const parent = parentsIn(r, new Set(byId.keys())).map(id => byId.get(id)!)[0]
  if (!parent || seen.has(parent.id) || !parentsIn(parent, new Set(byId.keys())).length)
    return 'decoder'
  return branchOf(parent, byId, new Set([...seen, r.id]))
}

/** All `basedOn` edges between the records shown; the first present parent is the primary one. */
export function familyEdges(records: readonly ModelRecord[]): Array<{ from: string, to: string, primary: boolean }> {
  const present = new Set(records.map(r => r.id))
  return records.flatMap(r => parentsIn(r, present).map((from, i) => ({ from, to: r.id, primary: i === 0 })))
}

const VIRTUAL_ROOT = '__root__'

/** Space between two pills stacked in a band; MIN_ROW_GAP once the type is at the floor. */
const ROW_GAP = 3
const MIN_ROW_GAP = 2

/**
 * Order of the models in the family hierarchy (d3 `stratify`, children by date, pre-order): a
 * parent comes before its children and subtrees stay contiguous, so sorting a column by it keeps
 * siblings together and edges short. Throws (via stratify) on a cycle in `basedOn`.
 */
export function treeOrder(records: readonly ModelRecord[]): Map<string, number> {
  const present = new Set(records.map(r => r.id))
  const rows = [
    { id: VIRTUAL_ROOT, parent: undefined as string | undefined, released: '' },
    ...records.map(r => ({ id: r.id, parent: parentsIn(r, present)[0] ?? VIRTUAL_ROOT, released: r.released })),
  ]
  const root = stratify<typeof rows[number]>()
    .id(d => d.id)
    .parentId(d => d.parent)(rows)
  root.sort((a, b) => byRelease(a.data, b.data))
  const order = new Map<string, number>()
  root.eachBefore((node) => {
    if (node.data.id !== VIRTUAL_ROOT)
      order.set(node.data.id, order.size)
  })
  return order
}

/**
 * Assigns ordered items to rows 0..rows-1, each as near its wish as order allows (no two share a
 * row; order is kept).
 */
export function assignRows(wishes: readonly number[], rows: number): number[] {
  const n = wishes.length
  const out = wishes.map(w => Math.round(w))
  for (let i = 0; i < n; i++)
    out[i] = Math.max(out[i]!, i === 0 ? 0 : out[i - 1]! + 1)
  for (let i = n - 1; i >= 0; i--)
    out[i] = Math.min(out[i]!, i === n - 1 ? rows - 1 : out[i + 1]! - 1)
  for (let i = 0; i < n; i++)
    out[i] = Math.max(out[i]!, i === 0 ? 0 : out[i - 1]! + 1)
  return out
}

/** How far left of the two pills an edge between models of one year bows out. */
const BRACKET = 12

/**
 * A d3 curve for an edge inside one year column: out of the parent's left side and into the
 * child's, bowed out to the left of both (a `linkHorizontal` there would run down the pills' edge).
 */
const curveBracketLeft: CurveFactory = (context) => {
  const points: Array<[number, number]> = []
  return {
    areaStart() {},
    areaEnd() {},
    lineStart() {
      points.length = 0
    },
    point(x, y) {
      points.push([x, y])
    },
    lineEnd() {
      const [[x0, y0], [x1, y1]] = points as [[number, number], [number, number]]
      const bx = Math.min(x0, x1) - BRACKET
      context.moveTo(x0, y0)
      context.bezierCurveTo(bx, y0, bx, y1, x1, y1)
    },
  }
}

/** d3-shape link generators, coordinates to 0.1 px: across columns a horizontal link, inside one a bracket. */
const acrossColumns = linkHorizontal().digits(1)
const inColumn = link(curveBracketLeft).digits(1)

function edgePath(a: TreeNode, b: TreeNode): string {
  const left = (n: TreeNode): [number, number] => [n.x - n.width / 2, n.y]
  const right = (n: TreeNode): [number, number] => [n.x + n.width / 2, n.y]
  // forward in time: right side of the parent to the left side of the child
  if (left(b)[0] > right(a)[0])
    return acrossColumns({ source: right(a), target: left(b) })!
  // the child was published first (FLAN before the LaMDA paper): left of parent to right of child
  if (left(a)[0] > right(b)[0])
    return acrossColumns({ source: left(a), target: right(b) })!
  // same column: a bracket on the left of the two pills
  return inColumn({ source: left(a), target: left(b) })!
}

/**
 * Family tree with time flowing right: one column per release year, one horizontal band per
 * branch (encoder-only / encoder-decoder / prefix LM with blank infilling / decoder-only incl. MoE,
 * multimodal and systems), the origin spanning all bands; rows inside a band follow the tidy-tree order.
 */
export function familyTreeLayout(records: readonly ModelRecord[], opts: FamilyTreeOptions): FamilyTreeLayout {
  const shown = selectModels(records, { ids: opts.ids })
  const fontSize = opts.fontSize ?? 15
  const pillHeight = Math.round(fontSize * 1.7)
  const labelLine = MIN_FONT + 3
  const headerHeight = fontSize + 10
  const colGap = 18
  const byId = new Map(shown.map(r => [r.id, r]))
  const present = new Set(byId.keys())
  const order = treeOrder(shown)
  // a model whose lineage is undisclosed has no parent, but is no origin either
  const isOrigin = (r: ModelRecord) => parentsIn(r, present).length === 0 && !r.lineageUndisclosed
  const pillWidth = (r: ModelRecord) => Math.ceil(textWidth(r.name, fontSize) + 16)
  const yearOf = (r: ModelRecord) => isoToDate(r.released).getUTCFullYear()
  // an origin with descendants that is alone in its year spans all bands (the Transformer)
  const spansBands = (r: ModelRecord) => isOrigin(r)
    && shown.some(c => parentsIn(c, present)[0] === r.id)
    && shown.every(c => c === r || yearOf(c) !== yearOf(r))
  const spanning = shown.filter(spansBands)

  // cells: the models of one year on one branch
  const cells = new Map<string, ModelRecord[]>()
  for (const r of shown) {
    if (spansBands(r))
      continue
    const key = `${yearOf(r)}|${branchOf(r, byId)}`
    cells.set(key, [...(cells.get(key) ?? []), r])
  }

  // columns: one per year, as wide as its widest pill, spare width shared out. When the first year
  // holds only the origin, the branch names sit in that column beside it instead of in a gutter.
  const years = shown.map(yearOf)
  const firstYear = Math.min(...years)
  const lastYear = Math.max(...years)
  const colYears = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i)
  const branchesShown = BRANCHES.filter(b => colYears.some(y => cells.has(`${y}|${b}`)))
  const labelWidth = Math.max(0, ...branchesShown.map(b => textWidth(BRANCH_LABELS[b][0]!, MIN_FONT, true))) + 16
  const labelsBesideOrigin = spanning.length === 1 && yearOf(spanning[0]!) === firstYear
  const gutter = labelsBesideOrigin ? 0 : labelWidth
  const need = colYears.map((y, i) => Math.max(
    40,
    i === 0 && labelsBesideOrigin ? labelWidth : 0,
    ...shown.filter(r => yearOf(r) === y).map(pillWidth),
  ) + colGap)
  const over = need.reduce((sum, w) => sum + w, 0) - (opts.width - gutter)
  if (over > 0 && fontSize > MIN_FONT) {
    // too wide for the slide: step the type down (never below the floor) until the columns fit
    return familyTreeLayout(records, { ...opts, fontSize: Math.max(MIN_FONT, fontSize - 0.5) })
  }
  const spare = Math.max(0, -over) / colYears.length
  const columns: TreeColumn[] = []
  let cx = gutter
  colYears.forEach((year, i) => {
    const w = need[i]! + spare
    columns.push({ year, x: cx, width: w })
    cx += w
  })
  const columnOf = (r: ModelRecord) => columns[yearOf(r) - firstYear]!

  // bands: as many rows as the fullest (year, branch) cell; the tallest also makes room below its
  // name for the origin
  const rowsOf = (b: Branch) => Math.max(0, ...colYears.map(y => cells.get(`${y}|${b}`)?.length ?? 0))
  const minRows: Record<Branch, number> = { encoder: 1, encdec: 1, prefix: 1, decoder: 3 }
  const bandRows = branchesShown.map(branch => ({ branch, rows: Math.max(rowsOf(branch), minRows[branch]) }))
  // rows fill the height the slide gives the chart; without one, a fixed gap between pills
  const totalRows = bandRows.reduce((n, b) => n + b.rows, 0)
  const fixed = headerHeight + 4 + bandRows.length * 12 - 4
  const fitted = opts.height && totalRows ? Math.floor((opts.height - fixed) / totalRows) : undefined
  if (fitted !== undefined && fitted < pillHeight + ROW_GAP && fontSize > MIN_FONT) {
    // too many rows for the height: smaller type (never below the floor) makes smaller pills
    return familyTreeLayout(records, { ...opts, fontSize: Math.max(MIN_FONT, fontSize - 0.5) })
  }
  // at the floor the gap between pills may close further, down to MIN_ROW_GAP
  const rowHeight = fitted !== undefined
    ? clamp(fitted, pillHeight + (fontSize > MIN_FONT ? ROW_GAP : MIN_ROW_GAP), pillHeight + 22)
    : pillHeight + 8
  const bands: TreeBand[] = []
  let by = headerHeight + 4
  for (const { branch, rows } of bandRows) {
    const height = rows * rowHeight + 8
    // labels: centred in a one-row band, from the top in a taller one; as many lines as fit
    const lines = BRANCH_LABELS[branch].slice(0, Math.max(1, Math.floor((height - 6) / labelLine)))
    const first = rows === 1
      ? by + height / 2 - ((lines.length - 1) * labelLine) / 2 + MIN_FONT * 0.35
      : by + 6 + MIN_FONT * 0.85
    const labels = lines.map((text, i) => ({ text, x: gutter ? 8 : columns[0]!.x + 8, y: first + i * labelLine, bold: i === 0 }))
    bands.push({ branch, y: by, height, labels })
    by += height + 4
  }
  const height = by - 4

  const nodes = new Map<string, TreeNode>()
  const place = (r: ModelRecord, branch: Branch, x: number, y: number, origin: boolean) => {
    const col = columnOf(r)
    nodes.set(r.id, { id: r.id, name: r.name, architecture: r.architecture, branch, origin, lineageUndisclosed: r.lineageUndisclosed === true, year: col.year, x, y, width: pillWidth(r) })
  }
  // the origin: centred across the bands, or — beside the names — in the tallest band below its name
  for (const r of spanning) {
    const col = columnOf(r)
    if (labelsBesideOrigin) {
      const band = bands.reduce((a, b) => (b.height > a.height ? b : a))
      const freeTop = band.labels[band.labels.length - 1]!.y + MIN_FONT * 0.4
      const y = Math.max(freeTop + pillHeight / 2 + 6, band.y + band.height / 2)
      place(r, branchOf(r, byId), col.x + 8 + pillWidth(r) / 2, y, true)
    }
    else {
      const top = bands[0]?.y ?? 0
      place(r, branchOf(r, byId), col.x + col.width / 2, top + (height - top) / 2, true)
    }
  }

  // rows inside each cell, column by column: in family order (subtrees stay together), each as
  // near its parent's row as that order allows when the parent sits on the same band
  for (const col of columns) {
    for (const band of bands) {
      const rows = Math.floor((band.height - 8) / rowHeight)
      const cell = [...(cells.get(`${col.year}|${band.branch}`) ?? [])]
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      const assigned = assignRows(cell.map((r) => {
        const parent = nodes.get(parentsIn(r, present)[0] ?? '')
        return parent && !parent.origin && parent.branch === band.branch
          ? clamp((parent.y - band.y - 4 - rowHeight / 2) / rowHeight, 0, rows - 1)
          : 0
      }), rows)
      cell.forEach((r, i) => place(r, band.branch, col.x + col.width / 2, band.y + 4 + assigned[i]! * rowHeight + rowHeight / 2, false))
    }
  }

  const edges: TreeEdge[] = familyEdges(shown).map(e => ({
    ...e,
    path: edgePath(nodes.get(e.from)!, nodes.get(e.to)!),
  }))
  return {
    width: opts.width,
    height,
    maxHeight: opts.height,
    fontSize,
    pillHeight,
    gutter,
    headerHeight,
    nodes: shown.map(r => nodes.get(r.id)!),
    edges,
    bands,
    columns,
    architectures: architecturesOf(shown),
  }
}

/**
 * What of a family tree does not fit (see `charts/fit.ts`): a pill outside the canvas, pills that
 * overlap, or bands with so many rows that the tree is taller than the height it was given (named
 * by the models of the fullest year in the tallest band).
 */
export function familyTreeOverflows(layout: FamilyTreeLayout): Overflow[] {
  const out: Overflow[] = []
  const half = layout.pillHeight / 2
  for (const n of layout.nodes) {
    const problem = beyondCanvas('pill', n.x - n.width / 2, n.x + n.width / 2, layout.width)
    if (problem)
      out.push({ models: [n], problem })
  }
  layout.nodes.forEach((a, i) => {
    for (const b of layout.nodes.slice(i + 1)) {
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < 2 * half)
        out.push({ models: [a, b], problem: 'overlap each other' })
    }
  })
  if (layout.maxHeight !== undefined && layout.height > layout.maxHeight + 1e-6) {
    const cells = new Map<string, TreeNode[]>()
    for (const n of layout.nodes.filter(n => !n.origin))
      cells.set(`${n.year} ${n.branch}`, [...(cells.get(`${n.year} ${n.branch}`) ?? []), n])
    const band = layout.bands.reduce((a, b) => (b.height > a.height ? b : a))
    const fullest = [...cells.values()]
      .filter(c => c[0]!.branch === band.branch)
      .reduce((a, b) => (b.length > a.length ? b : a))
    out.push({
      models: fullest,
      problem: `are the ${fullest.length} ${branchArchitecture[band.branch]} models of ${fullest[0]!.year}, one row each: the tree is ${px1(layout.height)} px tall, more than the ${layout.maxHeight} px it has at ${layout.fontSize} px type`,
    })
  }
  return out
}
