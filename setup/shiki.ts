import { defineShikiSetup } from '@slidev/types'

// GitHub's themes instead of Slidev's default Vitesse: Vitesse greys punctuation and comments
// below a 3:1 contrast, which a projector washes out; GitHub's stay readable from the back row.
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light',
    dark: 'github-dark',
  },
}))
