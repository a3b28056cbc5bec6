import { freeze, produce } from 'immer'
import type { Draft } from 'immer'
import { calendarDayOf } from './agreementDates'
import type { AgreementEvent } from './events'
import { coordinationComplete, dprdApprovalTriggered, fullySigned, requiredDocuments } from './state'
import type { AgreementState, AgreementStatus, SignedDocument, Term } from './state'

/**
 * The fold: how each event changes an agreement's state (applyEvent), the
 * status derived from the facts after it, and the three ways of running it —
 * `evolve` (a new frozen state per event, for the decider), `evolveInPlace`
 * (a private working copy) and `fold`. The state's shape and the questions
 * asked of it are in state.ts.
 */

function emptyTerm(number: number): Term {
  return { number, responses: [], draftReviews: {}, signatures: { KB: [], PKS: [], NK: [] }, monev: [], amendments: [] }
}

export const initialState: AgreementState = freeze({ status: 'none', partners: [], term: emptyTerm(1), previousTerms: [] }, true)

// Status is derived from the facts, never set by an event: "coordinated"
// cannot be reached while one partner has not accepted, whatever the order
// the events came in.
function deriveStatus(state: AgreementState): AgreementStatus {
  if (state.ended !== undefined) return 'ended'
  if (state.agreementId === undefined) return 'none'
  if (state.mapping === undefined) return 'identified'
  if (!coordinationComplete(state)) return 'mapped'
  if (!fullySigned(state)) return 'coordinated'
  // A monev of an agreement where nothing was done (score 0) is recorded, but
  // it does not move the agreement past "signed": "evaluated" is reached only
  // by way of evidence, so no dashboard counts a ceremony as a finished cycle.
  // The monev must come after the work, by the day each happened: one held
  // before the work was done did not evaluate it, even if entered after it.
  // On the same day the recording instants decide, as they did before steps
  // had days. Days and instants are ISO text from one clock, so "day|instant"
  // compares as text.
  let firstDone: string | undefined
  for (const action of state.term.workPlan?.actions ?? []) {
    if (action.status !== 'completed' || action.evidence === undefined || action.completedAt === undefined) continue
    const done = `${action.completedOn ?? calendarDayOf(action.completedAt)}|${action.completedAt}`
    if (firstDone === undefined || done < firstDone) firstDone = done
  }
  if (firstDone === undefined) return 'signed'
  const evaluatedAfter = firstDone
  return state.term.monev.some((monev) => `${monev.heldOn}|${monev.at}` >= evaluatedAfter) ? 'evaluated' : 'implemented'
}

function applyEvent(draft: Draft<AgreementState>, event: AgreementEvent): void {
  const term = draft.term
  switch (event.type) {
    case 'CooperationIdentified': {
      const { at, ...data } = event.data
      Object.assign(draft, data, { identifiedAt: at })
      return
    }
    case 'AffairsMapped': {
      const { at: _at, ...mapping } = event.data
      draft.mapping = mapping
      return
    }
    case 'FeasibilityAssessed':
      term.feasibility = { ...event.data }
      return
    case 'OfferSent':
      term.offer = { ...event.data }
      return
    case 'OfferResponseRecorded': {
      const { notes: _notes, ...response } = event.data
      term.responses = [...term.responses.filter((r) => r.partnerId !== response.partnerId), response]
      return
    }
    case 'WorkPlanAgreed': {
      const { at, actions, ...plan } = event.data
      term.workPlan = { ...plan, agreedAt: at, actions: actions.map((action) => ({ ...action, status: 'planned' as const })) }
      // The DPRD approved the plan it was shown, and the PKS or NK carries the
      // plan: a revised plan needs asking again and its draft discussing again.
      delete term.dprdRequest
      delete term.dprdApproval
      delete term.draftReviews.PKS
      delete term.draftReviews.NK
      return
    }
    case 'DraftReviewed':
      term.draftReviews[event.data.document] = { draftReference: event.data.draftReference, at: event.data.at }
      return
    case 'DprdApprovalRequested':
      term.dprdRequest = { letterReference: event.data.letterReference, at: event.data.at }
      delete term.dprdApproval
      return
    case 'DprdApprovalRecorded':
      term.dprdApproval = { ...event.data }
      return
    case 'KesepakatanBersamaSigned':
    case 'PerjanjianKerjaSamaSigned':
    case 'NotaKesepakatanSigned': {
      const document: SignedDocument = event.type === 'KesepakatanBersamaSigned' ? 'KB' : event.type === 'PerjanjianKerjaSamaSigned' ? 'PKS' : 'NK'
      const { occurredOn, ...signature } = event.data
      term.signatures[document].push({ ...signature, occurredOn: occurredOn ?? calendarDayOf(event.data.at) })
      return
    }
    case 'ActionStarted': {
      const action = term.workPlan?.actions.find((candidate) => candidate.actionId === event.data.actionId)
      if (action !== undefined && action.status === 'planned') {
        action.status = 'started'
        action.startedAt = event.data.at
        action.startedOn = event.data.occurredOn ?? calendarDayOf(event.data.at)
      }
      return
    }
    case 'ActionCompleted': {
      const action = term.workPlan?.actions.find((candidate) => candidate.actionId === event.data.actionId)
      if (action !== undefined) {
        action.status = 'completed'
        action.completedAt = event.data.at
        action.completedOn = event.data.occurredOn ?? calendarDayOf(event.data.at)
        if (event.data.evidence !== undefined) action.evidence = event.data.evidence
        if (event.data.outputAchieved !== undefined) action.outputAchieved = event.data.outputAchieved
      }
      return
    }
    case 'MonevRecorded': {
      const { occurredOn, ...monev } = event.data
      term.monev.push({ ...monev, heldOn: occurredOn ?? calendarDayOf(event.data.at) })
      return
    }
    case 'AgreementAmended': {
      const { addActions, funding, description, documentReference, at } = event.data
      term.amendments.push({ description, at, ...(documentReference === undefined ? {} : { documentReference }) })
      if (term.workPlan !== undefined) {
        if (addActions !== undefined) term.workPlan.actions.push(...addActions.map((action) => ({ ...action, status: 'planned' as const })))
        if (funding !== undefined) term.workPlan.funding = funding
      }
      return
    }
    case 'ExtensionOpened':
      draft.previousTerms.push({ ...term, supersededAt: event.data.at })
      draft.term = emptyTerm(term.number + 1)
      return
    case 'AgreementTerminated':
      draft.ended = {
        reason: event.data.supersededBy === undefined ? 'terminated' : 'superseded',
        at: event.data.at,
        note: event.data.reason,
        ...(event.data.supersededBy === undefined ? {} : { supersededBy: event.data.supersededBy }),
      }
      return
    case 'AgreementExpired':
      draft.ended = { reason: 'expired', at: event.data.at }
      return
  }
}

