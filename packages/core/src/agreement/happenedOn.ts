import { calendarDayOf, utcDay } from './agreementDates'
import { latestIndonesianDay, regionToday } from './indonesianDays'
import type { AgreementCommand, CommandOf } from './commands'
import type { AgreementState, SignedDocument } from './state'

/**
 * The day a step happened, as opposed to the instant it was recorded, and the
 * one rule every such day obeys: it falls between the step it follows and
 * today. The DPRD's decidedOn and the occurredOn of signings, actions and
 * monev are all checked here, so the two guards about it and
 * DPRD_DECISION_DATE_OUT_OF_RANGE cannot come to disagree.
 */
export type DatedCommand = CommandOf<'SignKesepakatanBersama' | 'SignPerjanjianKerjaSama' | 'SignNotaKesepakatan' | 'StartAction' | 'CompleteAction' | 'RecordMonev'>

export const datedCommandTypes = ['SignKesepakatanBersama', 'SignPerjanjianKerjaSama', 'SignNotaKesepakatan', 'StartAction', 'CompleteAction', 'RecordMonev'] as const

/**
 * The day the command says its step happened; when it names none, today as
 * the initiating region counts it (WIB, WITA or WIT), as decide writes into
 * the event: a monev entered at 08:00 in Jayapura is held today, not on the
 * UTC day that ends an hour later.
 */
export function occurredOnOf(command: DatedCommand, now: Date, state: Pick<AgreementState, 'initiatingRegion'>): string {
  return command.occurredOn ?? regionToday(now, state.initiatingRegion)
}

/** Which earlier step a dated step follows, for the refusal's details (stable words, not prose). */
export type PreviousStep = 'draft-review' | 'work-plan' | 'kb-signed' | 'dprd-decision' | 'dprd-request' | 'signing' | 'action-start'

/** The step a command follows and the day it happened: the latest of the steps it must not precede. */
export function previousStepOf(state: AgreementState, command: AgreementCommand): { step: PreviousStep; on: string } | undefined {
  const term = state.term
  const candidates: Array<{ step: PreviousStep; on: string | undefined }> = []
  const documentFollows = (document: SignedDocument): void => {
    const review = term.draftReviews[document]
    candidates.push({ step: 'work-plan', on: term.workPlan?.agreedAt }, { step: 'draft-review', on: review?.at })
    if (term.dprdApproval?.approved === true && document !== 'KB') candidates.push({ step: 'dprd-decision', on: term.dprdApproval.decidedOn })
  }
  switch (command.type) {
    case 'SignKesepakatanBersama':
      documentFollows('KB')
      break
    case 'SignPerjanjianKerjaSama':
      documentFollows('PKS')
      candidates.push(...term.signatures.KB.map((signature) => ({ step: 'kb-signed' as const, on: signature.occurredOn })))
      break
    case 'SignNotaKesepakatan':
      documentFollows('NK')
      break
    case 'StartAction':
    case 'RecordMonev':
      candidates.push({ step: 'signing', on: term.signedOn })
      break
    case 'CompleteAction': {
      const action = term.workPlan?.actions.find((candidate) => candidate.actionId === command.actionId)
      candidates.push(action?.startedOn === undefined ? { step: 'signing', on: term.signedOn } : { step: 'action-start', on: action.startedOn })
      break
    }
    case 'RecordDprdApproval':
      candidates.push({ step: 'dprd-request', on: term.dprdRequest?.at })
      break
    default:
      return undefined
  }
  let latest: { step: PreviousStep; on: string } | undefined
  for (const candidate of candidates) {
    if (candidate.on === undefined) continue
    const on = calendarDayOf(candidate.on)
    if (latest === undefined || on > latest.on) latest = { step: candidate.step, on }
  }
  return latest
}

/**
 * Where a named day falls: after today, before the step it follows, or
 * within (whole days; the same day is within). "After today" is after the
 * latest day begun anywhere in Indonesia, so no party is refused its own
 * today: the store of a region in WIB records the signature of a partner in
 * WIT, whose day begins two hours sooner.
 */
export function placeDay(day: string, follows: { on: string } | undefined, now: Date): 'in-future' | 'before-previous-step' | 'within' {
  if (utcDay(day) > latestIndonesianDay(now)) return 'in-future'
  if (follows !== undefined && utcDay(day) < utcDay(follows.on)) return 'before-previous-step'
  return 'within'
}
