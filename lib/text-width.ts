/**
 * The one text-width estimator of the repository, for layout without a DOM (unit tests, and the
 * chart and table layouts, which are computed before anything is drawn): the charts place labels
 * with it, the tables estimate how many lines a cell wraps to.
 */

const UPPER_OR_DIGIT = /[A-Z0-9]/
const LOWER = /[a-z]/

/**
 * Width of `text` in px at `fontSize` (in em when no size is given). CJK glyphs are one em; the
 * Latin widths are Inter's averages, rounded up so estimates err on the roomy side.
 */
export function textWidth(text: string, fontSize = 1, bold = false): number {
  let em = 0
  for (const ch of text) {
    if (ch.codePointAt(0)! >= 0x2E80)
      em += 1
    else if (UPPER_OR_DIGIT.test(ch))
      em += 0.66
    else if (LOWER.test(ch))
      em += 0.56
    else if (ch === ' ')
      em += 0.28
    else
      em += 0.4
  }
  return em * fontSize * (bold ? 1.07 : 1)
}

const TOKENS = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g
const SPACES = /^\s+$/

/**
 * Lines a text takes in a column `perLine` em wide (a CJK character is one em), wrapped the way
 * the browser does: a CJK character may start a new line anywhere, a Latin word moves to the next
 * line whole (and a word longer than a line is broken, as `break-words` does).
 */
export function lineCount(text: string, perLine: number): number {
  const tokens = text.match(TOKENS) ?? []
  let lines = 1
  let used = 0
  for (const token of tokens) {
    if (SPACES.test(token)) {
      if (used > 0)
        used += textWidth(' ')
      continue
    }
    const w = textWidth(token)
    if (used > 0 && used + w > perLine) {
      lines++
      used = 0
    }
    if (w > perLine) {
      lines += Math.ceil(w / perLine) - 1
      used = w % perLine
    }
    else {
      used += w
    }
  }
  return lines
}
