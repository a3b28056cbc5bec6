import { addYears, differenceInCalendarDays } from 'date-fns'
import type { Duration } from './commands'
import type { DecideContext } from './context'
import type { AgreementState } from './state'

/**
 * Dates in commands are calendar dates or instants; rules compare whole UTC
 * days, so an action due "2022-05-21" counts as due on that day whatever the
 * hour the signing happened.
 */
export function utcDay(value: string | Date): number {
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime()
  return Math.floor(time / 86_400_000)
}

/** The UTC calendar day (YYYY-MM-DD) of a date or instant: "2022-05-21T23:30:00-02:00" → "2022-05-22". */
export function calendarDayOf(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  return new Date(value).toISOString().slice(0, 10)
}

/** The length of a duration in years; a period is measured in calendar days over 365.25. */
export function durationYears(duration: Duration): number {
  if ('years' in duration) return duration.years
  return differenceInCalendarDays(new Date(duration.end), new Date(duration.start)) / 365.25
}

export function periodIsOrdered(duration: Duration): boolean {
  return 'years' in duration || utcDay(duration.end) > utcDay(duration.start)
}

/**
 * When the current term ends: the period's end, or the signing day plus the
 * years; undefined before signing. A term in years runs from the day the last
 * party signed (the date on the documents), not from the day that was
 * recorded: a PKS signed on 30 June and entered on 3 July ends on 30 June.
 */
export function termEndsAt(state: AgreementState): Date | undefined {
  const plan = state.term.workPlan
  if (plan === undefined) return undefined
  if (!('years' in plan.duration)) return new Date(plan.duration.end)
  // signedOn is absent only in a state folded before it existed (a stored read model).
  const signed = state.term.signedOn ?? state.term.signedAt
  if (signed === undefined) return undefined
  const whole = Math.floor(plan.duration.years)
  const rest = plan.duration.years - whole
  return new Date(addYears(new Date(signed), whole).getTime() + Math.round(rest * 365.25) * 86_400_000)
}

/** True when a deadline of `days` counted from `since` is set and `on` falls after it (whole UTC days). */
function pastDeadline(since: string | undefined, days: number | undefined, on: Date): boolean {
  return days !== undefined && since !== undefined && utcDay(on) > utcDay(since) + days
}

/** True when the policy sets a reply deadline and it has passed for the current offer. */
export function offerLapsed(state: AgreementState, ctx: DecideContext): boolean {
  return pastDeadline(state.term.offer?.at, ctx.policy.offerReplyWithinDays, ctx.now)
}

/** True when the policy sets a deadline for the DPRD's decision and it has passed for the current request. */
export function dprdRequestLapsed(state: AgreementState, ctx: DecideContext): boolean {
  return pastDeadline(state.term.dprdRequest?.at, ctx.policy.dprdDecisionWithinDays, ctx.now)
}
