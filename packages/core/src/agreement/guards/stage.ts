import { offerLapsed } from '../agreementDates'
import type { AgreementCommand, CommandType } from '../commands'
import type { DecideContext } from '../context'
import { commandTypes } from '../commands'
import { ANTI_CEREMONIAL, PERMENDAGRI_22_2020, defineGuard } from '../guard'
import type { AgreementState, AgreementStatus } from '../state'
import { partnersNotAccepted } from '../state'

const after = (...statuses: AgreementStatus[]) => statuses
const coordinating = after('mapped', 'coordinated')
const running = after('signed', 'implemented', 'evaluated')

/**
 * The procedure's order (persiapan → penawaran → KB → DPRD → PKS →
 * pelaksanaan → monev). A step out of order gets WRONG_STAGE; the specific
 * missing facts (a partner not accepted, a DPRD decision missing) have their
 * own guards so the officer learns what to do next.
 */
const allowed: Record<CommandType, (state: AgreementState, command: AgreementCommand, ctx: DecideContext) => boolean> = {
  IdentifyCooperation: (state) => state.status === 'none',
  MapAffairs: (state) => state.status === 'identified',
  // Re-assessment is allowed (a tidak-layak verdict may be revisited) until the offer goes out.
  AssessFeasibility: (state) => state.status === 'mapped' && state.term.offer === undefined,
  // A lapsed offer (policy.offerReplyWithinDays) may be sent again.
  SendOffer: (state, _command, ctx) => state.status === 'mapped' && state.term.workPlan === undefined && (state.term.offer === undefined || offerLapsed(state, ctx)),
  RecordOfferResponse: (state) => state.status === 'mapped' && state.term.workPlan === undefined,
  // The plan may be revised until the first signature; after that only Amend changes it.
  AgreeWorkPlan: (state) => coordinating.includes(state.status) && !anySignature(state),
  // The DPRD is asked after the KB and before the PKS (for Sinergi: before the NK);
  // whether the KB is complete and whether a request is pending have their own guards.
  // Drafting follows the accepted offer (penyusunan KB/PKS); a document is
  // discussed until its first signature, after which only an addendum changes it.
  ReviewDraft: (state, command) =>
    coordinating.includes(state.status) &&
    state.term.offer !== undefined &&
    partnersNotAccepted(state).length === 0 &&
    command.type === 'ReviewDraft' &&
    state.term.signatures[command.document].length === 0,
  RequestDprdApproval: (state) => dprdWindowOpen(state) && state.term.dprdApproval?.approved !== true,
  RecordDprdApproval: (state) => dprdWindowOpen(state),
  SignKesepakatanBersama: (state) => coordinating.includes(state.status),
  SignPerjanjianKerjaSama: (state) => coordinating.includes(state.status),
  SignNotaKesepakatan: (state) => coordinating.includes(state.status),
  StartAction: (state) => [...running, 'coordinated'].includes(state.status),
  CompleteAction: (state) => [...running, 'coordinated'].includes(state.status),
  RecordMonev: (state) => [...running, 'coordinated'].includes(state.status),
  Amend: (state) => running.includes(state.status),
  Extend: (state) => running.includes(state.status),
  Terminate: (state) => state.status !== 'none' && state.status !== 'ended',
  Expire: (state) => running.includes(state.status),
}

function dprdWindowOpen(state: AgreementState): boolean {
  const { PKS, NK } = state.term.signatures
  return coordinating.includes(state.status) && state.term.workPlan !== undefined && PKS.length + NK.length === 0
}

function anySignature(state: AgreementState): boolean {
  const { KB, PKS, NK } = state.term.signatures
  return KB.length + PKS.length + NK.length > 0
}

export const wrongStage = defineGuard({
  code: 'WRONG_STAGE',
  when: commandTypes,
  check: (state, command, ctx) => allowed[command.type](state, command, ctx) || { status: state.status },
  message: {
    id: 'Langkah ini tidak sesuai dengan tahap kerja sama saat ini',
    en: 'This step does not fit the agreement’s current stage',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, tahapan kerja sama (persiapan s.d. pelaporan)` },
})

export const partyNotSigned = defineGuard({
  code: 'PARTY_NOT_SIGNED',
  when: ['StartAction', 'CompleteAction', 'RecordMonev'],
  // A half-signed agreement is "coordinated": carrying it out before every
  // party signed would record work under an agreement that does not exist yet.
  check: (state) => state.status !== 'coordinated' || { status: state.status },
  message: {
    id: 'Belum semua pihak menandatangani naskah kerja sama',
    en: 'Not every party has signed the agreement documents yet',
  },
  basis: { kind: 'policy', source: `${ANTI_CEREMONIAL}; ${PERMENDAGRI_22_2020} (penandatanganan oleh para pihak)` },
})
