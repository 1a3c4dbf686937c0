import { defineVitePluginsSetup } from '@slidev/types'
import { hostedQrPlugin } from './hosted-qr'

// Slidev hands this setup its resolved options: the headmatter of whichever entry is built
// (slides.md, or a test's fixture deck), kept current by Slidev's loader in dev.
export default defineVitePluginsSetup(options => [
  hostedQrPlugin(() => options.data.headmatter.hostedUrl),
])
