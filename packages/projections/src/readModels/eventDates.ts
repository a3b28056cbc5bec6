import { regionToday } from '@kerjasama/core'
import type { AgreementEvent, StoredEvent } from '@kerjasama/core'

/**
 * Two clocks run through the record: when a step was recorded (the service's
 * clock, `data.at`), and, where the domain has one, the day it happened — the
 * day a document was signed or the DPRD decided, which an officer may record
 * days later. Read models keep both, and "as of" reads choose either.
 */
export type EventDates = {
  /** ISO instant the step was recorded. */
  recordedAt: string
  /** ISO calendar date (YYYY-MM-DD) the step happened; where the event names none, the day it was recorded on the initiating region's clock. */
  happenedOn: string
}

/**
 * The dates of an agreement's event. A step that names no day (an
 * identification, a mapping) happened on the day it was recorded as the
 * initiating region counts days, as the command side dates an undated
 * signing: a step recorded at 16:00 UTC on 30 June happened on 30 June in
 * Kebumen (WIB) and on 1 July in Jayapura (WIT).
 */
export function datesOf(event: AgreementEvent, stored: StoredEvent | undefined, initiatingRegion: string | undefined): EventDates {
  const recordedAt = event.data.at ?? stored?.metadata.recordedAt
  const data = event.data as { at: string; occurredOn?: unknown; decidedOn?: unknown }
  const named = typeof data.occurredOn === 'string' ? data.occurredOn : typeof data.decidedOn === 'string' ? data.decidedOn : undefined
  return { recordedAt, happenedOn: named === undefined ? regionDayOf(recordedAt, initiatingRegion) : calendarDay(named) }
}

/** The day an instant falls on by the region's clock (UTC for a code of no Indonesian province); a calendar date stays itself. */
export function regionDayOf(value: string, regionCode: string | undefined): string {
  return DAY.test(value) ? value : regionToday(new Date(value), regionCode)
}

/** The UTC calendar day of a date or instant: "2022-05-21T02:00:00Z" → "2022-05-21". For dates as written (a due date), not for when a step was recorded. */
export function calendarDay(value: string): string {
  if (DAY.test(value)) return value
  // An instant in UTC (what the service's clock writes) has its day in front; others, with an offset, are converted.
  if (UTC_INSTANT.test(value)) return value.slice(0, 10)
  return new Date(value).toISOString().slice(0, 10)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/
