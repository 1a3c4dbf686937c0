/**
 * Label placement for a time axis: labels packed onto levels above and below the axis so that none
 * overlap and each stays near its point. Used by the timeline (`charts/timeline.ts`).
 */
import { clamp } from './shared'

export interface LabelRequest {
  /** x of the point the label belongs to. */
  anchor: number
  width: number
}

export interface LabelPlacement extends LabelRequest {
  /** Left edge of the label box. */
  left: number
  /** 0, 1, 2, … alternating above / below the axis: even levels above, odd below. */
  level: number
}

export interface PlaceOptions {
  /** Labels stay inside [min, max]. */
  min: number
  max: number
  /** Free space between two labels on one level. */
  gap?: number
  /** How far a label may slide from its centred position to share a nearer level. */
  maxShift?: number
}

/**
 * Packs labels already in anchor order onto one line: each starts centred on its anchor (clamped
 * into [min, max]); overlapping neighbours merge into a block that sits centred on its members'
 * wishes (the classic pool-adjacent-violators pass). Returns left edges; neighbours are ≥ gap apart.
 */
export function packLine(items: readonly LabelRequest[], min: number, max: number, gap: number): number[] {
  interface Block { first: number, last: number, width: number, wishSum: number, left: number }
  const wish = (it: LabelRequest) => clamp(it.anchor - it.width / 2, min, Math.max(min, max - it.width))
  const place = (b: Block) => {
    b.left = clamp(b.wishSum / (b.last - b.first + 1), min, Math.max(min, max - b.width))
  }
  const blocks: Block[] = []
  items.forEach((it, i) => {
    const block: Block = { first: i, last: i, width: it.width, wishSum: wish(it), left: 0 }
    place(block)
    blocks.push(block)
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!
      const a = blocks[blocks.length - 2]!
      if (a.left + a.width + gap <= b.left)
        break
      // merge b into a: b's members' wishes, expressed as wishes for the block's left edge
      let offset = a.width + gap
      for (let j = b.first; j <= b.last; j++) {
        a.wishSum += wish(items[j]!) - offset
        offset += items[j]!.width + gap
      }
      a.last = b.last
      a.width += gap + b.width
      place(a)
      blocks.pop()
    }
  })
  const lefts: number[] = []
  for (const b of blocks) {
    let x = b.left
    for (let j = b.first; j <= b.last; j++) {
      lefts.push(x)
      x += items[j]!.width + gap
    }
  }
  return lefts
}

/**
 * Label placement for a time axis: labels are visited left to right and each takes the nearest
 * level (above 1, below 1, above 2, …) where, after packing that level with `packLine`, no label
 * is more than `maxShift` from its centred position. Labels on one level never overlap, and every
 * label lies inside [min, max] (unless it is wider than that).
 */
export function placeLabels(items: readonly LabelRequest[], opts: PlaceOptions): LabelPlacement[] {
  const { min, max, gap = 8, maxShift = 24 } = opts
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.anchor - items[b]!.anchor || a - b)
  const levels: number[][] = []
  const lefts: number[][] = []
  const ideal = (i: number) => clamp(items[i]!.anchor - items[i]!.width / 2, min, Math.max(min, max - items[i]!.width))
  for (const i of order) {
    for (let level = 0; ; level++) {
      const members = [...(levels[level] ?? []), i]
      const packed = packLine(members.map(j => items[j]!), min, max, gap)
      const fits = (j: number, k: number) =>
        Math.abs(packed[k]! - ideal(j)) <= maxShift && packed[k]! + items[j]!.width <= max + 1e-9
      if (members.length === 1 || members.every(fits)) {
        levels[level] = members
        lefts[level] = packed
        break
      }
    }
  }
  const out: LabelPlacement[] = Array.from({ length: items.length })
  levels.forEach((members, level) => members.forEach((j, k) => {
    out[j] = { ...items[j]!, left: lefts[level]![k]!, level }
  }))
  return out
}

/**
 * Spreads points so neighbours are at least `minGap` apart (same-day releases stay visible): each
 * is pushed right of the one before it. With `bounds`, a run pushed past the right end is pushed
 * back left from it, and points that cannot keep the gap inside the bounds share them evenly, so
 * every point stays inside (and in order).
 */
export function dodge(xs: readonly number[], minGap: number, bounds?: readonly [number, number]): number[] {
  const out = [...xs]
  for (let i = 1; i < out.length; i++)
    out[i] = Math.max(out[i]!, out[i - 1]! + minGap)
  if (!bounds || !out.length)
    return out
  const [lo, hi] = bounds
  const n = out.length
  if ((n - 1) * minGap > hi - lo)
    return out.map((_, i) => (n === 1 ? (lo + hi) / 2 : lo + (i * (hi - lo)) / (n - 1)))
  out[n - 1] = Math.min(out[n - 1]!, hi)
  for (let i = n - 2; i >= 0; i--)
    out[i] = Math.min(out[i]!, out[i + 1]! - minGap)
  out[0] = Math.max(out[0]!, lo)
  for (let i = 1; i < n; i++)
    out[i] = Math.max(out[i]!, out[i - 1]! + minGap)
  return out
}
