import { regionToday } from '../indonesianDays'
import { ANTI_CEREMONIAL, PERMENDAGRI_22_2020, defineGuard } from '../guard'
import { datedCommandTypes, occurredOnOf, placeDay, previousStepOf } from '../happenedOn'

// The day a signing, an action or a monev happened may be earlier than the day
// it is recorded, never later: the record holds what took place, and a
// signature dated next week is a ceremony announced, not one held. The days
// are checked by placeDay, as the DPRD's decision date is.

export const occurredInFuture = defineGuard({
  code: 'OCCURRED_IN_FUTURE',
  when: datedCommandTypes,
  check: (state, command, ctx) => {
    const occurredOn = occurredOnOf(command, ctx.now, state)
    return placeDay(occurredOn, previousStepOf(state, command), ctx.now) !== 'in-future' || { occurredOn, recordedOn: regionToday(ctx.now, state.initiatingRegion) }
  },
  message: {
    id: 'Tanggal terjadinya langkah ini melewati hari pencatatan; langkah dicatat setelah benar-benar terjadi',
    en: 'The day this step happened is after the day it is recorded; a step is recorded once it has taken place',
  },
  basis: { kind: 'policy', source: `${ANTI_CEREMONIAL}: yang dicatat adalah yang sudah terjadi, bukan yang direncanakan` },
})

// "Never before the step it follows": a signature before TKKSD discussed the
// draft, a PKS before the KB or the DPRD's decision, an action started before
// the agreement was signed or completed before it started, a monev of an
// agreement not yet signed. Such a date would make the register, read by the
// day things happened, show a step before its reason existed.
export const occurredBeforePreviousStep = defineGuard({
  code: 'OCCURRED_BEFORE_PREVIOUS_STEP',
  when: datedCommandTypes,
  check: (state, command, ctx) => {
    const occurredOn = occurredOnOf(command, ctx.now, state)
    const follows = previousStepOf(state, command)
    return placeDay(occurredOn, follows, ctx.now) !== 'before-previous-step' || { occurredOn, follows: follows?.step, followsOn: follows?.on }
  },
  message: {
    id: 'Tanggal terjadinya langkah ini mendahului tahap sebelumnya: penandatanganan sesudah rencana kerja dan pembahasan rancangan oleh TKKSD (PKS sesudah KB dan persetujuan DPRD), kegiatan dimulai sesudah penandatanganan, diselesaikan sesudah dimulai, dan monev sesudah penandatanganan',
    en: 'The day this step happened is before the step it follows: signing after the work plan and the TKKSD’s discussion of the draft (the PKS after the KB and the DPRD’s approval), an action started after signing and completed after it started, monev after signing',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, tahapan kerja sama (pembahasan rancangan oleh TKKSD, penandatanganan, persetujuan DPRD, pelaksanaan, monev)` },
})
