// Fonts are self-hosted from npm packages so the deck renders identically offline.
// Noto Sans SC ships as unicode-range slices: the browser fetches only the slices a slide uses.
import '@fontsource-variable/inter'
import '@fontsource-variable/noto-sans-sc'
import '@fontsource-variable/jetbrains-mono'
import './main.css'
import './notes.css'
