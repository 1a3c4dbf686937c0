/**
 * 「大模型就是两个文件」: the weight file of the deck's tiny GPT (its real size) against what the
 * weights of the deck's real models take at two bytes a parameter (float16, as the tiny model's
 * file stores them), from the records' largest sizes, on one log axis.
 */
import type { ModelRecord, Weights } from '../data/schema'
import { scaleLog } from 'd3-scale'
import { largestSize } from '../lib/format'
import { requireModels } from '../lib/records'

/** float16: two bytes per parameter. */
export const BYTES_PER_PARAMETER = 2

export interface WeightFile {
  key: string
  name: string
  parameters: number
  bytes: number
  /** True for a size worked out from the parameter count (no file of ours to measure). */
  estimated: boolean
  weights?: Weights
}

/** The tiny model's file as measured, then each record's largest size × 2 bytes. */
export function weightFiles(records: readonly ModelRecord[], ids: readonly string[], tiny: { parameters: number, bytes: number }): WeightFile[] {
  const big = requireModels(records, ids).map((record) => {
    const size = largestSize(record.params)
    if (!size)
      throw new Error(`weightFiles: "${record.id}" has no published size`)
    return { key: record.id, name: `${record.name} ${size.label ?? ''}`.trim(), parameters: size.total, bytes: size.total * BYTES_PER_PARAMETER, estimated: true, weights: record.weights }
  })
  return [{ key: 'tiny-gpt', name: '', parameters: tiny.parameters, bytes: tiny.bytes, estimated: false }, ...big]
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** Decimal units, as disks count: 2,659,424 → "2.7 MB", 1.304e11 → "130 GB", 3.5e11 → "350 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0)
    throw new RangeError(`formatBytes: ${bytes}`)
  let unit = 0
  let value = bytes
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  const digits = value >= 100 ? 3 : 2
  return `${new Intl.NumberFormat('en', { maximumSignificantDigits: digits }).format(value)} ${UNITS[unit]}`
}

/** How many times larger, rounded for speech: 49,030 → "约 5 万", 131,608 → "约 13 万", 480 → "约 480". */
export function timesText(ratio: number): string {
  if (ratio >= 1e4)
    return `约 ${Math.round(ratio / 1e4)} 万`
  return `约 ${new Intl.NumberFormat('en', { maximumSignificantDigits: 2 }).format(ratio)}`
}

export interface FileBar extends WeightFile {
  width: number
  label: string
}

export interface TwoFilesLayout {
  bars: FileBar[]
  /** Ticks along the axis: 1 MB, 1 GB, 1 TB (every decade marked, these labelled). */
  ticks: { x: number, label?: string }[]
  width: number
}

/** Bars on a log axis from 1 MB to 1 TB over `width` px. */
export function twoFilesLayout(files: readonly WeightFile[], width: number): TwoFilesLayout {
  const x = scaleLog().domain([1e6, 1e12]).range([0, width]).clamp(true)
  const ticks = Array.from({ length: 7 }, (_, k) => 10 ** (6 + k)).map(v => ({ x: x(v), label: [1e6, 1e9, 1e12].includes(v) ? formatBytes(v) : undefined }))
  // A bar starts at the axis' 1 MB: even the tiny file shows as a sliver, not nothing.
  const bars = files.map(f => ({ ...f, width: Math.max(4, x(f.bytes)), label: formatBytes(f.bytes) }))
  return { bars, ticks, width }
}
