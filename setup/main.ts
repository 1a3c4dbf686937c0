import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'

/**
 * The presenter view's first-run layout, for a talk spoken from its notes: Slidev's default notes
 * panel (360×280 px at 16 px) shows about 130 characters, so most notes would need scrolling on
 * stage. On a speaker's first visit (nothing stored yet) the notes panel starts wide and tall
 * beside the current slide (layout 1), with the next-slide preview above it. Whatever the speaker resizes
 * afterwards is kept: Slidev stores these keys itself.
 */
const PRESENTER_DEFAULTS: Record<string, string> = {
  'slidev-presenter-notes-width': '560',
  'slidev-presenter-notes-row-size': '620',
}

export default defineAppSetup(() => {
  // A build with its PDF (scripts/build.ts) offers it behind Slidev's download button, at the
  // build's base, so the button works from /presenter/… and under a sub-path alike.
  const pdf = import.meta.env.VITE_DECK_PDF as string | undefined
  if (pdf)
    configs.download = `${import.meta.env.BASE_URL}${pdf}`
  if (typeof localStorage === 'undefined')
    return
  for (const [key, value] of Object.entries(PRESENTER_DEFAULTS)) {
    if (localStorage.getItem(key) === null)
      localStorage.setItem(key, value)
  }
})
