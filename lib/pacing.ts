/**
 * The speaker's pacing, from the minutes each section declares in its first slide's frontmatter
 * (`minutes: 12`, the same minutes `npm run check:talk` checks against `duration`): which section is
 * being given, when it should end, and how far ahead or behind the plan the stopwatch is. Within
 * a section the plan gives each slide an equal share of its minutes: a slide is "on time" while
 * the clock is inside its share, ahead before it, behind after it.
 */
import { BACKUP_ALIAS, sectionName } from './agenda'

/** What pacing needs of a slide: Slidev's route meta has it. */
export interface PacingSlide {
  no: number
  title?: string
  frontmatter?: Record<string, unknown>
}

export interface PacedSection {
  /** The section as the agenda names it, from its first slide's title: 「4 主流大模型」, 「谢谢」. */
  title: string
  first: number
  last: number
  /** Planned start and end on the stopwatch, in seconds. */
  start: number
  end: number
}

/**
 * The presented part's sections in order: each slide with `minutes` opens one (the cover and
 * agenda before the first belong to it); the backup part is not planned.
 */
export function pacingPlan(slides: readonly PacingSlide[]): PacedSection[] {
  const sections: PacedSection[] = []
  let clock = 0
  for (const slide of slides) {
    if (slide.frontmatter?.routeAlias === BACKUP_ALIAS)
      break
    const minutes = slide.frontmatter?.minutes
    if (typeof minutes === 'number' && minutes > 0) {
      // The first section also takes the slides before its own first one (cover, agenda).
      const first = sections.length ? slide.no : slides[0]!.no
      const { no, title } = sectionName(slide.title ?? '')
      sections.push({ title: no ? `${no} ${title}` : title, first, last: slide.no, start: clock, end: clock + minutes * 60 })
      clock += minutes * 60
    }
    else if (sections.length) {
      sections.at(-1)!.last = slide.no
    }
  }
  return sections
}

export interface Pace {
  section: PacedSection
  /** Seconds ahead of the plan (negative: behind); 0 while the clock is inside this slide's share. */
  ahead: number
}

/** Where the speaker stands on slide `no` with `elapsed` seconds on the stopwatch (undefined in the backup part). */
export function paceAt(plan: readonly PacedSection[], no: number, elapsed: number): Pace | undefined {
  const section = plan.find(s => no >= s.first && no <= s.last)
  if (!section)
    return undefined
  const share = (section.end - section.start) / (section.last - section.first + 1)
  const from = section.start + share * (no - section.first)
  const to = from + share
  const ahead = elapsed < from ? from - elapsed : elapsed > to ? to - elapsed : 0
  return { section, ahead }
}

/** `930` → `15:30`, `45` → `00:45`, `3725` → `62:05`: a stopwatch reading in minutes and seconds. */
export function formatClock(seconds: number): string {
  const whole = Math.round(Math.abs(seconds))
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`
}
