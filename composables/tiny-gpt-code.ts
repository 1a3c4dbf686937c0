import code from '../snippets/tiny-gpt.ts?raw'

/** Lines of the tiny GPT's forward pass and generation code (comments and blank lines included), counted when the deck is built. */
export const TINY_GPT_LINES = code.trimEnd().split('\n').length
