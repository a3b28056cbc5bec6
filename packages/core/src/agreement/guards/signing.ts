import { utcDay } from '../agreementDates'
import type { CommandOf } from '../commands'
import { ANTI_CEREMONIAL, PERMENDAGRI_22_2020, defineGuard, indonesianNumber } from '../guard'
import { occurredOnOf } from '../happenedOn'
import type { AgreementState, SignedDocument } from '../state'
import { unsignedParties } from '../state'

const signing = ['SignKesepakatanBersama', 'SignPerjanjianKerjaSama', 'SignNotaKesepakatan'] as const
type SignCommand = CommandOf<(typeof signing)[number]>

export function documentOf(command: SignCommand | CommandOf<'ReviewDraft'>): SignedDocument {
  if (command.type === 'ReviewDraft') return command.document
  return command.type === 'SignKesepakatanBersama' ? 'KB' : command.type === 'SignPerjanjianKerjaSama' ? 'PKS' : 'NK'
}

/** The initiating region and partners of kind daerah sign through their kepala daerah. */
function isDaerahParty(state: AgreementState, partyId: string): boolean {
  return partyId === state.initiatingRegion || state.partners.some((partner) => partner.partnerId === partyId && partner.kind === 'daerah')
}

export const signingDocumentMismatch = defineGuard({
  code: 'SIGNING_DOCUMENT_MISMATCH',
  when: [...signing, 'ReviewDraft'],
  check: (state, command) => {
    if (state.kind === undefined) return true
    const document = documentOf(command)
    return (state.kind === 'Sinergi') === (document === 'NK') || { kind: state.kind, document }
  },
  message: {
    id: 'Sinergi ditandatangani dengan Nota Kesepakatan; KSDD dan KSDPK dengan Kesepakatan Bersama lalu Perjanjian Kerja Sama',
    en: 'Sinergi is signed as a Nota Kesepakatan; KSDD and KSDPK as a Kesepakatan Bersama followed by a Perjanjian Kerja Sama',
  },
  basis: { kind: 'practice', source: 'Kemendagri, sinergi dengan kementerian/lembaga (Nota Kesepakatan dan rencana kerja)' },
})

export const draftNotReviewed = defineGuard({
  code: 'DRAFT_NOT_REVIEWED_BY_TKKSD',
  when: signing,
  check: (state, command) => {
    const document = documentOf(command)
    return state.term.draftReviews[document] !== undefined || { document }
  },
  message: {
    id: 'Rancangan naskah ini belum dibahas oleh TKKSD; catat pembahasannya sebelum penandatanganan',
    en: 'TKKSD has not discussed this document’s draft yet; record the discussion before signing',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, TKKSD membahas rancangan KB dan PKS` },
})

export const pksBeforeKb = defineGuard({
  code: 'PKS_BEFORE_KB',
  when: ['SignPerjanjianKerjaSama'],
  check: (state) => {
    if (state.status === 'none' || state.kind === 'Sinergi') return true
    const pending = unsignedParties(state, 'KB')
    return pending.length === 0 || { pending }
  },
  message: {
    id: 'PKS baru dapat ditandatangani setelah semua pihak menandatangani Kesepakatan Bersama',
    en: 'The PKS can only be signed after every party signed the Kesepakatan Bersama',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan KB mendahului penyusunan PKS` },
})

export const alreadySigned = defineGuard({
  code: 'ALREADY_SIGNED',
  when: signing,
  check: (state, command) => !state.term.signatures[documentOf(command)].some((signature) => signature.partyId === command.partyId) || { party: command.partyId },
  message: { id: 'Pihak ini sudah menandatangani naskah tersebut', en: 'This party has already signed that document' },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan` },
})

export const kbSignerNotKepalaDaerah = defineGuard({
  code: 'KB_SIGNER_NOT_KEPALA_DAERAH_IN_PERSON',
  when: ['SignKesepakatanBersama', 'SignNotaKesepakatan'],
  check: (state, command) =>
    !isDaerahParty(state, command.partyId) ||
    (command.signer.capacity === 'kepala-daerah' && command.signer.inPerson) ||
    { party: command.partyId, capacity: command.signer.capacity, inPerson: command.signer.inPerson },
  message: {
    id: 'Kesepakatan Bersama (dan Nota Kesepakatan) ditandatangani sendiri oleh kepala daerah, tidak dapat dikuasakan',
    en: 'The Kesepakatan Bersama (and Nota Kesepakatan) is signed by the kepala daerah in person; it cannot be delegated',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan KB oleh kepala daerah` },
})

export const pksKuasaWithoutSuratKuasa = defineGuard({
  code: 'PKS_KUASA_WITHOUT_SURAT_KUASA',
  when: ['SignPerjanjianKerjaSama'],
  check: (_state, command) => command.signer.capacity !== 'pemegang-kuasa' || command.signer.suratKuasaRef !== undefined,
  message: {
    id: 'Penandatangan PKS yang bukan kepala daerah harus memegang surat kuasa; sebutkan nomor surat kuasanya',
    en: 'A PKS signer who is not the kepala daerah must hold a surat kuasa; give its reference',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan PKS oleh kepala daerah atau pejabat yang diberi kuasa` },
})

export const signerCapacityMismatch = defineGuard({
  code: 'SIGNER_CAPACITY_MISMATCH',
  when: signing,
  check: (state, command) => {
    const capacity = command.signer.capacity
    const ok = isDaerahParty(state, command.partyId) ? capacity !== 'pimpinan-mitra' : capacity !== 'kepala-daerah'
    return state.status === 'none' || ok || { party: command.partyId, capacity }
  },
  message: {
    id: 'Daerah menandatangani melalui kepala daerah atau pemegang kuasanya; pihak lain melalui pimpinannya atau pemegang kuasanya',
    en: 'A region signs through its kepala daerah or a kuasa holder; any other party through its head or a kuasa holder',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penandatanganan oleh para pihak` },
})

// The days count from the day the document was signed (occurredOn), not the
// day the signing was entered: the rule asks whether the plan had work due
// soon after the signatures, and a signing entered a week late would
// otherwise slide the window past an action due in the first days, or let an
// action due before the signing count as "soon".
export const noActionDueSoon = defineGuard({
  code: 'NO_ACTION_DUE_SOON',
  when: signing,
  check: (state, command, ctx) => {
    const actions = state.term.workPlan?.actions ?? []
    if (state.status === 'none' || actions.length === 0) return true
    const signingDate = occurredOnOf(command, ctx.now, state)
    const signed = utcDay(signingDate)
    const limit = signed + ctx.policy.firstActionWithinDays
    const soon = actions.some((action) => utcDay(action.dueDate) >= signed && utcDay(action.dueDate) <= limit)
    return soon || { withinDays: ctx.policy.firstActionWithinDays, signingDate }
  },
  message: (policy) => ({
    id: `Tidak boleh menandatangani tanpa kegiatan rencana kerja yang jatuh tempo dalam ${indonesianNumber(policy.firstActionWithinDays)} hari sejak penandatanganan (ketentuan daerah)`,
    en: `No signing without a work-plan action due within ${policy.firstActionWithinDays} days of the signing date (the region’s rule)`,
  }),
  basis: { kind: 'policy', source: ANTI_CEREMONIAL },
  configurableBy: 'policy.firstActionWithinDays',
})
