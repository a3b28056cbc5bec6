import type { CooperationKind, Duration, Evidence, Partner, PlanningDocument, Signer } from './commands'
import type { PlannedAction } from './events'

export const agreementStatuses = ['none', 'identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated', 'ended'] as const
export type AgreementStatus = (typeof agreementStatuses)[number]
export type EndReason = 'expired' | 'terminated' | 'superseded'
export type SignedDocument = 'KB' | 'PKS' | 'NK'

/**
 * Each dated step keeps two clocks: the instant it was recorded (`…At`) and
 * the calendar day it happened (`…On`, the command's occurredOn, or the
 * recording day for an event that names none). Status follows the record;
 * the rules about when things happened read the days.
 */
export type ActionProgress = PlannedAction & {
  status: 'planned' | 'started' | 'completed'
  startedAt?: string
  startedOn?: string
  completedAt?: string
  completedOn?: string
  evidence?: Evidence
  outputAchieved?: string
}

export type WorkPlan = {
  actions: ActionProgress[]
  duration: Duration
  sector: 'public-service' | 'infrastructure'
  funding: string
  burdensPublic: boolean
  inCurrentApbd: boolean
  agreedAt: string
}

export type Signature = { partyId: string; signer: Signer; documentReference?: string; at: string; occurredOn: string }

export type Mapping = {
  affairs: string[]
  authorityStatement: string
  planningDocuments: PlanningDocument[]
  kak: { reference: string; url?: string }
  feasibilityStudy?: { reference: string; url?: string; preparedBy: 'region' | 'partner' }
}

/** One run of the procedure from coordination to its end; an extension opens the next term. */
export type Term = {
  number: number
  feasibility?: { verdict: 'layak' | 'tidak-layak'; notes: string; at: string }
  offer?: { at: string; letterReference?: string }
  responses: Array<{ partnerId: string; accepted: boolean; at: string }>
  workPlan?: WorkPlan
  /** TKKSD's discussion of each document's draft, the latest per document. */
  draftReviews: Partial<Record<SignedDocument, { draftReference: string; at: string }>>
  /** The latest request to the DPRD; a new request or a new work plan clears the decision below. */
  dprdRequest?: { letterReference: string; at: string }
  /** The DPRD's decision on `dprdRequest`. */
  dprdApproval?: { approved: boolean; decisionReference: string; decidedOn: string; at: string }
  signatures: Record<SignedDocument, Signature[]>
  /** When the step that completed the signing was recorded. */
  signedAt?: string
  /**
   * The day the agreement became signed as it happened: the latest day among
   * the required signatures (and the DPRD's decision, where the plan needs
   * one). Set with signedAt; the watchlist and the term's end count from it.
   */
  signedOn?: string
  monev: Array<{ score: number; findings: string; recommendation: 'continue' | 'amend' | 'extend' | 'terminate'; at: string; heldOn: string }>
  amendments: Array<{ description: string; documentReference?: string; at: string }>
  supersededAt?: string
}

export type AgreementState = {
  status: AgreementStatus
  agreementId?: string
  kind?: CooperationKind
  object?: string
  potential?: string
  initiatingUnit?: string
  initiatingRegion?: string
  partners: Partner[]
  identifiedAt?: string
  mapping?: Mapping
  term: Term
  previousTerms: Term[]
  ended?: { reason: EndReason; at: string; note?: string; supersededBy?: string }
}

/** The parties that must sign: the initiating region and every partner. */
export function partiesOf(state: AgreementState): string[] {
  return [...(state.initiatingRegion === undefined ? [] : [state.initiatingRegion]), ...state.partners.map((partner) => partner.partnerId)]
}

/** DPRD approval is triggered when the plan burdens the public or its funding is not in the current APBD (PP 28/2018). */
export function dprdApprovalTriggered(plan: Pick<WorkPlan, 'burdensPublic' | 'inCurrentApbd'>): boolean {
  return plan.burdensPublic || !plan.inCurrentApbd
}

/** The documents every party must sign: NK for Sinergi, KB and PKS otherwise. */
export function requiredDocuments(kind: CooperationKind | undefined): SignedDocument[] {
  return kind === 'Sinergi' ? ['NK'] : ['KB', 'PKS']
}

export function unsignedParties(state: AgreementState, document: SignedDocument): string[] {
  const signed = new Set(state.term.signatures[document].map((signature) => signature.partyId))
  return partiesOf(state).filter((party) => !signed.has(party))
}

export function partnersNotAccepted(state: AgreementState): string[] {
  return state.partners
    .map((partner) => partner.partnerId)
    .filter((partnerId) => state.term.responses.find((response) => response.partnerId === partnerId)?.accepted !== true)
}

// The status is derived after every event, on the decider's path and on
// every read model's fold, so the two questions it asks most are answered
// by plain loops, without the arrays and sets of the lists above.
function everyPartnerAccepted(state: AgreementState): boolean {
  for (const partner of state.partners) {
    let accepted = false
    for (const response of state.term.responses) {
      if (response.partnerId === partner.partnerId) {
        accepted = response.accepted === true
        break
      }
    }
    if (!accepted) return false
  }
  return true
}

function everyPartySigned(state: AgreementState, document: SignedDocument): boolean {
  const signatures = state.term.signatures[document]
  const signedBy = (party: string): boolean => signatures.some((signature) => signature.partyId === party)
  if (state.initiatingRegion !== undefined && !signedBy(state.initiatingRegion)) return false
  return state.partners.every((partner) => signedBy(partner.partnerId))
}

/** Every coordination fact holds: layak, offer sent, all accepted, a plan with an action. */
export function coordinationComplete(state: AgreementState): boolean {
  const term = state.term
  const plan = term.workPlan
  return term.feasibility?.verdict === 'layak' && term.offer !== undefined && everyPartnerAccepted(state) && plan !== undefined && plan.actions.length > 0
}

/** True while a request to the DPRD awaits its decision. */
export function dprdDecisionPending(state: AgreementState): boolean {
  return state.term.dprdRequest !== undefined && state.term.dprdApproval === undefined
}

// DPRD approval sits between the KB and the PKS (Permendagri 22/2020), so it
// is part of being signed rather than of coordination: an agreement waits for
// the DPRD as "coordinated" and cannot become "signed" without its approval
// where the plan triggers it, whatever guard a region switched off.
export function fullySigned(state: AgreementState): boolean {
  const plan = state.term.workPlan
  return (
    coordinationComplete(state) &&
    (plan === undefined || !dprdApprovalTriggered(plan) || state.term.dprdApproval?.approved === true) &&
    (state.kind === 'Sinergi' ? everyPartySigned(state, 'NK') : everyPartySigned(state, 'KB') && everyPartySigned(state, 'PKS'))
  )
}
