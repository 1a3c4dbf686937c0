import type { UserConfig } from 'unocss'
import { alert, compareBars, diagramRoles, ink, neutral, paper, primary, tokenHues, weightsTone } from './data/palette'

/**
 * The deck's UnoCSS additions. Slidev 52 loads a `uno.config.ts` at the deck's root and merges it
 * over its own config (`mergeConfigs` over @slidev/client/uno.config.ts, in its node/setups/unocss.ts),
 * so this file holds only what the deck adds: the palette (data/palette.ts) as theme colours, which
 * the pages, components and `theme()` in CSS use, and shortcuts for class groups that repeat.
 */
const roles = Object.fromEntries(Object.entries(diagramRoles).map(([role, { fill, stroke }]) => [role, { fill, stroke }]))

export default {
  theme: {
    colors: {
      // `theme('colors.primary.light')` in styles/main.css sets Slidev's --slidev-theme-primary;
      // classes keep Slidev's own `text-primary` / `bg-primary` / `border-primary`, which read it
      primary: { ...primary },
      ink,
      paper: { DEFAULT: paper.light, dark: paper.dark, ink: paper.darkInk },
      ...neutral,
      alert: { ...alert },
      compare: { ...compareBars },
      // token chips in turn: `theme('colors.hue.0')` …
      hue: { ...tokenHues },
      // diagram roles: `bg-enc-fill`, `border-dec-stroke`, …
      ...roles,
    },
  },
  shortcuts: [
    {
      // a box in a role's pale fill with dark text, in both colour schemes: `role-llm`
      ...Object.fromEntries(Object.keys(diagramRoles).map(role => [`role-${role}`, `bg-${role}-fill text-ink`])),
      // halos and hollow marks in the slide's own background
      'paper-fill': 'fill-paper dark:fill-paper-dark',
      'paper-stroke': 'stroke-paper dark:stroke-paper-dark',
      // a card on the slide: a light veil in light mode, a faint lift in dark
      'card-surface': 'bg-paper/70 dark:bg-paper/5',
      // the live demos' buttons (sampling, scaling): one look, one keyboard focus ring (in the
      // primary of the current colour scheme: Slidev's `*-primary` classes are rules, not a colour)
      'demo-button': 'whitespace-nowrap border border-muted/70 rounded px-2.5 py-0.5 text-base focus-visible:outline-2 focus-visible:outline-[var(--slidev-theme-primary)] focus-visible:outline-offset-2',
      'demo-button-primary': 'demo-button border-primary bg-primary text-paper dark:text-paper-dark',
      'alert-box': 'border-2 border-alert-border bg-alert-fill text-alert-text dark:bg-alert-darkFill/60 dark:text-alert-darkText',
      ...Object.fromEntries(Object.entries(weightsTone).map(([weights, tone]) => [
        `weights-${weights}`,
        `border-[${tone.border}] text-[${tone.text}] dark:border-[${tone.darkBorder}] dark:text-[${tone.darkText}]`,
      ])),
    },
  ],
} satisfies UserConfig
