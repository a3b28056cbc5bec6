import { termEndsAt, utcDay } from '../agreementDates'
import { ANTI_CEREMONIAL, PERMENDAGRI_22_2020, defineGuard } from '../guard'

/** The public rubric's scores, the default policy.monevScores. */
export const publicRubricScores: readonly number[] = Object.freeze([100, 75, 50, 0])

export const unknownAction = defineGuard({
  code: 'UNKNOWN_ACTION',
  when: ['StartAction', 'CompleteAction'],
  check: (state, command) => state.status === 'none' || state.term.workPlan?.actions.some((action) => action.actionId === command.actionId) === true || { actionId: command.actionId },
  message: { id: 'Kegiatan ini tidak ada dalam rencana kerja', en: 'This action is not in the work plan' },
  basis: { kind: 'policy', source: ANTI_CEREMONIAL },
})

export const actionAlreadyCompleted = defineGuard({
  code: 'ACTION_ALREADY_COMPLETED',
  when: ['StartAction', 'CompleteAction'],
  check: (state, command) => state.term.workPlan?.actions.find((action) => action.actionId === command.actionId)?.status !== 'completed' || { actionId: command.actionId },
  message: { id: 'Kegiatan ini sudah selesai', en: 'This action has already been completed' },
  basis: { kind: 'policy', source: ANTI_CEREMONIAL },
})

export const implementedWithoutEvidence = defineGuard({
  code: 'IMPLEMENTED_WITHOUT_EVIDENCE',
  when: ['CompleteAction'],
  check: (_state, command) => command.evidence !== undefined,
  message: {
    id: 'Kegiatan hanya dapat dinyatakan selesai dengan bukti (nomor dokumen, URL, atau hash berkas)',
    en: 'An action can only be completed with evidence (a document reference, a URL or a file hash)',
  },
  basis: { kind: 'policy', source: ANTI_CEREMONIAL },
})

export const monevScoreOffRubric = defineGuard({
  code: 'MONEV_SCORE_OFF_RUBRIC',
  when: ['RecordMonev'],
  check: (_state, command, ctx) => ctx.policy.monevScores.includes(command.score) || { score: command.score, allowed: [...ctx.policy.monevScores] },
  // The default rubric's scores carry their meaning; a region's own rubric is
  // quoted by its scores, as the library cannot know what each of them means.
  message: (policy) =>
    sameScores(policy.monevScores, publicRubricScores)
      ? {
          id: 'Nilai monev mengikuti rubrik: 100 terlaksana penuh dan berkelanjutan, 75 sebagian, 50 rencana kerja tidak diikuti, 0 tidak ada kegiatan',
          en: 'Monev scores follow the rubric: 100 fully carried out and sustained, 75 partly, 50 work plan not followed, 0 nothing happened',
        }
      : {
          id: `Nilai monev mengikuti rubrik daerah: salah satu dari ${listed(policy.monevScores, 'atau')}`,
          en: `Monev scores follow the region’s rubric: one of ${listed(policy.monevScores, 'or')}`,
        },
  basis: { kind: 'practice', source: 'Rubrik evaluasi kerja sama daerah (pola penilaian publik)' },
  configurableBy: 'policy.monevScores',
})

export const notYetExpired = defineGuard({
  code: 'NOT_YET_EXPIRED',
  when: ['Expire'],
  check: (state, _command, ctx) => {
    const endsAt = termEndsAt(state)
    return endsAt === undefined || utcDay(ctx.now) >= utcDay(endsAt) || { endsAt: endsAt.toISOString() }
  },
  message: {
    id: 'Kerja sama belum habis jangka waktunya; gunakan pengakhiran (Terminate) dengan alasan bila hendak diakhiri lebih awal',
    en: 'The agreement’s term has not run out; use Terminate with a reason to end it early',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, berakhirnya kerja sama` },
})

export const extensionAsDateEdit = defineGuard({
  code: 'EXTENSION_AS_DATE_EDIT',
  when: ['Amend'],
  check: (_state, command) => command.duration === undefined,
  message: {
    id: 'Perpanjangan bukan perubahan tanggal: gunakan Extend, yang menjalankan kembali koordinasi (TKKSD, penawaran, rencana kerja, penandatanganan)',
    en: 'An extension is not a date edit: use Extend, which re-runs coordination (TKKSD, offer, work plan, signing)',
  },
  basis: { kind: 'practice', source: 'Kemendagri: perpanjangan kerja sama melalui tahapan kerja sama kembali' },
})

export const amendmentWithoutAddendum = defineGuard({
  code: 'AMENDMENT_WITHOUT_ADDENDUM',
  when: ['Amend'],
  // A change to a signed agreement binds every party, so it is the addendum
  // they signed that the record points to, not one side's wish.
  check: (_state, command) => command.documentReference !== undefined,
  message: {
    id: 'Perubahan kerja sama dituangkan dalam adendum yang disepakati para pihak; sebutkan nomor adendumnya',
    en: 'An amendment is set down in an addendum the parties agreed; give the addendum’s reference',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, perubahan kerja sama atas kesepakatan para pihak` },
})

function sameScores(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((score) => b.includes(score))
}

function listed(scores: readonly number[], or: string): string {
  const sorted = [...scores].sort((x, y) => y - x).map(String)
  return sorted.length === 1 ? sorted[0]! : `${sorted.slice(0, -1).join(', ')} ${or} ${sorted.at(-1)!}`
}
