import { defineConfig } from 'vite'

export default defineConfig({
  server: {
    // Builds, exports and benchmark runs write inside the repo; the dev server must not reload on them.
    watch: { ignored: ['**/dist/**', '**/.work/**', '**/exports/**', '**/bench/.work/**', '**/bench/results/**'] },
  },
})
