import type { CommandType } from '@kerjasama/core'

/** How a Bagian Kerja Sama officer names each step, and its English gloss, for the printed story. */
const stepNames: Record<CommandType, string> = {
  IdentifyCooperation: 'identifikasi / identification',
  MapAffairs: 'pemetaan urusan / affairs mapped',
  AssessFeasibility: 'penilaian TKKSD / TKKSD feasibility',
  SendOffer: 'surat penawaran / offer sent',
  RecordOfferResponse: 'jawaban mitra / partner reply',
  AgreeWorkPlan: 'rencana kerja / work plan',
  ReviewDraft: 'rancangan dibahas TKKSD / draft discussed by TKKSD',
  RequestDprdApproval: 'permohonan persetujuan DPRD / DPRD approval requested',
  RecordDprdApproval: 'persetujuan DPRD / DPRD approval',
  SignKesepakatanBersama: 'tanda tangan KB / KB signed',
  SignPerjanjianKerjaSama: 'tanda tangan PKS / PKS signed',
  SignNotaKesepakatan: 'tanda tangan NK / NK signed',
  StartAction: 'kegiatan dimulai / action started',
  CompleteAction: 'kegiatan selesai / action completed',
  RecordMonev: 'monev / monitoring and evaluation',
  Amend: 'perubahan / amendment',
  Extend: 'perpanjangan / extension',
  Terminate: 'pengakhiran / termination',
  Expire: 'berakhir / expiry',
}

export function stepName(commandType: string): string {
  return stepNames[commandType as CommandType] ?? commandType
}
