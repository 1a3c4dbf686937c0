import type { Ref } from 'vue'
import { onBeforeUnmount, onMounted, ref } from 'vue'

/**
 * The largest font size (px) from `sizes` (largest first) at which `box`'s content fits its height:
 * for a block that takes the height left on a slide and should fill it with type as large as its
 * text allows. Re-measures when the box resizes and when the web fonts arrive. Where nothing is laid
 * out (unit tests, no ResizeObserver) it stays at the first size.
 */
export function useFitText(box: Ref<HTMLElement | undefined>, sizes: () => readonly number[]): Ref<number> {
  const size = ref(sizes()[0]!)
  let observer: ResizeObserver | undefined

  /** Overflows at this size? Sets the size and reads the layout back (a synchronous reflow). */
  function overflows(el: HTMLElement, px: number): boolean {
    el.style.setProperty('--fit-size', `${px}px`)
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1
  }

  function fit() {
    const el = box.value
    if (!el || el.clientHeight === 0)
      return
    const candidates = sizes()
    const chosen = candidates.find(px => !overflows(el, px)) ?? candidates[candidates.length - 1]!
    el.style.setProperty('--fit-size', `${chosen}px`)
    size.value = chosen
  }

  onMounted(() => {
    // no box: the component rendered a variant without one (a compact card)
    if (typeof ResizeObserver === 'undefined' || !box.value)
      return
    observer = new ResizeObserver(() => fit())
    observer.observe(box.value)
    document.fonts?.ready.then(fit)
    fit()
  })
  onBeforeUnmount(() => observer?.disconnect())
  return size
}
