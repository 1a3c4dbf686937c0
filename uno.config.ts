import type { UserConfig } from 'unocss'
import { alert, compareBars, diagramRoles, ink, neutral, paper, primary, tokenHues, weightsTone } from './data/palette'

/**
 * The deck's UnoCSS additions. Slidev 52 loads a `uno.config.ts` at the deck's root and merges it
 * over its own config (`mergeConfigs` over @slidev/client/uno.config.ts, in its node/setups/unocss.ts),
 * so this file holds only what the deck adds: the palette (data/palette.ts) as theme colours, which
 * the pages, components and `theme()` in CSS use, and shortcuts for class groups that repeat.
 */
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
      ...diagramRoles,
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
      // the live demos' keyboard focus ring, on their buttons, sliders and text field (in the primary
      // of the current colour scheme: Slidev's `*-primary` classes are rules, not a colour)
      'demo-focus': 'focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-[var(--slidev-theme-primary)] focus-visible:outline-offset-2',
      // the live demos' buttons and sliders (sampling, scaling): one look
      'demo-button': 'whitespace-nowrap border border-muted/70 rounded px-2.5 py-0.5 text-base demo-focus',
      'demo-slider': 'w-full accent-[var(--slidev-theme-primary)] demo-focus',
      'demo-button-primary': 'demo-button border-primary bg-primary text-paper dark:text-paper-dark',
      // a pill on the model cards (architecture, weights); the compact card's weights badge is smaller
      'badge': 'inline-flex items-center whitespace-nowrap border-1.5 rounded-full px-2.5 py-0.5 text-base font-600 leading-tight',
      // the paged backup tables (errata, model reference, references): a cell and the page number
      'backup-cell': 'border-b border-rule/30 text-left align-top',
      'page-number': 'text-right text-sm opacity-60',
      'alert-box': 'border-2 border-alert-border bg-alert-fill text-alert-text dark:bg-alert-darkFill/60 dark:text-alert-darkText',
      ...Object.fromEntries(Object.entries(weightsTone).map(([weights, tone]) => [
        `weights-${weights}`,
        `border-[${tone.border}] text-[${tone.text}] dark:border-[${tone.darkBorder}] dark:text-[${tone.darkText}]`,
      ])),
    },
  ],
} satisfies UserConfig
