// Slidev imports Mermaid's ESM bundle by this path; setup/mermaid-renderer.ts imports the same
// file (one copy of Mermaid in the build), typed as the package's main entry.
declare module 'mermaid/dist/mermaid.esm.mjs' {
  import mermaid from 'mermaid'

  export default mermaid
}
