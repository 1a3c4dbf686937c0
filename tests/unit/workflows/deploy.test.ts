import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * The GitHub Pages workflow cannot run here (it needs GitHub's runners and a Pages site); what can
 * be checked is that it parses, does what the README says, and builds with the README's command.
 */
const WORKFLOW = '.github/workflows/deploy.yml'
const REPO_NAME = /\$\{\{\s*github\.event\.repository\.name\s*\}\}/g

interface Step { name?: string, uses?: string, run?: string, with?: Record<string, unknown>, env?: Record<string, unknown>, id?: string }

/** What is wrong with the workflow, measured against the README's hosting section. */
function workflowProblems(workflowYaml: string, readme: string): string[] {
  const problems: string[] = []
  let workflow: { on?: Record<string, { branches?: string[] } | null>, jobs?: Record<string, { 'steps'?: Step[], 'permissions'?: Record<string, string>, 'runs-on'?: string }> }
  try {
    workflow = parse(workflowYaml)
  }
  catch (error) {
    return [`${WORKFLOW} does not parse: ${(error as Error).message}`]
  }
  const jobs = Object.values(workflow.jobs ?? {})
  const steps = jobs.flatMap(job => job.steps ?? [])
  const uses = (action: string) => steps.find(step => step.uses?.startsWith(`${action}@`))
  if (!workflow.on?.push?.branches?.includes('main'))
    problems.push(`${WORKFLOW}: does not run on a push to main`)

  const install = steps.find(step => step.run?.trim() === 'npm ci')
  if (!install)
    problems.push(`${WORKFLOW}: no step runs \`npm ci\``)
  else if (String(install.env?.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD) !== '1')
    problems.push(`${WORKFLOW}: \`npm ci\` does not set PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1`)

  // The README writes the repository's name as <repo>; the workflow takes it from the event.
  const builds = steps.filter(step => /\bnpm run build\b/.test(step.run ?? '')).map(step => step.run!.trim().replace(REPO_NAME, '<repo>'))
  const readmeCommands = [...readme.matchAll(/^npm run build -- --base \/<repo>\/$/gm)].map(match => match[0])
  if (builds.length !== 1)
    problems.push(`${WORKFLOW}: ${builds.length} steps run \`npm run build\`, expected 1`)
  else if (!readmeCommands.length)
    problems.push('README.md: the hosting section gives no `npm run build -- --base /<repo>/` line')
  else if (!readmeCommands.includes(builds[0]))
    problems.push(`${WORKFLOW} builds with \`${builds[0]}\`, the README says \`${readmeCommands[0]}\``)

  const upload = uses('actions/upload-pages-artifact')
  if (!upload)
    problems.push(`${WORKFLOW}: no actions/upload-pages-artifact step`)
  else if (String(upload.with?.path).replace(/\/$/, '') !== 'dist')
    problems.push(`${WORKFLOW}: uploads "${upload.with?.path}", not dist/`)
  if (!uses('actions/deploy-pages'))
    problems.push(`${WORKFLOW}: no actions/deploy-pages step`)
  const permissions = jobs.find(job => job.steps?.some(step => step.uses?.startsWith('actions/deploy-pages@')))?.permissions ?? {}
  for (const scope of ['pages', 'id-token']) {
    if (permissions[scope] !== 'write')
      problems.push(`${WORKFLOW}: the deploy job lacks \`${scope}: write\``)
  }
  return problems
}

describe('the GitHub Pages workflow', () => {
  const workflow = readFileSync(WORKFLOW, 'utf8')
  const readme = readFileSync('README.md', 'utf8')

  it('parses, installs without a browser download, builds as the README says and deploys dist/', () => {
    expect(workflowProblems(workflow, readme)).toEqual([])
  })

  it('builds with the package\'s own build script', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.build).toMatch(/scripts\/build\.ts/)
    expect(pkg.scripts.build).not.toMatch(/--no-pdf/)
  })

  // The same check on broken copies: each must be named.
  const same = (text: string) => text
  it.each([
    { broken: 'a build command other than the README\'s', workflow: (w: string) => w.replace(/--base .*$/m, '--base /talks/'), readme: same, expected: /builds with `npm run build -- --base \/talks\/`/ },
    { broken: 'a README without the command', workflow: same, readme: (r: string) => r.replace(/^npm run build -- --base \/<repo>\/$/gm, 'npm run build'), expected: /README.md: .*no `npm run build/ },
    { broken: 'the browser download left on', workflow: (w: string) => w.replace(/^\s+PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD:.*$/m, ''), readme: same, expected: /PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1/ },
    { broken: 'the wrong folder uploaded', workflow: (w: string) => w.replace(/path: dist\b/, 'path: build'), readme: same, expected: /uploads "build"/ },
    { broken: 'a missing permission', workflow: (w: string) => w.replace(/^\s+id-token: write$/m, ''), readme: same, expected: /lacks `id-token: write`/ },
    { broken: 'broken YAML', workflow: (w: string) => w.replace('jobs:', 'jobs: ['), readme: same, expected: /does not parse/ },
  ])('reports $broken', ({ workflow: breakWorkflow, readme: breakReadme, expected }) => {
    expect(workflowProblems(breakWorkflow(workflow), breakReadme(readme)).join('\n')).toMatch(expected)
  })
})
