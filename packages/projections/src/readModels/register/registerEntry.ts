import { findUrusan, termEndsAt, unsignedParties } from '@kerjasama/core'
import type { ActionProgress, AgreementState, AgreementStatus, Duration, EndReason, Partner, PlanningDocument } from '@kerjasama/core'
import type { EventDates } from '../eventDates'
import { calendarDay } from '../eventDates'

export type Stage = Exclude<AgreementStatus, 'none'>

export type MonevEntry = { at: string; happenedOn: string; score: number; recommendation: 'continue' | 'amend' | 'extend' | 'terminate'; findings: string }

/**
 * One agreement as the register shows it. Besides what an officer reads,
 * it keeps the decider's own state (`state`), so every read model built on
 * the register judges from the same facts the guards saw, folded by the same
 * `evolve`, never by a second reading of the events.
 */
export type RegisterEntry = {
  agreementId: string
  tenant: string
  /** The stream version this entry reflects. */
  version: number
  updatedAt: string
  kind: string
  object: string
  potential?: string
  initiatingRegion: string
  initiatingUnit: string
  partners: Partner[]
  /** The initiating region and every daerah partner's region code. Indexed. */
  regions: string[]
  /** The initiating region's code and every partner's id: who signs. Indexed. */
  parties: string[]
  urusan: Array<{ code: string; name: string }>
  /** Indexed. */
  urusanCodes: string[]
  planningDocuments: PlanningDocument[]
  /** Each planning document as its kind ("RPJMD") and as kind:reference. Indexed. */
  planningDocumentKeys: string[]
  /** Indexed. */
  stage: Stage
  /**
   * When the agreement reached each stage (the latest time, for stages reached
   * again in a new term): recorded, and as it happened. "signed" happened on
   * the day the last party signed, whichever signature was recorded last.
   */
  stageDates: Partial<Record<Stage, EventDates>>
  /**
   * signedAt and kbSignedAt are when the completing signature was recorded;
   * signedOn and kbSignedOn the days every party had signed, as the documents
   * are dated. The watchlist counts from the days.
   */
  term: { number: number; duration?: Duration; sector?: string; funding?: string; signedAt?: string; signedOn?: string; kbSignedAt?: string; kbSignedOn?: string }
  /** The calendar day the current term ends, once it is known (a period, or years from the signing). Indexed. */
  endDate?: string
  actions: ActionProgress[]
  monev: MonevEntry[]
  lastMonev?: MonevEntry
  /** The earliest due date of an action not completed yet. Indexed. */
  nextDueDate?: string
  ended?: { reason: EndReason; at: string; note?: string; supersededBy?: string }
  state: AgreementState
}

export const REGISTER_COLLECTION = 'register'

export const registerIndexes = {
  [REGISTER_COLLECTION]: {
    indexed: ['tenant', 'regions', 'parties', 'urusanCodes', 'planningDocumentKeys', 'stage', 'kind', 'potentialKey', 'endDate', 'nextDueDate', 'identifiedOn'],
  },
} as const

/** What an entry carries from one event to the next: the stage, and when each stage was reached. */
export type StageHistory = Pick<RegisterEntry, 'stage' | 'stageDates'>

/** The stage dates after an event that left `state`, given the entry before it. */
export function stageDatesAfter(previous: StageHistory | undefined, state: AgreementState, dates: EventDates): Partial<Record<Stage, EventDates>> {
  const stage = state.status as Stage
  // Most events leave the stage as it was: the dates seen so far are kept as they are (never changed in place, so they may be shared).
  if (previous !== undefined && previous.stage === stage) return previous.stageDates
  return { ...(previous?.stageDates ?? {}), [stage]: stage === 'signed' && state.term.signedOn !== undefined ? { ...dates, happenedOn: state.term.signedOn } : dates }
}

