import { calendarDayOf, utcDay } from './agreementDates'

const HOUR_MS = 3_600_000

// Indonesia keeps three time zones and no daylight saving, by province (the
// first two digits of a region code, BPS/Kemendagri): WIB (UTC+7) in
// Sumatra, Java, West and Central Kalimantan; WITA (UTC+8) in Bali, Nusa
// Tenggara, South, East and North Kalimantan and Sulawesi; WIT (UTC+9) in
// Maluku and Papua.
const WIB = new Set(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62'])
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'])
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96'])
/** WIT: no region of Indonesia has begun a day later than Maluku and Papua. */
const EASTERNMOST_OFFSET_HOURS = 9

/** The region's offset from UTC in hours, or undefined for a code of no Indonesian province. */
export function utcOffsetHoursOf(regionCode: string | undefined): number | undefined {
  const province = regionCode?.slice(0, 2) ?? ''
  if (WIB.has(province)) return 7
  if (WITA.has(province)) return 8
  if (WIT.has(province)) return 9
  return undefined
}

/**
 * Today as the region's officials count it: the calendar day on their clocks
 * at `now`. At 08:00 in Jayapura it is already the day that UTC reaches
 * only at 09:00. A code of no Indonesian province keeps the UTC day.
 */
export function regionToday(now: Date, regionCode: string | undefined): string {
  return calendarDayOf(new Date(now.getTime() + (utcOffsetHoursOf(regionCode) ?? 0) * HOUR_MS))
}

/**
 * The latest day that has begun anywhere in Indonesia at `now`, as a day
 * number: a day after it has begun nowhere, and is in the future for every
 * party, whichever region's store records it.
 */
export function latestIndonesianDay(now: Date): number {
  return utcDay(new Date(now.getTime() + EASTERNMOST_OFFSET_HOURS * HOUR_MS))
}
