/**
 * Read models judge whole calendar days: an action due "2022-05-21" is
 * overdue from 22 May whatever the hour. Which day an instant falls on is
 * the initiating region's to say (WIB, WITA or WIT; `regionToday` in core),
 * as the command side dates steps: at 08:00 in Jayapura it is already the
 * day UTC reaches at 09:00. Once named, days are plain dates, counted here.
 */
const DAY_MS = 86_400_000

/** "2022-05-21" → the day's number since 1970-01-01. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS)
}

export function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days)
}

/** Calendar months, clamped to the month's last day: 31 August + 6 months is 28 (or 29) February. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(date, lastDay))
  return target.toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}
