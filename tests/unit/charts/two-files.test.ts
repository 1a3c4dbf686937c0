import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { BYTES_PER_PARAMETER, formatBytes, timesText, twoFilesLayout, weightFiles } from '../../../charts/two-files'
import TwoFiles from '../../../components/TwoFiles.vue'
import { TINY_GPT_LINES } from '../../../composables/tiny-gpt-code'
import { models } from '../../../data/models'

const root = resolve(__dirname, '../../..')
const tiny = { parameters: 1_313_792, bytes: statSync(resolve(root, 'model/tiny-gpt.bin')).size }

describe('「大模型就是两个文件」', () => {
  it('sizes the real models\' weights from the records: largest size × 2 bytes', () => {
    const [ours, llama, gpt3] = weightFiles(models, ['llama', 'gpt-3'], tiny)
    expect(ours).toMatchObject({ key: 'tiny-gpt', bytes: tiny.bytes, estimated: false })
    const largest = (id: string) => Math.max(...models.find(m => m.id === id)!.params.map(p => p.total))
    expect(llama).toMatchObject({ name: 'LLaMA 65B', bytes: largest('llama') * BYTES_PER_PARAMETER, estimated: true, weights: 'on-request' })
    expect(gpt3).toMatchObject({ name: 'GPT-3 175B', bytes: largest('gpt-3') * BYTES_PER_PARAMETER, weights: 'closed' })
    expect([ours, llama, gpt3].map(f => formatBytes(f!.bytes))).toEqual(['2.7 MB', '130 GB', '350 GB'])
    expect(() => weightFiles(models, ['no-such-model'], tiny)).toThrow(/no-such-model/)
  })

  it('prints decimal sizes and ratios as spoken', () => {
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(1e6)).toBe('1 MB')
    expect(formatBytes(1e12)).toBe('1 TB')
    expect(timesText(130.4e9 / tiny.bytes)).toBe('约 5 万')
    expect(timesText(350e9 / tiny.bytes)).toBe('约 13 万')
    expect(timesText(480)).toBe('约 480')
    expect(() => formatBytes(-1)).toThrow()
  })

  it('draws the bars on one log axis from 1 MB to 1 TB: equal ratios, equal lengths', () => {
    const layout = twoFilesLayout(weightFiles(models, ['llama', 'gpt-3'], tiny), 600)
    expect(layout.ticks.map(t => t.label).filter(Boolean)).toEqual(['1 MB', '1 GB', '1 TB'])
    const widths = layout.bars.map(b => b.width)
    expect([...widths].sort((a, b) => a - b)).toEqual(widths)
    expect(widths.every(w => w > 0 && w <= 600)).toBe(true)
    const at = (bytes: number) => twoFilesLayout([{ key: 'x', name: '', parameters: 0, bytes, estimated: false }], 600).bars[0]!.width
    expect(at(1e9) - at(1e8)).toBeCloseTo(at(1e11) - at(1e10))
  })

  it('counts the code\'s lines from the source, and shows them with the sizes', () => {
    const lines = readFileSync(resolve(root, 'snippets/tiny-gpt.ts'), 'utf8').trimEnd().split('\n').length
    expect(TINY_GPT_LINES).toBe(lines)
    const wrapper = mount(TwoFiles)
    expect(wrapper.attributes('data-lines')).toBe(String(lines))
    expect(wrapper.find('[data-role="lines"]').text()).toBe(`${lines} 行`)
    expect(wrapper.findAll('[data-role="size"]').map(s => s.text())).toEqual(['2.7 MB', '130 GB', '350 GB'])
    expect(wrapper.text()).toContain('131 万参数')
    expect(wrapper.text()).toContain('652 亿参数')
  })
})
