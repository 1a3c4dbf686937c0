import type { LoadedModel } from '../snippets/tiny-gpt-weights'
import { markRaw } from 'vue'
import weightsUrl from '../model/tiny-gpt.bin?url'
import { parseWeights } from '../snippets/tiny-gpt-weights'

/**
 * The tiny GPT's weights for the live demos (generation, attention): one file of 2.7 MB, fetched
 * only when a demo's slide or its neighbour is shown (the slide before prefetches it), parsed and
 * checked once, shared by every demo in the window. A failed load (missing, corrupt) is reported
 * to the demo, which says so on its slide, and may be retried by the next call.
 */
let loading: Promise<LoadedModel> | undefined
let ready: LoadedModel | undefined

/** The model if some earlier call has finished loading it, without loading anything (overview, print). */
export function loadedTinyGpt(): LoadedModel | undefined {
  return ready
}

async function fetchWeights(): Promise<LoadedModel> {
  const response = await fetch(weightsUrl)
  if (!response.ok)
    throw new Error(`tiny-gpt weights: HTTP ${response.status} for the weight file`)
  // Vue must never wrap the model in a reactive proxy: every weight read would go through it.
  return markRaw(parseWeights(await response.arrayBuffer()))
}

export function loadTinyGpt(): Promise<LoadedModel> {
  if (!loading) {
    loading = fetchWeights()
    loading.then(model => ready = model, () => loading = undefined)
  }
  return loading
}