// The signatures carry their own days, so the day of signing does not depend
// on which party's signature happened to be recorded last.
function signingDay(state: AgreementState): string | undefined {
  const days = requiredDocuments(state.kind).flatMap((document) => state.term.signatures[document].map((signature) => signature.occurredOn))
  const plan = state.term.workPlan
  const decision = state.term.dprdApproval
  if (plan !== undefined && dprdApprovalTriggered(plan) && decision?.approved === true) days.push(calendarDayOf(decision.decidedOn))
  return days.sort().at(-1)
}

/**
 * Folds one event; immer keeps it readable as mutation and freezes the result.
 * Only the event's own change is made through the draft: the facts derived
 * from the whole state (the signing, the status) walk partners, signatures
 * and actions, and reading those through immer's proxies cost more than the
 * rest of the fold. They are read from the frozen result instead, and a new
 * top level (sharing everything below it) is made only when they changed.
 */
export function evolve(state: AgreementState, event: AgreementEvent): AgreementState {
  const applied = produce(state, (draft) => applyEvent(draft, event))
  // Usually the last signature, but any event that completes the facts (a
  // DPRD approval recorded late under a relaxed policy) dates the signing.
  const signs = applied.term.signedAt === undefined && fullySigned(applied)
  // The status never reads signedAt, so it is derived from `applied` whether or not this event signs.
  const status = deriveStatus(applied)
  if (!signs && status === applied.status) return applied
  const term = signs ? { ...applied.term, signedAt: event.data.at, signedOn: signingDay(applied) ?? calendarDayOf(event.data.at) } : applied.term
  return freeze({ ...applied, term, status }, true)
}

/**
 * `evolve` made on the state itself: for a reader that folds many events of
 * one agreement into a private working copy (a read model rebuilding), where
 * a new frozen state per event is the cost, not the point. `state` must be a
 * mutable copy nobody else holds (structuredClone of a state); it may come to
 * share objects with `event`, which must not be used to change it later.
 * Freeze the copy before it is handed on. The same changes as `evolve`, in
 * the same order, so the copy equals what `evolve` would have given.
 */
export function evolveInPlace(state: AgreementState, event: AgreementEvent): void {
  applyEvent(state as Draft<AgreementState>, event)
  const signs = state.term.signedAt === undefined && fullySigned(state)
  const status = deriveStatus(state)
  if (signs) {
    state.term.signedAt = event.data.at
    state.term.signedOn = signingDay(state) ?? calendarDayOf(event.data.at)
  }
  state.status = status
}

export function fold(events: readonly AgreementEvent[]): AgreementState {
  return events.reduce(evolve, initialState)
}