/** Builds the entry from the state after an event; `previous` carries the stage dates already seen. */
export function registerEntryOf(input: {
  tenant: string
  agreementId: string
  version: number
  state: AgreementState
  dates: EventDates
  previous: StageHistory | undefined
}): RegisterEntry & { potentialKey?: string; identifiedOn: string } {
  const { state, dates, previous } = input
  const stage = state.status as Stage
  const stageDates = stageDatesAfter(previous, state, dates)
  const mapping = state.mapping
  const plan = state.term.workPlan
  const monev = monevOf(state)
  const ends = termEndsAt(state)
  const open = (plan?.actions ?? []).filter((action) => action.status !== 'completed').map((action) => calendarDay(action.dueDate)).sort()
  const partners = state.partners.map((partner) => ({ ...partner }))
  const planningDocuments = mapping?.planningDocuments ?? []
  return {
    agreementId: input.agreementId,
    tenant: input.tenant,
    version: input.version,
    updatedAt: dates.recordedAt,
    kind: state.kind ?? '',
    object: state.object ?? '',
    ...(state.potential === undefined ? {} : { potential: state.potential, potentialKey: potentialKey(state.potential) }),
    initiatingRegion: state.initiatingRegion ?? '',
    initiatingUnit: state.initiatingUnit ?? '',
    partners,
    regions: unique([state.initiatingRegion ?? '', ...partners.flatMap((partner) => (partner.regionCode === undefined ? [] : [partner.regionCode]))].filter((code) => code !== '')),
    parties: unique([state.initiatingRegion ?? '', ...partners.map((partner) => partner.partnerId)].filter((party) => party !== '')),
    urusan: (mapping?.affairs ?? []).map((code) => ({ code, name: findUrusan(code)?.name ?? code })),
    urusanCodes: unique(mapping?.affairs ?? []),
    planningDocuments,
    planningDocumentKeys: unique(planningDocuments.flatMap((document) => [document.kind, `${document.kind}:${document.reference}`])),
    stage,
    stageDates,
    term: {
      number: state.term.number,
      ...(plan === undefined ? {} : { duration: plan.duration, sector: plan.sector, funding: plan.funding }),
      ...(state.term.signedAt === undefined ? {} : { signedAt: state.term.signedAt }),
      ...(state.term.signedOn === undefined ? {} : { signedOn: state.term.signedOn }),
      ...kbSigned(state),
    },
    ...(ends === undefined ? {} : { endDate: calendarDay(ends.toISOString()) }),
    actions: (plan?.actions ?? []).map((action) => ({ ...action })),
    monev,
    ...(monev.length === 0 ? {} : { lastMonev: latestHeld(monev) }),
    ...(open[0] === undefined ? {} : { nextDueDate: open[0] }),
    ...(state.ended === undefined ? {} : { ended: { ...state.ended } }),
    identifiedOn: stageDates.identified?.happenedOn ?? previous?.stageDates.identified?.happenedOn ?? dates.happenedOn,
    state,
  }
}

/** Potentials are matched loosely: "Gula merah Kebumen" and "gula  Merah kebumen" are one potential. */
export function potentialKey(potential: string): string {
  return potential.trim().toLowerCase().replace(/\s+/g, ' ')
}

function monevOf(state: AgreementState): MonevEntry[] {
  return state.term.monev.map((monev) => ({ at: monev.at, happenedOn: monev.heldOn, score: monev.score, recommendation: monev.recommendation, findings: monev.findings }))
}

// A monev entered late may have been held before one entered earlier: the
// latest is the one held last, as the gap to the next one counts from it.
function latestHeld(monev: MonevEntry[]): MonevEntry {
  return monev.reduce((latest, candidate) => (candidate.happenedOn >= latest.happenedOn ? candidate : latest))
}

/** When every party had signed the KB (for KSDD and KSDPK): the start of "KB signed, no PKS yet", recorded and as it happened. */
function kbSigned(state: AgreementState): { kbSignedAt?: string; kbSignedOn?: string } {
  const signatures = state.term.signatures.KB
  if (state.kind === 'Sinergi' || signatures.length === 0 || unsignedParties(state, 'KB').length > 0) return {}
  return {
    kbSignedAt: signatures.map((signature) => signature.at).sort().at(-1) as string,
    kbSignedOn: signatures.map((signature) => signature.occurredOn).sort().at(-1) as string,
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
