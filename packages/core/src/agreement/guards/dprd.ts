import { regionToday } from '../indonesianDays'
import { dprdRequestLapsed } from '../agreementDates'
import { placeDay, previousStepOf } from '../happenedOn'
import { PERMENDAGRI_22_2020, PP_28_2018, defineGuard, indonesianNumber } from '../guard'
import { dprdApprovalTriggered, dprdDecisionPending, unsignedParties } from '../state'

// Persetujuan DPRD: asked by the kepala daerah once every party signed the KB,
// decided by the DPRD, and needed before the PKS (PP 28/2018; the order is
// Permendagri 22/2020's). For Sinergi it comes before the Nota Kesepakatan.

export const dprdRequestBeforeKb = defineGuard({
  code: 'DPRD_REQUEST_BEFORE_KB',
  when: ['RequestDprdApproval'],
  check: (state) => {
    if (state.status === 'none' || state.kind === 'Sinergi') return true
    const pending = unsignedParties(state, 'KB')
    return pending.length === 0 || { pending }
  },
  message: {
    id: 'Persetujuan DPRD dimohonkan setelah semua pihak menandatangani Kesepakatan Bersama',
    en: 'DPRD approval is requested after every party signed the Kesepakatan Bersama',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan KB mendahului persetujuan DPRD` },
})

export const dprdDecisionPendingGuard = defineGuard({
  code: 'DPRD_DECISION_PENDING',
  when: ['RequestDprdApproval'],
  check: (state, _command, ctx) =>
    !dprdDecisionPending(state) || dprdRequestLapsed(state, ctx) || { requestedAt: state.term.dprdRequest?.at, letterReference: state.term.dprdRequest?.letterReference },
  message: (policy) =>
    policy.dprdDecisionWithinDays === undefined
      ? {
          id: 'Permohonan persetujuan kepada DPRD masih menunggu keputusan; catat keputusannya lebih dahulu (daerah tidak menetapkan batas waktu keputusan DPRD)',
          en: 'The request to the DPRD still awaits its decision; record the decision first (the region sets no deadline for the DPRD’s decision)',
        }
      : {
          id: `Permohonan persetujuan kepada DPRD masih menunggu keputusan; catat keputusannya, atau mohon ulang setelah ${indonesianNumber(policy.dprdDecisionWithinDays)} hari sejak permohonan dikirim`,
          en: `The request to the DPRD still awaits its decision; record the decision, or ask again once ${policy.dprdDecisionWithinDays} days have passed since the request`,
        },
  basis: { kind: 'policy', source: 'Kebijakan daerah (tidak ada batas waktu nasional untuk keputusan DPRD; nonaktif secara bawaan)' },
  configurableBy: 'policy.dprdDecisionWithinDays',
})

export const dprdNotRequested = defineGuard({
  code: 'DPRD_NOT_REQUESTED',
  when: ['RecordDprdApproval'],
  check: (state) => state.status === 'none' || dprdDecisionPending(state) || { lastDecision: state.term.dprdApproval?.decisionReference ?? null },
  message: {
    id: 'Keputusan DPRD dicatat atas permohonan kepala daerah yang belum diputus; kirim permohonannya lebih dahulu',
    en: 'A DPRD decision is recorded against a request from the kepala daerah that awaits one; send the request first',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, persetujuan DPRD atas permohonan kepala daerah` },
})

// A decision answers a request and is recorded once taken: a date before the
// request or after today is a typing error that would mislead the register.
// The same placeDay judges the occurredOn of signings, actions and monev.
export const dprdDecisionDateOutOfRange = defineGuard({
  code: 'DPRD_DECISION_DATE_OUT_OF_RANGE',
  when: ['RecordDprdApproval'],
  check: (state, command, ctx) => {
    const request = previousStepOf(state, command)
    if (request === undefined || !dprdDecisionPending(state)) return true
    return placeDay(command.decidedOn, request, ctx.now) === 'within' || { decidedOn: command.decidedOn, requestedOn: request.on, recordedOn: regionToday(ctx.now, state.initiatingRegion) }
  },
  message: {
    id: 'Tanggal keputusan DPRD harus jatuh antara tanggal permohonan kepala daerah dan hari pencatatan',
    en: 'The DPRD decision date must fall between the kepala daerah’s request and the day it is recorded',
  },
  basis: { kind: 'practice', source: `${PP_28_2018}, persetujuan DPRD diberikan atas permohonan; keputusan dicatat setelah diambil` },
})

export const dprdApprovalRequired = defineGuard({
  code: 'DPRD_APPROVAL_REQUIRED',
  when: ['SignPerjanjianKerjaSama', 'SignNotaKesepakatan'],
  check: (state) => {
    const plan = state.term.workPlan
    if (plan === undefined || !dprdApprovalTriggered(plan)) return true
    return state.term.dprdApproval?.approved === true || { burdensPublic: plan.burdensPublic, inCurrentApbd: plan.inCurrentApbd, decision: state.term.dprdApproval?.approved ?? null }
  },
  message: {
    id: 'Persetujuan DPRD diperlukan karena kerja sama membebani masyarakat dan daerah atau pendanaannya belum dianggarkan dalam APBD tahun berjalan',
    en: 'DPRD approval is required because the cooperation burdens the public and the region, or its funding is not in the current APBD',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, persetujuan DPRD (membebani masyarakat dan daerah, atau belum dianggarkan dalam APBD); ${PERMENDAGRI_22_2020}` },
})
