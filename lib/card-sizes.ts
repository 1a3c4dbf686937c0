/**
 * Type sizes of the full model card (components/ModelCard.vue), in px on the 980 × 552 canvas.
 * The card takes the height left on its slide and its facts the largest of FACT_SIZES at which they
 * still fit (composables/fit-text.ts).
 */
export const FACT_SIZES = [32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18] as const

/** At half the slide's width (two cards side by side) larger type leaves a few words a line. */
export const HALF_WIDTH_MAX = 26

/** Below this card width the card is a half-width one. */
export const HALF_WIDTH = 560
