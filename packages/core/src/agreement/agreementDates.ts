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

/** The length of a duration in years; a period is measured in calendar days over 365.25. */
export function durationYears(duration: Duration): number {
  if ('years' in duration) return duration.years
  return differenceInCalendarDays(new Date(duration.end), new Date(duration.start)) / 365.25
}

export function periodIsOrdered(duration: Duration): boolean {
  return 'years' in duration || utcDay(duration.end) > utcDay(duration.start)
}

/** When the current term ends: the period's end, or the signing date plus the years; undefined before signing. */
export function termEndsAt(state: AgreementState): Date | undefined {
  const plan = state.term.workPlan
  if (plan === undefined) return undefined
  if (!('years' in plan.duration)) return new Date(plan.duration.end)
  const signedAt = state.term.signedAt
  if (signedAt === undefined) return undefined
  const whole = Math.floor(plan.duration.years)
  const rest = plan.duration.years - whole
  return new Date(addYears(new Date(signedAt), whole).getTime() + Math.round(rest * 365.25) * 86_400_000)
}

/** True when the policy sets a reply deadline and it has passed for the current offer. */
export function offerLapsed(state: AgreementState, ctx: DecideContext): boolean {
  const days = ctx.policy.offerReplyWithinDays
  const offer = state.term.offer
  return days !== undefined && offer !== undefined && utcDay(ctx.now) > utcDay(offer.at) + days
}
