import { evolve, initialState } from '../../src/agreement'
import type { AgreementEvent, AgreementPolicy } from '../../src/agreement'
import type { Actor } from '../../src/store'
import { REGION, actors, commands, day, eventsThrough, goodPath, isoDay, kebumenBorders, kepalaDaerah, partnerActor, partnersFor, pemegangKuasa, run } from './scenario'

/**
 * For every built-in guard: a case it refuses and the nearest case it lets
 * through. guards.test.ts fails when a guard has no entry here.
 */
export type GuardCase = { given: AgreementEvent[]; command: Record<string, unknown>; actor?: Actor; now?: Date; policy?: Partial<AgreementPolicy> }

const bordering = { isBordering: kebumenBorders }
const pihakKetiga = partnersFor.KSDPK[0]!

/** The good path until partners accepted, then a custom work plan. */
function coordinatedWith(plan: Record<string, unknown>): AgreementEvent[] {
  const steps = goodPath('KSDPK')
  const accepted = steps.slice(0, steps.map((s) => s.label).lastIndexOf('accepted') + 1)
  return run([
    ...accepted,
    { label: 'plan', command: commands.workPlan(plan), actor: actors.tkksd, day: 35 },
    { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 50 },
  ]).events
}

function then(events: AgreementEvent[], ...more: Array<{ command: Record<string, unknown>; actor: Actor; day: number }>): AgreementEvent[] {
  const state = events.reduce(evolve, initialState)
  return run(more.map((step) => ({ label: 'extra', ...step })), bordering, { events, state }).events
}

const signKb = (partyId = REGION, signer?: Record<string, unknown>) => commands.sign('SignKesepakatanBersama', partyId, signer)

/** A plan that burdens the public, with the KB signed by every party: the moment to ask the DPRD. */
function kbSignedBurdeningPublic(): AgreementEvent[] {
  return then(
    coordinatedWith({ burdensPublic: true }),
    { command: signKb(), actor: actors.bupati, day: 55 },
    { command: signKb(pihakKetiga.partnerId), actor: actors.partner, day: 55 },
    { command: commands.review('PKS'), actor: actors.tkksd, day: 55 },
  )
}
const dprdRequested = () => then(kbSignedBurdeningPublic(), { command: commands.dprdRequest(), actor: actors.bupati, day: 56 })
const signPks = commands.sign('SignPerjanjianKerjaSama', REGION)

