import { defineVitePluginsSetup } from '@slidev/types'
import { hostedQrPlugin } from './hosted-qr'

// Slidev hands this setup its resolved options: the headmatter of whichever entry is built
// (slides.md, or a test's fixture deck), kept current by Slidev's loader in dev.
export default defineVitePluginsSetup(options => [
  hostedQrPlugin(() => options.data.headmatter.hostedUrl),
  // Slidev builds its print pages (/print, /presenter/print) only when it also exports its own,
  // untagged PDF (`--download`); the deck prints its tagged PDF and notes handout from them itself.
  { name: 'deck:print-pages', config: () => options.mode === 'build' ? { define: { __SLIDEV_FEATURE_PRINT__: 'true' } } : undefined },
])
