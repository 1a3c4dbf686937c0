import type {} from '@slidev/types' // types the `slidev` key below
import { defineConfig } from 'vite'
import { demoDefaults } from './composables/demo-defaults.ts'

export default defineConfig({
  server: {
    // Builds, exports and benchmark runs write inside the repo; the dev server must not reload on them.
    watch: { ignored: ['**/dist/**', '**/.work/**', '**/exports/**', '**/bench/.work/**', '**/bench/results/**'] },
  },
  slidev: {
    // The dev server's copy of the live demos' shared state (composables/demo-state.ts).
    serverRef: { state: { demos: demoDefaults() } },
  },
})
