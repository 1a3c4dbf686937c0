import type {} from '@slidev/types' // types the `slidev` key below
import { defineConfig } from 'vite'
import { demoDefaults } from './composables/demo-defaults.ts'

export default defineConfig({
  optimizeDeps: {
    // Vite's scan starts from Slidev's entry and misses what the deck's own components import; met
    // later, each package made a fresh dev server re-bundle and reload every window mid-talk (at
    // slide 24 on a cold cache). Scanning the components too bundles them before the first page.
    entries: ['components/**/*.vue', 'composables/**/*.ts'],
  },
  server: {
    // Builds, exports and benchmark runs write inside the repo; the dev server must not reload on them.
    watch: { ignored: ['**/dist/**', '**/.work/**', '**/exports/**', '**/bench/.work/**', '**/bench/results/**'] },
  },
  slidev: {
    // The dev server's copy of the live demos' shared state (composables/demo-state.ts).
    serverRef: { state: { demos: demoDefaults() } },
  },
})
