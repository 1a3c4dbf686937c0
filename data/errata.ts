/** A correction that concerns no single model (errata slide groups them by topic). */
export interface GeneralCorrection {
  /** Short Chinese label of what the claim is about. */
  topic: string
  /** What the outline says (Chinese, the outline's wording). */
  outline: string
  /** The correct fact (Chinese). */
  fact: string
  /** Citation for the fact. */
  source: string
}

/**
 * Corrections to the outline that concern no single model. Model-specific corrections live on
 * each `ModelRecord`; `errataRows` (`lib/errata-pages.ts`) lists both for the errata slides.
 * `outline` keeps the outline's wording, `fact` follows the corrected row of `outline/errata.md`.
 */
export const generalCorrections: GeneralCorrection[] = [
  {
    topic: 'Transformer 解码器',
    outline: '在 Decoder 中像 RNN 一样一个一个词输入',
    fact: '只有推理时才逐词生成；训练时在因果掩码下所有位置并行计算（teacher forcing）',
    source: 'Vaswani 等《Attention Is All You Need》arXiv:1706.03762',
  },
  {
    topic: 'BERT 的规模',
    outline: '一般只能在 fine-tune 后才能在下游任务中使用……模型也不能做得太大',
    fact: '原版 BERT 最大 340M，但 Megatron-LM 调整 LayerNorm 的位置后训练出 3.9B 的 BERT 式模型，效果随规模继续提升',
    source: 'Shoeybi 等《Megatron-LM》arXiv:1909.08053',
  },
  {
    topic: '大模型的定义',
    outline: '一般称参数大于 100B 的语言模型为大语言模型',
    fact: '没有公认的参数门槛；通常指千亿级（数千亿或更多）参数的模型，与大纲相近；综述的模型表也收录了 10B 起的模型',
    source: 'Zhao 等《A Survey of Large Language Models》2023，arXiv:2303.18223，摘要与第 3 节',
  },
  {
    topic: 'Google 是否开源',
    outline: 'Google 的几篇文章……且基本都是开源的',
    fact: '只有 T5 公开了权重；LaMDA、FLAN、GLaM、PaLM、PaLM-E 的权重都未公开',
    source: '各模型论文',
  },
  {
    topic: 'Meta 一节的归属',
    outline: '本部分除了 Meta 公司的研究，还介绍了两个 LLaMA 的衍生产品',
    fact: '一节中有三项不是 Meta 的工作（Self-Instruct、ColossalChat、Dolly），其中 Dolly 并不基于 LLaMA',
    source: 'Self-Instruct 论文；ColossalAI applications/Chat README；Databricks 博客《Hello Dolly》',
  },
  {
    topic: 'token 的含义',
    outline: '如果训练数据包含 100 万个单词和标点符号，则 token 数为 100 万',
    fact: 'token 是子词单位（BPE / SentencePiece 切分），不等于单词；英文里大约 1 个 token ≈ ¾ 个单词',
    source: 'OpenAI 帮助中心《What are tokens and how to count them?》',
  },
]
