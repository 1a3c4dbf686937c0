import type { Link } from './schema'

/** One entry of the reference slides. */
export interface Reference extends Link {
  /** Short label shown before the title: model name or first author + year. */
  label: string
}

/**
 * Works the talk cites that are not a model's paper: takeaways (section 5), the corrections
 * (errata) and background. Model papers come from `data/models.ts`; `referenceList`
 * (`lib/reference-list.ts`) puts both together for the reference slides.
 */
export const extraReferences: Reference[] = [
  { label: 'Wei et al., 2022', title: 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models', url: 'https://arxiv.org/abs/2201.11903' },
  { label: 'Alpaca, 2023', title: 'Alpaca: A Strong, Replicable Instruction-Following Model (Stanford CRFM)', url: 'https://crfm.stanford.edu/2023/03/13/alpaca.html' },
  { label: 'Kandpal et al., 2022', title: 'Large Language Models Struggle to Learn Long-Tail Knowledge', url: 'https://arxiv.org/abs/2211.08411' },
  { label: 'Grinsztajn et al., 2022', title: 'Why do tree-based models still outperform deep learning on tabular data?', url: 'https://arxiv.org/abs/2207.08815' },
  { label: 'Sennrich et al., 2015', title: 'Neural Machine Translation of Rare Words with Subword Units (BPE)', url: 'https://arxiv.org/abs/1508.07909' },
  { label: 'Kudo & Richardson, 2018', title: 'SentencePiece: A simple and language independent subword tokenizer and detokenizer', url: 'https://arxiv.org/abs/1808.06226' },
  { label: 'OpenAI', title: 'What are tokens and how to count them?', url: 'https://help.openai.com/en/articles/4936856-what-are-tokens-and-how-to-count-them' },
  { label: 'Shazeer et al., 2017', title: 'Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', url: 'https://arxiv.org/abs/1701.06538' },
  { label: 'Zhao et al., 2023', title: 'A Survey of Large Language Models', url: 'https://arxiv.org/abs/2303.18223' },
]
