import type { Partner } from '../commands'
import type { Actor } from '../../store'
import { ANTI_CEREMONIAL, PERMENDAGRI_22_2020, defineGuard } from '../guard'
import { partiesOf } from '../state'

// Who speaks for whom. The role says what kind of officer someone is; these
// rules say for which party they act (Actor.actsFor), so a partner's user
// cannot answer another partner's offer or sign for it, and one region's
// officers cannot carry another region's agreement forward.

/** A daerah partner's users may act for its partnerId or for its region code. */
function actsForPartner(actor: Actor, partner: Partner): boolean {
  return actor.actsFor === partner.partnerId || (partner.kind === 'daerah' && partner.regionCode !== undefined && actor.actsFor === partner.regionCode)
}

/**
 * The steps the initiating region takes itself. The DPRD decision is its
 * DPRD's (the library follows the initiating region's approval; a daerah
 * partner's own DPRD is that region's business), recorded by its DPRD or TKKSD.
 */
const regionSteps = [
  'IdentifyCooperation', 'MapAffairs', 'AssessFeasibility', 'SendOffer', 'AgreeWorkPlan', 'ReviewDraft',
  'RequestDprdApproval', 'RecordDprdApproval', 'RecordMonev', 'Amend', 'Extend', 'Terminate', 'Expire',
] as const

export const actorNotOfInitiatingRegion = defineGuard({
  code: 'ACTOR_NOT_OF_INITIATING_REGION',
  when: regionSteps,
  check: (state, command, ctx) => {
    const region = command.type === 'IdentifyCooperation' ? command.initiatingRegion : state.initiatingRegion
    return region === undefined || ctx.actor.actsFor === region || { actsFor: ctx.actor.actsFor, initiatingRegion: region }
  },
  message: {
    id: 'Langkah ini dijalankan oleh daerah pemrakarsa: pengguna harus bertindak atas nama daerah pemrakarsa kerja sama ini',
    en: 'This step is the initiating region’s own: the user must act for this agreement’s initiating region',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, persiapan, penawaran, penyusunan naskah, persetujuan DPRD, monev dan pengakhiran oleh daerah pemrakarsa` },
})

export const actorNotOfParty = defineGuard({
  code: 'ACTOR_NOT_OF_PARTY',
  when: ['RecordOfferResponse', 'SignKesepakatanBersama', 'SignPerjanjianKerjaSama', 'SignNotaKesepakatan'],
  // The region's signature is its kepala daerah's or kuasa holder's; a
  // partner's answer and signature its own user's, never another partner's.
  check: (state, command, ctx) => {
    const { actor } = ctx
    const party = command.type === 'RecordOfferResponse' ? command.partnerId : command.partyId
    const details = { party, actsFor: actor.actsFor, role: actor.role }
    if (command.type !== 'RecordOfferResponse' && party === state.initiatingRegion) return (actor.role !== 'partner' && actor.actsFor === party) || details
    const partner = state.partners.find((candidate) => candidate.partnerId === party)
    // A party the agreement does not name is UNKNOWN_PARTY's to refuse.
    if (partner === undefined) return true
    return (actor.role === 'partner' && actsForPartner(actor, partner)) || details
  },
  message: {
    id: 'Jawaban atas penawaran dan tanda tangan dicatat oleh pihak yang bersangkutan sendiri: daerah oleh kepala daerah atau pemegang kuasanya, mitra oleh penggunanya sendiri',
    en: 'An answer to the offer or a signature is recorded by the party concerned itself: a region by its kepala daerah or kuasa holder, a partner by its own user',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, penawaran dijawab oleh calon mitra; penandatanganan oleh masing-masing pihak` },
})

export const actorOutsideAgreement = defineGuard({
  code: 'ACTOR_OUTSIDE_AGREEMENT',
  when: ['StartAction', 'CompleteAction'],
  // The plan names an action's owner as a unit ("Dinas Koperasi"), not as a
  // party, so any party may report carrying one out, each for itself: the
  // region's officers for a region (the initiating one or a daerah partner),
  // a partner's user for that partner.
  check: (state, _command, ctx) => {
    const { actor } = ctx
    if (state.status === 'none') return true
    const ok =
      actor.role === 'partner'
        ? state.partners.some((partner) => actsForPartner(actor, partner))
        : actor.actsFor === state.initiatingRegion || state.partners.some((partner) => partner.kind === 'daerah' && actsForPartner(actor, partner))
    return ok || { actsFor: actor.actsFor, role: actor.role, parties: partiesOf(state) }
  },
  message: {
    id: 'Pelaksanaan kegiatan dicatat oleh salah satu pihak kerja sama, masing-masing untuk dirinya sendiri; pengguna ini tidak bertindak atas nama pihak mana pun dalam kerja sama ini',
    en: 'Carrying out an action is recorded by one of the agreement’s parties, each for itself; this user acts for none of them',
  },
  basis: { kind: 'policy', source: `${ANTI_CEREMONIAL} (pelaksanaan dicatat oleh para pihak sendiri)` },
})
