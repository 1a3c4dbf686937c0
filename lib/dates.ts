/**
 * Dates as the slides and charts use them. The parser itself is `parseIsoDate` in
 * `data/iso-date.ts` (the schema validates with it); these helpers build on it.
 */
import { parseIsoDate } from '../data/iso-date'

/** An ISO date as a UTC `Date` (a month-only date falls on the 1st), so no time zone shifts it. Throws on anything else. */
export function isoToDate(iso: string): Date {
  const parts = parseIsoDate(iso)
  if (!parts)
    throw new RangeError(`expected a date YYYY-MM-DD or YYYY-MM, got "${iso}"`)
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day ?? 1))
}

/**
 * The slides print a date as its ISO text ("2019-10-23", a month-only "2023-03"): this returns it
 * unchanged, after asserting that it is one. Throws on anything that is not a valid date.
 */
export function assertIsoDate(iso: string): string {
  if (!parseIsoDate(iso))
    throw new RangeError(`expected a valid date YYYY-MM-DD or YYYY-MM, got "${iso}"`)
  return iso
}
