import { dprdApprovalTriggered, requiredDocuments } from '../../src/agreement'
import type { AgreementEvent, AgreementState } from '../../src/agreement'

// The few facts the model test reads from state and events, kept in one place
// so the invariants read as the rules they check.

export function workPlanActionCount(state: AgreementState): number {
  return state.term.workPlan?.actions.length ?? 0
}

export function completedWithEvidence(events: readonly AgreementEvent[]): boolean {
  return events.some((event) => event.type === 'ActionCompleted' && event.data.evidence !== undefined)
}

export function dprdTriggered(state: AgreementState): boolean {
  const plan = state.term.workPlan
  return plan !== undefined && dprdApprovalTriggered(plan)
}

/** TKKSD discussed the draft of every document the agreement is signed as, in the current term. */
export function draftsReviewed(state: AgreementState): boolean {
  return requiredDocuments(state.kind).every((document) => state.term.draftReviews[document] !== undefined)
}
