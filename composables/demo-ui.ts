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
 * Slidev ignores its keys while a button or input has focus. After a mouse or touch use of a
 * button or slider, hand the keyboard back so → and space navigate again; a keyboard user who
 * tabbed in keeps the focus and the arrows keep moving the slider.
 */
export function releaseAfterPointer(event: PointerEvent): void {
  (event.currentTarget as HTMLElement).blur()
}

/** Escape leaves a text field or slider: the arrows and space navigate again. */
export function blurOnEscape(event: KeyboardEvent): void {
  (event.currentTarget as HTMLElement).blur()
}
