import type { CommandType } from './commands'

export const roles = ['opd', 'tkksd', 'kepala_daerah', 'kuasa', 'dprd', 'partner', 'monev'] as const
export type Role = (typeof roles)[number]

/**
 * Who may issue each command. The offer and the KB carry the kepala daerah's
 * own signature; only the PKS may be signed by a kuasa holder (Permendagri
 * 22/2020). A partner signs and reports for its own side.
 */
export const commandRoles: Readonly<Record<CommandType, readonly Role[]>> = Object.freeze({
  IdentifyCooperation: ['opd', 'tkksd'],
  MapAffairs: ['opd', 'tkksd'],
  AssessFeasibility: ['tkksd'],
  SendOffer: ['kepala_daerah'],
  RecordOfferResponse: ['partner', 'tkksd'],
  AgreeWorkPlan: ['tkksd', 'opd'],
  ReviewDraft: ['tkksd'],
  // The request to the DPRD is the kepala daerah's own letter.
  RequestDprdApproval: ['kepala_daerah'],
  RecordDprdApproval: ['dprd', 'tkksd'],
  SignKesepakatanBersama: ['kepala_daerah', 'partner'],
  SignPerjanjianKerjaSama: ['kepala_daerah', 'kuasa', 'partner'],
  SignNotaKesepakatan: ['kepala_daerah', 'partner'],
  StartAction: ['opd', 'partner', 'kuasa'],
  CompleteAction: ['opd', 'partner', 'kuasa'],
  RecordMonev: ['monev', 'tkksd'],
  Amend: ['tkksd', 'kepala_daerah'],
  Extend: ['tkksd', 'kepala_daerah'],
  Terminate: ['kepala_daerah'],
  Expire: ['tkksd', 'opd', 'monev'],
})

export function mayIssue(role: string, commandType: CommandType): boolean {
  return (commandRoles[commandType] as readonly string[]).includes(role)
}
