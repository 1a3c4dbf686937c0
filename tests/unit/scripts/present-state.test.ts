import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_CHANNEL, demoDefaults } from '../../../composables/demo-defaults'
import { deckChannels, MAX_DRAWING_CHARS, penDrawingProblem, TalkState } from '../../../scripts/present-state'

const channels = deckChannels('<html><head><title>演讲 &amp; 问答 - Slidev</title></head></html>')
/** What Slidev's pen wrote in a real window: a stroke, a line, an arrow, a rectangle, two ellipses. */
const PEN = readFileSync(resolve(__dirname, '../../fixtures/pen-drawing.svg'), 'utf8').trim()

let clock = 0
const stamped = (value: unknown, n = ++clock, w = 'window') => ({ value, version: { n, w } })
const post = (patches: Record<string, Record<string, unknown>>) => ({ from: 'window', patches })

describe('deckChannels', () => {
  it('names Slidev\'s channels after the built page\'s title, and the demos\' channel', () => {
    expect(channels).toEqual({ shared: '演讲 & 问答 - Slidev - shared', drawings: '演讲 & 问答 - Slidev - drawings', demos: DEMO_CHANNEL })
  })
})

describe('penDrawingProblem', () => {
  it('accepts what the pen draws', () => {
    expect(penDrawingProblem(PEN)).toBeUndefined()
    expect(penDrawingProblem('')).toBeUndefined()
  })

  it.each([
    ['<path d="M0 0" onload="alert(1)"></path>', '<path onload> is not drawn by the pen'],
    ['<image href="x"></image>', '<image> is not drawn by the pen'],
    ['<foreignObject></foreignObject>', 'unexpected markup at character 0'],
    ['<path d="M0 0" fill="url(https://example.com)"></path>', 'not a value the pen writes'],
    ['<path d="M0 0"><img src=x onerror=alert(1)>', 'unexpected markup at character 15'],
    ['<g><path d="M0 0"></path>', '<g> is not closed'],
    ['</g>', '</g> closes nothing'],
    ['<path d=\'M0 0\'></path>', 'unexpected markup'],
    ['<path d="M0 0"></path><!-- x -->', 'unexpected markup'],
    ['text', 'unexpected markup'],
  ])('refuses %s', (svg, problem) => {
    expect(penDrawingProblem(svg)).toContain(problem)
  })

  it('refuses a drawing larger than one slide holds', () => {
    expect(penDrawingProblem(PEN.repeat(Math.ceil(MAX_DRAWING_CHARS / PEN.length) + 1))).toMatch(/longer than/)
  })
})

describe('talkState', () => {
  it('keeps what the deck writes: position, stopwatch, pointer, drawings, every demo\'s starting state', () => {
    const state = new TalkState(channels)
    const result = state.write(post({
      [channels.shared]: {
        page: stamped(3),
        clicks: stamped(1),
        clicksTotal: stamped(2),
        timer: stamped({ status: 'running', slides: { 2: { start: 1, end: 2 } }, startedAt: 1, pausedAt: 0 }),
        cursor: stamped(null),
        lastUpdate: stamped({ id: 'http://127.0.0.1:3030_abcde', type: 'presenter', time: 1 }),
      },
      [channels.drawings]: { 3: stamped(PEN), 4: stamped(null) },
      [channels.demos]: Object.fromEntries(Object.entries(demoDefaults()).map(([key, value]) => [key, stamped(value)])),
    }))
    expect(result).not.toHaveProperty('refused')
    expect(state.values()[channels.shared]!.page).toBe(3)
    expect(state.values()[channels.demos]).toEqual(demoDefaults())
  })

  it('changes nothing for a write older than the one it holds (sent before it, arrived after it)', () => {
    const state = new TalkState(channels)
    state.write(post({ [channels.shared]: { page: stamped(5, 10, 'a') } }))
    expect(state.write(post({ [channels.shared]: { page: stamped(4, 9, 'b') } }))).toEqual({ accepted: {} })
    expect(state.write(post({ [channels.shared]: { page: stamped(6, 10, 'b') } }))).toEqual({ accepted: { [channels.shared]: { page: stamped(6, 10, 'b') } } })
    expect(state.values()[channels.shared]!.page).toBe(6)
  })

  it.each([
    ['an unknown channel', { 'another deck - shared': { page: stamped(1) } }, 'unknown channel'],
    ['an unknown key', { [channels.shared]: { script: stamped('x') } }, 'Unrecognized key'],
    ['a position that is not a number', { [channels.shared]: { page: stamped('2') } }, 'page'],
    ['a value without its version', { [channels.shared]: { page: 2 } }, 'expected object'],
    ['a drawing the pen cannot make', { [channels.drawings]: { 2: stamped('<image href="x"></image>') } }, 'not what the pen draws'],
    ['a drawing for no slide', { [channels.drawings]: { x: stamped(PEN) } }, 'Invalid key'],
    ['a demo state of another shape', { [channels.demos]: { scaling: stamped({ log10Compute: 23, extra: 1 }) } }, 'Unrecognized key'],
  ])('refuses %s whole, naming it, and keeps nothing of it', (_, patches, reason) => {
    const state = new TalkState(channels)
    const result = state.write(post({ [channels.shared]: { clicks: stamped(1) }, ...patches }))
    expect(result).toHaveProperty('refused')
    expect((result as { refused: string }).refused).toContain(reason)
    expect(state.values()[channels.shared]).toEqual({})
  })

  it('refuses `__proto__` as a channel or a key, and no prototype changes', () => {
    const state = new TalkState(channels)
    for (const body of [
      '{"from":"w","patches":{"__proto__":{"polluted":{"value":1,"version":{"n":1,"w":"w"}}}}}',
      `{"from":"w","patches":{${JSON.stringify(channels.shared)}:{"__proto__":{"value":{"polluted":1},"version":{"n":1,"w":"w"}}}}}`,
      `{"from":"w","patches":{${JSON.stringify(channels.drawings)}:{"__proto__":{"value":"","version":{"n":1,"w":"w"}}}}}`,
    ])
      expect(state.write(JSON.parse(body))).toHaveProperty('refused')
    expect('polluted' in ({} as Record<string, unknown>)).toBe(false)
    expect(state.snapshot()).toEqual({ [channels.shared]: {}, [channels.drawings]: {}, [channels.demos]: {} })
  })
})
