/**
 * The one date parser of the repository. Dates in the data are ISO calendar dates, `YYYY-MM-DD`,
 * or `YYYY-MM` where only the month is public; the schema, the formatting and the charts all read
 * them through `parseIsoDate`, so they agree on what a valid date is.
 */

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

/** An ISO date as a UTC `Date` (a month-only date falls on the 1st), so no time zone shifts it. Throws on anything else. */
export function isoToDate(iso: string): Date {
  const parts = parseIsoDate(iso)
  if (!parts)
    throw new RangeError(`expected a date YYYY-MM-DD or YYYY-MM, got "${iso}"`)
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day ?? 1))
}
