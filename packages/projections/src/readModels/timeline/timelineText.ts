import { describeRegion } from '@kerjasama/core'
import type { AgreementEvent, AgreementState, LocalizedMessage } from '@kerjasama/core'

const documentNames = { KB: 'Kesepakatan Bersama', PKS: 'Perjanjian Kerja Sama', NK: 'Nota Kesepakatan' } as const

function partyName(state: AgreementState, partyId: string): string {
  // The bundled table names Jawa Tengah's regions; elsewhere the code stands for the region.
  if (partyId === state.initiatingRegion) return describeRegion(partyId)?.name ?? partyId
  return state.partners.find((partner) => partner.partnerId === partyId)?.name ?? partyId
}

function actionName(state: AgreementState, actionId: string): string {
  return state.term.workPlan?.actions.find((action) => action.actionId === actionId)?.description ?? actionId
}

/** What happened, as an officer would write it in the agreement's file; `state` is the agreement after the event. */
export function describeEvent(event: AgreementEvent, state: AgreementState): LocalizedMessage {
  switch (event.type) {
    case 'CooperationIdentified':
      return { id: `Kerja sama ${event.data.kind} diidentifikasi: ${event.data.object}`, en: `${event.data.kind} cooperation identified: ${event.data.object}` }
    case 'AffairsMapped':
      return { id: `Urusan dipetakan: ${event.data.affairs.join(', ')}`, en: `Government affairs mapped: ${event.data.affairs.join(', ')}` }
    case 'FeasibilityAssessed':
      return event.data.verdict === 'layak'
        ? { id: 'TKKSD menilai kerja sama layak', en: 'TKKSD judged the cooperation feasible' }
        : { id: 'TKKSD menilai kerja sama tidak layak', en: 'TKKSD judged the cooperation not feasible' }
    case 'OfferSent':
      return { id: 'Penawaran kerja sama dikirim oleh kepala daerah', en: 'The kepala daerah sent the cooperation offer' }
    case 'OfferResponseRecorded': {
      const name = partyName(state, event.data.partnerId)
      return event.data.accepted ? { id: `${name} menerima penawaran`, en: `${name} accepted the offer` } : { id: `${name} menolak penawaran`, en: `${name} declined the offer` }
    }
    case 'WorkPlanAgreed':
      return { id: `Rencana kerja disepakati: ${event.data.actions.length} kegiatan`, en: `Work plan agreed: ${event.data.actions.length} action${event.data.actions.length === 1 ? '' : 's'}` }
    case 'DraftReviewed':
      return { id: `TKKSD membahas rancangan ${documentNames[event.data.document]}`, en: `TKKSD discussed the draft ${documentNames[event.data.document]}` }
    case 'DprdApprovalRequested':
      return { id: 'Kepala daerah meminta persetujuan DPRD', en: 'The kepala daerah asked the DPRD for approval' }
    case 'DprdApprovalRecorded':
      return event.data.approved
        ? { id: `DPRD menyetujui (${event.data.decisionReference})`, en: `The DPRD approved (${event.data.decisionReference})` }
        : { id: `DPRD tidak menyetujui (${event.data.decisionReference})`, en: `The DPRD did not approve (${event.data.decisionReference})` }
    case 'KesepakatanBersamaSigned':
    case 'PerjanjianKerjaSamaSigned':
    case 'NotaKesepakatanSigned': {
      const document = documentNames[event.type === 'KesepakatanBersamaSigned' ? 'KB' : event.type === 'PerjanjianKerjaSamaSigned' ? 'PKS' : 'NK']
      const name = partyName(state, event.data.partyId)
      return { id: `${document} ditandatangani untuk ${name} oleh ${event.data.signer.name}`, en: `${document} signed for ${name} by ${event.data.signer.name}` }
    }
    case 'ActionStarted':
      return { id: `Kegiatan dimulai: ${actionName(state, event.data.actionId)}`, en: `Action started: ${actionName(state, event.data.actionId)}` }
    case 'ActionCompleted':
      return event.data.evidence === undefined
        ? { id: `Kegiatan dinyatakan selesai tanpa bukti: ${actionName(state, event.data.actionId)}`, en: `Action reported completed without evidence: ${actionName(state, event.data.actionId)}` }
        : { id: `Kegiatan selesai dengan bukti: ${actionName(state, event.data.actionId)}`, en: `Action completed with evidence: ${actionName(state, event.data.actionId)}` }
    case 'MonevRecorded':
      return { id: `Monitoring dan evaluasi: nilai ${event.data.score}`, en: `Monitoring and evaluation: score ${event.data.score}` }
    case 'AgreementAmended':
      return { id: `Perubahan (adendum): ${event.data.description}`, en: `Amendment (addendum): ${event.data.description}` }
    case 'ExtensionOpened':
      return { id: `Perpanjangan dibuka; masa ke-${state.term.number} dikoordinasikan ulang`, en: `Extension opened; term ${state.term.number} is coordinated anew` }
    case 'AgreementTerminated':
      return event.data.supersededBy === undefined
        ? { id: `Kerja sama diakhiri: ${event.data.reason}`, en: `Agreement terminated: ${event.data.reason}` }
        : { id: `Kerja sama digantikan oleh ${event.data.supersededBy}: ${event.data.reason}`, en: `Agreement superseded by ${event.data.supersededBy}: ${event.data.reason}` }
    case 'AgreementExpired':
      return { id: 'Masa berlaku kerja sama berakhir', en: 'The agreement’s term has ended' }
  }
}
