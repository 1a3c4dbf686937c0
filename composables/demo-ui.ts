import { useNav, useSlideContext } from '@slidev/client'
import { computed } from 'vue'

/** Views in which a demo runs live (not the PDF/print pages, not the overview's thumbnails). */
const LIVE_CONTEXTS = ['slide', 'presenter', 'previewNext']

/**
 * True while the demo's slide, or the slide just before or after it, is the current slide of a
 * live view: the time to fetch its heavy parts, so they arrive while the slide before is shown.
 */
export function useDemoNearby() {
  const { $page, $renderContext } = useSlideContext()
  const { currentSlideNo, isPrintMode } = useNav()
  return computed(() => !isPrintMode.value
    && LIVE_CONTEXTS.includes($renderContext.value)
    && Math.abs(currentSlideNo.value - $page.value) <= 1)
}

/**
 * Slidev ignores its keys while a button, slider or text field has focus: hand the keyboard back so
 * → and space navigate again. On `pointerup` (after a mouse or touch use of a button or slider; a
 * keyboard user who tabbed in keeps the focus and the arrows keep moving the slider) and on Escape.
 */
export function releaseFocus(event: Event): void {
  (event.currentTarget as HTMLElement).blur()
}
