/**
 * Which models each outline section presents, in the order it presents them: the one list that
 * the section grids (`<ModelGrid section="4.4" />`), the timeline (`<ModelTimeline section="3" />`)
 * and the tests read. Section 3 is the outline's chronology; 4.1–4.7 follow the outline's company
 * grouping (the empty 4.3.1 and 4.5.1 filled in). A model in no list (the Transformer, GPT-J) is
 * drawn only where every model is: the family tree, the all-models timeline and scale chart, and
 * the backup reference table.
 */
// Quoted keys: as a number key, a section "4.10" would read as 4.1.
/* eslint-disable style/quote-props */
export const sections = {
  '3': ['bert', 'gpt-2', 'megatron-lm', 't5', 'gpt-3', 'jurassic-1', 'mt-nlg', 'gopher', 'chinchilla', 'palm', 'opt-175b', 'glm-130b'],
  '4.1': ['t5', 'lamda', 'flan', 'glam', 'palm', 'palm-e'],
  '4.2': ['opt-175b', 'self-instruct', 'llama', 'colossalchat', 'dolly'],
  '4.3': ['gpt', 'gpt-2', 'gpt-3', 'instructgpt', 'chatgpt', 'gpt-4'],
  '4.4': ['glm', 'glm-130b', 'chatglm-6b'],
  '4.5': ['gopher', 'chinchilla'],
  '4.6': ['visual-chatgpt', 'kosmos-1'],
  '4.7': ['mt-nlg', 'bloom'],
} as const satisfies Record<string, readonly string[]>
/* eslint-enable style/quote-props */

/**
 * Hand-picked lists of charts that show more than one section and less than every model, by name:
 * `<ScaleChart list="recap" />`. `recap` is the scale recap closing section 4 (回顾：参数规模): the
 * large models sections 4.1–4.7 presented, plus the small open ones (LLaMA, ChatGLM-6B, Dolly) that
 * show the turn from ever larger models to smaller ones trained on more data. Every model's scale is
 * on the two backup charts (`<ScaleChart :min-params="1e11" />`, `:max-params`).
 */
export const chartLists = {
  recap: ['gpt-3', 'mt-nlg', 'gopher', 'glam', 'chinchilla', 'palm', 'opt-175b', 'glm-130b', 'bloom', 'llama', 'chatglm-6b', 'dolly', 'gpt-4'],
} as const satisfies Record<string, readonly string[]>

/** A named chart list: "recap". */
export type ChartList = keyof typeof chartLists

/** An outline section that presents models: "3" (the chronology) or "4.1" … "4.7" (by company). */
export type OutlineSection = keyof typeof sections

/** The section list's shape, for a copy with an extra entry (tests). */
export type SectionList = Readonly<Record<OutlineSection, readonly string[]>>

export const OUTLINE_SECTIONS = Object.keys(sections) as OutlineSection[]
