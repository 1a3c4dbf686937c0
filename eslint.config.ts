import antfu from '@antfu/eslint-config'

// Anthony Fu's config: the one Slidev itself and its starter use (Vue, TypeScript, Markdown).
export default antfu({
  vue: true,
  typescript: true,
  // Slide Markdown is Slidev's dialect (frontmatter separators, <!-- notes -->): not linted as prose.
  markdown: false,
  ignores: ['dist', 'dist-*', 'exports', 'bench/results', 'bench/.work', 'components.d.ts', '**/*.md'],
})
