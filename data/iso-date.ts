/**
 * The one date parser of the repository. Dates in the data are ISO calendar dates, `YYYY-MM-DD`,
 * or `YYYY-MM` where only the month is public; the schema (`data/schema.ts`), the date helpers
 * (`lib/dates.ts`) and through them the charts all read them through `parseIsoDate`, so they agree
 * on what a valid date is.
 */

/** ISO calendar date, `YYYY-MM-DD` (or `YYYY-MM` where only the month is public). */
export type IsoDate = `${number}-${number}-${number}` | `${number}-${number}`

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/

export interface IsoDateParts {
  year: number
  /** 1–12. */
  month: number
  /** 1–31; absent for a month-only date. */
  day?: number
}

/** `YYYY-MM-DD` or `YYYY-MM` naming a real calendar day or month, split into numbers; otherwise undefined. */
export function parseIsoDate(iso: string): IsoDateParts | undefined {
  const match = ISO_DATE.exec(iso)
  if (!match)
    return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = match[3] === undefined ? undefined : Number(match[3])
  if (month < 1 || month > 12)
    return undefined
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()))
    return undefined
  return { year, month, day }
}
