import { durationYears, offerLapsed, periodIsOrdered } from '../agreementDates'
import { ANTI_CEREMONIAL, PERMENDAGRI_22_2020, PP_28_2018, defineGuard, indonesianNumber } from '../guard'
import { partiesOf, partnersNotAccepted } from '../state'

const signing = ['SignKesepakatanBersama', 'SignPerjanjianKerjaSama', 'SignNotaKesepakatan'] as const

export const offerBeforeFeasibility = defineGuard({
  code: 'OFFER_BEFORE_FEASIBILITY',
  when: ['SendOffer'],
  check: (state) => state.term.feasibility?.verdict === 'layak' || { verdict: state.term.feasibility?.verdict ?? null },
  message: {
    id: 'Penawaran baru dapat dikirim setelah TKKSD menilai kerja sama layak',
    en: 'The offer can only be sent after the TKKSD judged the cooperation feasible (layak)',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, persiapan dan penawaran (kajian TKKSD)` },
})

export const offerNotSent = defineGuard({
  code: 'OFFER_NOT_SENT',
  when: ['RecordOfferResponse'],
  check: (state) => state.term.offer !== undefined,
  message: {
    id: 'Jawaban mitra baru dapat dicatat setelah penawaran dikirim',
    en: 'A partner’s response can only be recorded after the offer was sent',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penawaran` },
})

export const offerReplyLate = defineGuard({
  code: 'OFFER_REPLY_LATE',
  when: ['RecordOfferResponse'],
  check: (state, _command, ctx) => !offerLapsed(state, ctx) || { offeredAt: state.term.offer?.at, withinDays: ctx.policy.offerReplyWithinDays },
  message: (policy) =>
    policy.offerReplyWithinDays === undefined
      ? {
          id: 'Batas waktu jawaban atas penawaran yang ditetapkan daerah sudah lewat; kepala daerah dapat mengirim penawaran ulang',
          en: 'The region’s deadline for answering the offer has passed; the kepala daerah may send the offer again',
        }
      : {
          id: `Batas waktu jawaban atas penawaran, ${indonesianNumber(policy.offerReplyWithinDays)} hari sejak penawaran dikirim, sudah lewat; kepala daerah dapat mengirim penawaran ulang`,
          en: `The deadline for answering the offer, ${policy.offerReplyWithinDays} days after it was sent, has passed; the kepala daerah may send the offer again`,
        },
  basis: { kind: 'policy', source: 'Kebijakan daerah (tidak ada batas waktu nasional; nonaktif secara bawaan)' },
  configurableBy: 'policy.offerReplyWithinDays',
})

export const unknownParty = defineGuard({
  code: 'UNKNOWN_PARTY',
  when: ['RecordOfferResponse', ...signing],
  check: (state, command) => {
    const known = command.type === 'RecordOfferResponse' ? state.partners.map((partner) => partner.partnerId) : partiesOf(state)
    const party = command.type === 'RecordOfferResponse' ? command.partnerId : command.partyId
    return state.status === 'none' || known.includes(party) || { party }
  },
  message: {
    id: 'Pihak ini tidak termasuk para pihak kerja sama',
    en: 'This party is not one of the agreement’s parties',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, para pihak kerja sama` },
})

export const partnerNotAccepted = defineGuard({
  code: 'PARTNER_NOT_ACCEPTED',
  when: ['AgreeWorkPlan', ...signing],
  check: (state) => {
    const pending = partnersNotAccepted(state)
    return state.status === 'none' || pending.length === 0 || { pending }
  },
  message: {
    id: 'Koordinasi belum selesai: belum semua mitra menerima penawaran',
    en: 'Coordination is not complete: not every partner has accepted the offer',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penawaran (jawaban mitra)` },
})

export const workPlanWithoutAction = defineGuard({
  code: 'WORK_PLAN_WITHOUT_ACTION',
  when: ['AgreeWorkPlan', ...signing],
  check: (state, command) => {
    const count = command.type === 'AgreeWorkPlan' ? command.actions.length : (state.term.workPlan?.actions.length ?? 0)
    return state.status === 'none' || count > 0
  },
  message: {
    id: 'Rencana kerja harus memuat paling sedikit satu kegiatan konkret (penanggung jawab, tenggat, keluaran terukur)',
    en: 'The work plan must hold at least one concrete action (owner, due date, measurable output)',
  },
  basis: { kind: 'policy', source: ANTI_CEREMONIAL },
})

export const duplicateAction = defineGuard({
  code: 'DUPLICATE_ACTION',
  when: ['AgreeWorkPlan', 'Amend'],
  check: (state, command) => {
    const existing = command.type === 'Amend' ? (state.term.workPlan?.actions.map((action) => action.actionId) ?? []) : []
    const incoming = (command.type === 'Amend' ? (command.addActions ?? []) : command.actions).flatMap((action) => (action.actionId === undefined ? [] : [action.actionId]))
    const all = [...existing, ...incoming]
    const duplicates = [...new Set(all.filter((value, index) => all.indexOf(value) !== index))]
    return duplicates.length === 0 || { duplicates }
  },
  message: { id: 'Kode kegiatan dalam rencana kerja harus unik', en: 'Action ids in the work plan must be unique' },
  basis: { kind: 'policy', source: ANTI_CEREMONIAL },
})

export const invalidPeriod = defineGuard({
  code: 'INVALID_PERIOD',
  when: ['AgreeWorkPlan'],
  check: (_state, command) => periodIsOrdered(command.duration),
  message: { id: 'Jangka waktu kerja sama harus berakhir setelah dimulai', en: 'The agreement period must end after it starts' },
  basis: { kind: 'reg', source: `${PP_28_2018}, jangka waktu kerja sama` },
})

export const durationExceedsLimit = defineGuard({
  code: 'DURATION_EXCEEDS_LIMIT',
  when: ['AgreeWorkPlan'],
  check: (_state, command, ctx) => {
    const limit = command.sector === 'infrastructure' ? ctx.policy.maxYearsInfrastructure : ctx.policy.maxYearsPublicService
    const years = durationYears(command.duration)
    return years <= limit || { years: Math.round(years * 100) / 100, limit, sector: command.sector }
  },
  message: (policy) => ({
    id: `Jangka waktu melebihi batas: paling lama ${indonesianNumber(policy.maxYearsPublicService)} tahun untuk pelayanan publik dan ${indonesianNumber(policy.maxYearsInfrastructure)} tahun untuk infrastruktur (ketentuan daerah)`,
    en: `Duration exceeds the limit: at most ${policy.maxYearsPublicService} years for public service and ${policy.maxYearsInfrastructure} years for infrastructure (the region’s rule)`,
  }),
  basis: { kind: 'practice', source: 'Pernyataan Kemendagri dan pedoman kerja sama pemerintah kota' },
  configurableBy: 'policy.maxYearsPublicService, policy.maxYearsInfrastructure',
})
