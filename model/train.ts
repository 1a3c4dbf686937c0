import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { forward } from '../snippets/tiny-gpt'
import { encode, parseWeights } from '../snippets/tiny-gpt-weights'
import { prepareCorpus } from './prepare-corpus'

/**
 * `npm run model:train`: prepares the pinned corpus (model/prepare-corpus.ts), trains with
 * PyTorch (model/train.py) into model/, then reads the exported weights back with the deck's own
 * TypeScript and checks its logits against PyTorch's.
 *
 * `npm run model:train -- --smoke`: the same pipeline, a few steps on a slice of the corpus, into a
 * temporary folder (deleted when the check passes); the committed weights are never touched.
 *
 * `npm run model:train -- --reference-only`: no training; PyTorch recomputes
 * model/reference-logits.json from the committed model/tiny-gpt.bin (after changing its prompts).
 *
 * PYTHON overrides the interpreter (default /usr/bin/python3: Debian's, which has python3-torch).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const smoke = process.argv.includes('--smoke')
const referenceOnly = process.argv.includes('--reference-only')
const started = Date.now()

/** The export read the way the deck reads it must give PyTorch's logits (within 1e-3). */
export function checkExport(dir: string): number {
  const { model, vocab } = parseWeights(new Uint8Array(readFileSync(join(dir, 'tiny-gpt.bin'))).buffer)
  const reference = JSON.parse(readFileSync(join(dir, 'reference-logits.json'), 'utf8')) as { cases: { prompt: string, ids: number[], lastLogits: number[] }[] }
  let worst = 0
  for (const { prompt, ids, lastLogits } of reference.cases) {
    const encoded = encode(prompt, vocab, model.config.contextLength).ids
    if (encoded.join() !== ids.join())
      throw new Error(`prompt ${JSON.stringify(prompt)}: TypeScript reads ids ${encoded.join()}, PyTorch ${ids.join()}`)
    const { logits } = forward(model, ids)
    lastLogits.forEach((l, i) => worst = Math.max(worst, Math.abs(l - logits[i]!)))
  }
  if (!(worst < 1e-3))
    throw new Error(`TypeScript logits differ from PyTorch's by up to ${worst}`)
  return worst
}

const out = smoke ? mkdtempSync(join(tmpdir(), 'tiny-gpt-smoke-')) : join(root, 'model')
const python = process.env.PYTHON ?? '/usr/bin/python3'
const args = [join(root, 'model', 'train.py'), '--out', out, ...(referenceOnly
  ? ['--reference-only']
  : ['--data', prepareCorpus().dir, '--started-at', String(started / 1000), ...(smoke ? ['--smoke'] : [])])]
const run = spawnSync(python, args, { stdio: 'inherit' })
if (run.status !== 0)
  throw new Error(`${python} model/train.py failed (${run.error?.message ?? `exit status ${run.status}`})`)
const worst = checkExport(out)
process.stdout.write(`TypeScript reads ${out}/tiny-gpt.bin: logits within ${worst.toExponential(1)} of PyTorch's; ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`)
if (smoke)
  rmSync(out, { recursive: true })
