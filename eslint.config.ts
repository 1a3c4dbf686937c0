import antfu from '@antfu/eslint-config'

// Anthony Fu's config: the one Slidev itself and its starter use (Vue, TypeScript, Markdown).
export default antfu({
  vue: true,
  typescript: true,
  // Slide Markdown is Slidev's dialect (frontmatter separators, <!-- notes -->): not linted as prose.
  markdown: false,
  rules: {
    // Functions passed to Playwright's page.evaluate run in the browser and cannot see module
    // scope, and the deck's regexes are not hot: hoisting every literal buys nothing here.
    'e18e/prefer-static-regex': 'off',
  },
  // model/*.json: the tiny model's training outputs, written by model/train.py (PyTorch's JSON, large);
  // data/generated/: files the scripts write (scripts/tokenizer-snapshot.ts, scripts/tiny-gpt-snapshot.ts), checked by tests, not by hand.
  ignores: ['dist', '.work', 'shots', 'dist-*', 'exports', 'bench/results', 'bench/.work', 'components.d.ts', '**/*.md', 'model/*.json', 'data/generated'],
}).append({
  // Browser tests run on node's own test runner (one build, sequential, TAP output), not Vitest.
  files: ['tests/browser/**/*.ts', 'tests/slow/**/*.ts'],
  rules: { 'test/no-import-node-test': 'off' },
})
