import type { GuardBasis } from '../errors'
import type { CommandType } from './commands'
import { PERMENDAGRI_22_2020, PP_28_2018 } from './guard'

/** One spelling, kebab-case like the signer capacities ('kepala-daerah', 'pemegang-kuasa'). */
export const roles = ['opd', 'tkksd', 'kepala-daerah', 'kuasa', 'dprd', 'partner', 'monev'] as const
export type Role = (typeof roles)[number]

/**
 * Who may issue each command. The offer and the KB carry the kepala daerah's
 * own signature; only the PKS may be signed by a kuasa holder (Permendagri
 * 22/2020). A partner answers, signs and reports for its own side.
 *
 * The answer to the offer is the partner's alone. TKKSD used to be able to
 * record it "on the partner's behalf", but the answer is the partner's
 * decision, not the region's: recorded by the region's own team it is the
 * region's claim about the partner's will, the one-sided record the
 * anti-ceremonial policy refuses for signatures too. A partner without its own
 * account gets a `partner` user acting for it, as it needs one to sign anyway.
 * Which party an actor speaks for is checked by the guards in guards/parties.ts.
 */
export const commandRoles: Readonly<Record<CommandType, readonly Role[]>> = Object.freeze({
  IdentifyCooperation: ['opd', 'tkksd'],
  MapAffairs: ['opd', 'tkksd'],
  AssessFeasibility: ['tkksd'],
  SendOffer: ['kepala-daerah'],
  RecordOfferResponse: ['partner'],
  AgreeWorkPlan: ['tkksd', 'opd'],
  ReviewDraft: ['tkksd'],
  // The request to the DPRD is the kepala daerah's own letter.
  RequestDprdApproval: ['kepala-daerah'],
  RecordDprdApproval: ['dprd', 'tkksd'],
  SignKesepakatanBersama: ['kepala-daerah', 'partner'],
  SignPerjanjianKerjaSama: ['kepala-daerah', 'kuasa', 'partner'],
  SignNotaKesepakatan: ['kepala-daerah', 'partner'],
  StartAction: ['opd', 'partner', 'kuasa'],
  CompleteAction: ['opd', 'partner', 'kuasa'],
  RecordMonev: ['monev', 'tkksd'],
  Amend: ['tkksd', 'kepala-daerah'],
  Extend: ['tkksd', 'kepala-daerah'],
  Terminate: ['kepala-daerah'],
  Expire: ['tkksd', 'opd', 'monev'],
})

const ROLE_TABLE: GuardBasis = { kind: 'policy', source: 'Tabel peran Kerjasama (commandRoles): pembagian tugas perangkat daerah, TKKSD, DPRD, monev dan mitra' }

/** Where each command's role rule comes from, so a NOT_AUTHORIZED refusal names its basis like a guard does. */
export const commandRoleBasis: Readonly<Record<CommandType, GuardBasis>> = Object.freeze({
  IdentifyCooperation: ROLE_TABLE,
  MapAffairs: ROLE_TABLE,
  AssessFeasibility: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, TKKSD mengkaji kelayakan kerja sama` },
  SendOffer: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penawaran kerja sama oleh kepala daerah` },
  RecordOfferResponse: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penawaran dijawab oleh calon mitra` },
  AgreeWorkPlan: ROLE_TABLE,
  ReviewDraft: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, TKKSD membahas rancangan KB dan PKS` },
  RequestDprdApproval: { kind: 'reg', source: `${PP_28_2018}, persetujuan DPRD atas permohonan kepala daerah` },
  RecordDprdApproval: { kind: 'reg', source: `${PP_28_2018}, persetujuan DPRD` },
  SignKesepakatanBersama: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan KB oleh kepala daerah` },
  SignPerjanjianKerjaSama: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan PKS oleh kepala daerah atau pejabat yang diberi kuasa` },
  SignNotaKesepakatan: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan oleh kepala daerah` },
  StartAction: ROLE_TABLE,
  CompleteAction: ROLE_TABLE,
  RecordMonev: ROLE_TABLE,
  Amend: ROLE_TABLE,
  Extend: ROLE_TABLE,
  Terminate: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, berakhirnya kerja sama` },
  Expire: ROLE_TABLE,
})

export function mayIssue(role: Role, commandType: CommandType): boolean {
  return commandRoles[commandType].includes(role)
}