export const guardCases: Record<string, { refuses: GuardCase; passes: GuardCase }> = {
  WRONG_STAGE: {
    refuses: { given: eventsThrough('identified'), command: commands.assess(), actor: actors.tkksd },
    passes: { given: eventsThrough('mapped'), command: commands.assess(), actor: actors.tkksd },
  },
  ACTOR_NOT_OF_INITIATING_REGION: {
    refuses: { given: eventsThrough('identified'), command: commands.map('KSDPK'), actor: { ...actors.opd, actsFor: '33.74' } },
    passes: { given: eventsThrough('identified'), command: commands.map('KSDPK'), actor: actors.opd },
  },
  ACTOR_NOT_OF_PARTY: {
    refuses: { given: eventsThrough('offered'), command: commands.respond(pihakKetiga.partnerId), actor: partnerActor('koperasi-lain') },
    passes: { given: eventsThrough('offered'), command: commands.respond(pihakKetiga.partnerId), actor: partnerActor(pihakKetiga.partnerId) },
  },
  ACTOR_OUTSIDE_AGREEMENT: {
    refuses: { given: eventsThrough('signed'), command: commands.start(), now: day(70), actor: { ...actors.opd, actsFor: '33.74' } },
    passes: { given: eventsThrough('signed'), command: commands.start(), now: day(70), actor: partnerActor(pihakKetiga.partnerId) },
  },
  NOT_COOPERATION: {
    refuses: { given: [], command: commands.identify('KSDPK', { kind: 'procurement' }) },
    passes: { given: [], command: commands.identify('KSDPK') },
  },
  FOREIGN_COOPERATION_OUT_OF_SCOPE: {
    refuses: { given: [], command: commands.identify('KSDPK', { kind: 'KSDPL', partners: [{ partnerId: 'penang', name: 'Penang State', kind: 'pemerintah-daerah-luar-negeri' }] }) },
    passes: { given: [], command: commands.identify('KSDPK') },
  },
  UNKNOWN_REGION: {
    refuses: { given: [], command: commands.identify('KSDPK', { initiatingRegion: '33.70' }) },
    passes: { given: [], command: commands.identify('KSDD-sukarela', { partners: [{ partnerId: 'garut', name: 'Kabupaten Garut', kind: 'daerah', regionCode: '32.05' }] }) },
  },
  ADMINISTRATIVE_AREA_NOT_A_PARTY: {
    refuses: { given: [], command: commands.identify('KSDD-sukarela', { partners: [{ partnerId: 'jaksel', name: 'Kota Administrasi Jakarta Selatan', kind: 'daerah', regionCode: '31.74' }] }) },
    passes: { given: [], command: commands.identify('KSDD-sukarela', { partners: [{ partnerId: 'dki', name: 'Provinsi DKI Jakarta', kind: 'daerah', regionCode: '31' }] }) },
  },
  PARTNER_KIND_MISMATCH: {
    refuses: { given: [], command: commands.identify('KSDPK', { partners: partnersFor['KSDD-sukarela'] }) },
    passes: { given: [], command: commands.identify('Sinergi') },
  },
  DUPLICATE_PARTY: {
    refuses: { given: [], command: commands.identify('KSDPK', { partners: [pihakKetiga, pihakKetiga] }) },
    passes: { given: [], command: commands.identify('KSDPK', { partners: [pihakKetiga, { ...pihakKetiga, partnerId: 'bumdes' }] }) },
  },
  KSDD_WAJIB_NO_BORDERING_PREDICATE: {
    refuses: { given: [], command: commands.identify('KSDD-wajib'), policy: {} },
    passes: { given: [], command: commands.identify('KSDD-wajib'), policy: bordering },
  },
  KSDD_WAJIB_NOT_BORDERING: {
    refuses: { given: [], command: commands.identify('KSDD-wajib', { partners: [{ partnerId: '33.29', name: 'Kabupaten Brebes', kind: 'daerah', regionCode: '33.29' }] }), policy: bordering },
    passes: { given: [], command: commands.identify('KSDD-wajib'), policy: bordering },
  },
  KSDD_WAJIB_PAIRING_NOT_ALLOWED: {
    refuses: { given: [], command: commands.identify('KSDD-wajib', { partners: [{ partnerId: '32', name: 'Provinsi Jawa Barat', kind: 'daerah', regionCode: '32' }] }), policy: { isBordering: () => true } },
    passes: { given: [], command: commands.identify('KSDD-wajib', { partners: [{ partnerId: '33', name: 'Provinsi Jawa Tengah', kind: 'daerah', regionCode: '33' }] }), policy: { isBordering: () => true } },
  },
  ABSOLUTE_AFFAIR: {
    refuses: { given: eventsThrough('identified'), command: commands.map('KSDPK', { affairs: ['pertahanan'] }) },
    passes: { given: eventsThrough('identified'), command: commands.map('KSDPK', { affairs: ['4.02'] }) },
  },
  UNKNOWN_URUSAN: {
    refuses: { given: eventsThrough('identified'), command: commands.map('KSDPK', { affairs: ['2.17', '9.99'] }) },
    passes: { given: eventsThrough('identified'), command: commands.map('KSDPK', { affairs: ['2.17', '3.27'] }) },
  },
  STUDI_KELAYAKAN_REQUIRED: {
    refuses: { given: eventsThrough('identified', 'KSDPK'), command: commands.map('KSDD-sukarela') },
    passes: { given: eventsThrough('identified', 'KSDD-sukarela'), command: commands.map('KSDD-sukarela') },
  },
  PLANNING_DOCUMENT_REQUIRED: {
    refuses: { given: eventsThrough('identified'), command: commands.map('KSDPK', { planningDocuments: [{ kind: 'Renstra', reference: 'Renstra Dinas' }] }) },
    passes: { given: eventsThrough('identified'), command: commands.map('KSDPK', { planningDocuments: [{ kind: 'RKPD', reference: 'RKPD 2022' }] }) },
  },
  OFFER_BEFORE_FEASIBILITY: {
    refuses: { given: then(eventsThrough('mapped'), { command: commands.assess('tidak-layak'), actor: actors.tkksd, day: 14 }), command: commands.offer() },
    passes: { given: eventsThrough('assessed'), command: commands.offer() },
  },
  OFFER_NOT_SENT: {
    refuses: { given: eventsThrough('assessed'), command: commands.respond(pihakKetiga.partnerId) },
    passes: { given: eventsThrough('offered'), command: commands.respond(pihakKetiga.partnerId) },
  },
  OFFER_REPLY_LATE: {
    refuses: { given: eventsThrough('offered'), command: commands.respond(pihakKetiga.partnerId), now: day(21 + 31), policy: { offerReplyWithinDays: 30 } },
    passes: { given: eventsThrough('offered'), command: commands.respond(pihakKetiga.partnerId), now: day(21 + 30), policy: { offerReplyWithinDays: 30 } },
  },
  UNKNOWN_PARTY: {
    refuses: { given: eventsThrough('offered'), command: commands.respond('somebody-else') },
    passes: { given: eventsThrough('offered'), command: commands.respond(pihakKetiga.partnerId) },
  },
  PARTNER_NOT_ACCEPTED: {
    refuses: { given: then(eventsThrough('offered'), { command: commands.respond(pihakKetiga.partnerId, false), actor: actors.partner, day: 28 }), command: commands.workPlan() },
    passes: { given: eventsThrough('accepted'), command: commands.workPlan() },
  },
  WORK_PLAN_WITHOUT_ACTION: {
    refuses: { given: eventsThrough('accepted'), command: commands.workPlan({ actions: [] }) },
    passes: { given: eventsThrough('accepted'), command: commands.workPlan() },
  },
  DUPLICATE_ACTION: {
    refuses: { given: eventsThrough('accepted'), command: commands.workPlan({ actions: [...(commands.workPlan().actions), ...(commands.workPlan().actions)] }) },
    passes: { given: eventsThrough('accepted'), command: commands.workPlan({ actions: [...commands.workPlan().actions, { ...commands.workPlan().actions[0]!, actionId: 'a2' }] }) },
  },
  INVALID_PERIOD: {
    refuses: { given: eventsThrough('accepted'), command: commands.workPlan({ duration: { start: isoDay(400), end: isoDay(100) } }) },
    passes: { given: eventsThrough('accepted'), command: commands.workPlan({ duration: { start: isoDay(60), end: isoDay(400) } }) },
  },
  DURATION_EXCEEDS_LIMIT: {
    refuses: { given: eventsThrough('accepted'), command: commands.workPlan({ duration: { years: 6 } }) },
    passes: { given: eventsThrough('accepted'), command: commands.workPlan({ duration: { years: 20 }, sector: 'infrastructure' }) },
  },
  DPRD_REQUEST_BEFORE_KB: {
    refuses: { given: then(coordinatedWith({ burdensPublic: true }), { command: signKb(), actor: actors.bupati, day: 55 }), command: commands.dprdRequest(), now: day(56) },
    passes: { given: kbSignedBurdeningPublic(), command: commands.dprdRequest(), now: day(56) },
  },
  DPRD_DECISION_PENDING: {
    refuses: { given: dprdRequested(), command: commands.dprdRequest(), now: day(56 + 31), policy: {} },
    passes: { given: dprdRequested(), command: commands.dprdRequest(), now: day(56 + 31), policy: { dprdDecisionWithinDays: 30 } },
  },
  DPRD_NOT_REQUESTED: {
    refuses: { given: kbSignedBurdeningPublic(), command: commands.dprd(), now: day(58) },
    passes: { given: dprdRequested(), command: commands.dprd(), now: day(58) },
  },
  DPRD_DECISION_DATE_OUT_OF_RANGE: {
    refuses: { given: dprdRequested(), command: commands.dprd(true, 40), now: day(58) },
    passes: { given: dprdRequested(), command: commands.dprd(true, 56), now: day(58) },
  },
  // Signed on day 60: an action may start from that day, not before, and not after today.
  OCCURRED_IN_FUTURE: {
    refuses: { given: eventsThrough('signed'), command: { ...commands.start(), occurredOn: isoDay(71) }, now: day(70) },
    passes: { given: eventsThrough('signed'), command: { ...commands.start(), occurredOn: isoDay(70) }, now: day(70) },
  },
  OCCURRED_BEFORE_PREVIOUS_STEP: {
    refuses: { given: eventsThrough('signed'), command: { ...commands.start(), occurredOn: isoDay(59) }, now: day(70) },
    passes: { given: eventsThrough('signed'), command: { ...commands.start(), occurredOn: isoDay(60) }, now: day(70) },
  },
  DPRD_APPROVAL_REQUIRED: {
    refuses: { given: dprdRequested(), command: signPks, actor: actors.bupati, now: day(60) },
    passes: { given: then(dprdRequested(), { command: commands.dprd(), actor: actors.dprd, day: 58 }), command: signPks, actor: actors.bupati, now: day(60) },
  },
  SIGNING_DOCUMENT_MISMATCH: {
    refuses: { given: eventsThrough('coordinated', 'Sinergi'), command: signKb(), actor: actors.bupati, now: day(55) },
    passes: { given: eventsThrough('coordinated', 'Sinergi'), command: commands.sign('SignNotaKesepakatan', REGION), actor: actors.bupati, now: day(55) },
  },
  DRAFT_NOT_REVIEWED_BY_TKKSD: {
    refuses: { given: eventsThrough('kb-signed').slice(0, -1), command: signPks, actor: actors.bupati, now: day(60) },
    passes: { given: eventsThrough('kb-signed'), command: signPks, actor: actors.bupati, now: day(60) },
  },
  PKS_BEFORE_KB: {
    refuses: { given: eventsThrough('coordinated'), command: commands.sign('SignPerjanjianKerjaSama', REGION), actor: actors.bupati, now: day(55) },
    passes: { given: eventsThrough('kb-signed'), command: commands.sign('SignPerjanjianKerjaSama', REGION), actor: actors.bupati, now: day(60) },
  },
  ALREADY_SIGNED: {
    refuses: { given: then(eventsThrough('coordinated'), { command: signKb(), actor: actors.bupati, day: 55 }), command: signKb(), actor: actors.bupati, now: day(55) },
    passes: { given: then(eventsThrough('coordinated'), { command: signKb(), actor: actors.bupati, day: 55 }), command: signKb(pihakKetiga.partnerId), actor: actors.partner, now: day(55) },
  },
  KB_SIGNER_NOT_KEPALA_DAERAH_IN_PERSON: {
    refuses: { given: eventsThrough('coordinated'), command: signKb(REGION, pemegangKuasa), actor: actors.bupati, now: day(55) },
    passes: { given: eventsThrough('coordinated'), command: signKb(REGION), actor: actors.bupati, now: day(55) },
  },
  PKS_KUASA_WITHOUT_SURAT_KUASA: {
    refuses: { given: eventsThrough('kb-signed'), command: commands.sign('SignPerjanjianKerjaSama', REGION, { ...pemegangKuasa, suratKuasaRef: undefined }), actor: actors.kuasa, now: day(60) },
    passes: { given: eventsThrough('kb-signed'), command: commands.sign('SignPerjanjianKerjaSama', REGION, pemegangKuasa), actor: actors.kuasa, now: day(60) },
  },
  SIGNER_CAPACITY_MISMATCH: {
    refuses: { given: eventsThrough('kb-signed'), command: commands.sign('SignPerjanjianKerjaSama', pihakKetiga.partnerId, kepalaDaerah), actor: actors.partner, now: day(60) },
    passes: { given: eventsThrough('kb-signed'), command: commands.sign('SignPerjanjianKerjaSama', pihakKetiga.partnerId, { ...pemegangKuasa, name: 'Manajer Koperasi' }), actor: actors.partner, now: day(60) },
  },
  NO_ACTION_DUE_SOON: {
    refuses: { given: coordinatedWith({ actions: [{ ...commands.workPlan().actions[0]!, dueDate: isoDay(400) }] }), command: signKb(), actor: actors.bupati, now: day(55) },
    passes: { given: coordinatedWith({ actions: [{ ...commands.workPlan().actions[0]!, dueDate: isoDay(140) }] }), command: signKb(), actor: actors.bupati, now: day(55) },
  },
  PARTY_NOT_SIGNED: {
    refuses: { given: eventsThrough('kb-signed'), command: commands.start(), now: day(70) },
    passes: { given: eventsThrough('signed'), command: commands.start(), now: day(70) },
  },
  UNKNOWN_ACTION: {
    refuses: { given: eventsThrough('signed'), command: commands.start('a9'), now: day(70) },
    passes: { given: eventsThrough('signed'), command: commands.start('a1'), now: day(70) },
  },
  ACTION_ALREADY_COMPLETED: {
    refuses: { given: eventsThrough('implemented'), command: commands.complete(), now: day(90) },
    passes: { given: eventsThrough('started'), command: commands.complete(), now: day(90) },
  },
  IMPLEMENTED_WITHOUT_EVIDENCE: {
    refuses: { given: eventsThrough('started'), command: commands.complete('a1', {}), now: day(85) },
    passes: { given: eventsThrough('started'), command: commands.complete('a1', { evidence: { kind: 'file', sha256: 'a'.repeat(64) } }), now: day(85) },
  },
  MONEV_SCORE_OFF_RUBRIC: {
    refuses: { given: eventsThrough('implemented'), command: commands.monev(80), actor: actors.monev, now: day(180) },
    passes: { given: eventsThrough('implemented'), command: commands.monev(75), actor: actors.monev, now: day(180) },
  },
  NOT_YET_EXPIRED: {
    refuses: { given: eventsThrough('evaluated'), command: commands.expire(), actor: actors.tkksd, now: day(400) },
    passes: { given: eventsThrough('evaluated'), command: commands.expire(), actor: actors.tkksd, now: day(60 + 3 * 366) },
  },
  EXTENSION_AS_DATE_EDIT: {
    refuses: { given: eventsThrough('signed'), command: commands.amend({ duration: { years: 5 } }), actor: actors.tkksd, now: day(100) },
    passes: { given: eventsThrough('signed'), command: commands.amend({ addActions: [{ actionId: 'a2', description: 'Promosi', owner: 'Dinas', dueDate: isoDay(150), output: '1 pameran' }] }), actor: actors.tkksd, now: day(100) },
  },
  AMENDMENT_WITHOUT_ADDENDUM: {
    refuses: { given: eventsThrough('signed'), command: commands.amend({ documentReference: undefined }), actor: actors.tkksd, now: day(100) },
    passes: { given: eventsThrough('signed'), command: commands.amend({ documentReference: 'Adendum I/2022' }), actor: actors.tkksd, now: day(100) },
  },
}
