import type { TinyGptSnapshot } from '../lib/generation'
import snapshot from '../data/generated/tiny-gpt-snapshot.json'

/** The tiny GPT demos' default states, computed by scripts/tiny-gpt-snapshot.ts from the committed weights. */
export const TINY_GPT_SNAPSHOT = snapshot as TinyGptSnapshot
