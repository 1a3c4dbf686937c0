/**
 * The talk's sections as the agenda lists them. `alias` is the `routeAlias` set in the
 * frontmatter of that section's section slide (pages/*.md), so `<Link to="intro">` jumps there.
 */
export interface AgendaItem {
  /** Outline number, e.g. "2". */
  no: string
  title: string
  /** One-line summary under the title. */
  summary: string
  /** `routeAlias` of the section slide. */
  alias: string
  /** The page file whose first slide carries the alias. */
  page: string
}

export const agenda: AgendaItem[] = [
  { no: '1', title: '简介', summary: '为什么有这次分享', alias: 'intro', page: 'pages/01-intro.md' },
  { no: '2', title: 'Transformer', summary: '结构与三大变种：BERT、GPT、T5 / GLM', alias: 'transformer', page: 'pages/02-transformer.md' },
  { no: '3', title: '模型变迁', summary: '从 BERT 到 GLM-130B 的时间线', alias: 'history', page: 'pages/03-history.md' },
  { no: '4', title: '主流大模型', summary: 'Google、Meta、OpenAI、清华……', alias: 'models', page: 'pages/04-overview.md' },
  { no: '5', title: '收获总结', summary: 'few-shot、思维链、token、MoE……', alias: 'takeaways', page: 'pages/05-takeaways.md' },
  { no: '6', title: '其它想法', summary: '多模态大模型与结语', alias: 'outlook', page: 'pages/06-outlook.md' },
]

/** Not a numbered section: the backup part after the closing slide (code, diagrams, model reference, references, errata). */
export const backup: AgendaItem = { no: '', title: '备用', summary: '代码 · 图解 · 模型资料 · 参考文献', alias: 'backup', page: 'pages/99-backup.md' }
