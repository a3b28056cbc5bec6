import { decide, evolve, initialState, resolvePolicy } from '../../src/agreement'
import type { AgreementEvent, AgreementPolicy, AgreementState, DecideContext } from '../../src/agreement'
import type { Actor } from '../../src/store'
import { KerjasamaError } from '../../src/errors'
import { sequentialIds } from '../../src/testing'

// Commands that take one agreement along the good path, built by stage, so a
// guard test can stop anywhere and try the one step it is about.

export const NOW = new Date('2022-02-22T02:00:00.000Z')
export const DAY = 86_400_000
export const REGION = '33.05'
export const AGREEMENT = 'kebumen-gula'

/** A partner's own user, acting for that partner. */
export const partnerActor = (partnerId: string): Actor => ({ id: `mitra-${partnerId}`, role: 'partner', actsFor: partnerId })

/** Kebumen's officers, and the KSDPK cooperative's user. */
export const actors = {
  opd: { id: 'opd-1', role: 'opd', actsFor: REGION },
  tkksd: { id: 'tkksd-1', role: 'tkksd', actsFor: REGION },
  bupati: { id: 'bupati', role: 'kepala-daerah', actsFor: REGION },
  kuasa: { id: 'kadin', role: 'kuasa', actsFor: REGION },
  dprd: { id: 'dprd', role: 'dprd', actsFor: REGION },
  partner: partnerActor('koperasi-nira'),
  monev: { id: 'inspektorat', role: 'monev', actsFor: REGION },
} satisfies Record<string, Actor>

export function context(overrides: { now?: Date; actor?: Actor; policy?: Partial<AgreementPolicy> } = {}): DecideContext {
  return { now: overrides.now ?? NOW, actor: overrides.actor ?? actors.opd, newId: sequentialIds('t'), policy: resolvePolicy(overrides.policy ?? {}) }
}

export const day = (n: number): Date => new Date(NOW.getTime() + n * DAY)
export const isoDay = (n: number): string => day(n).toISOString().slice(0, 10)

export type Variant = 'KSDPK' | 'KSDD-sukarela' | 'KSDD-wajib' | 'Sinergi'

export const partnersFor = {
  KSDPK: [{ partnerId: 'koperasi-nira', name: 'Koperasi Nira Kelapa', kind: 'pihak-ketiga' as const }],
  'KSDD-sukarela': [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah' as const, regionCode: '33.06' }],
  'KSDD-wajib': [{ partnerId: '33.04', name: 'Kabupaten Banjarnegara', kind: 'daerah' as const, regionCode: '33.04' }],
  Sinergi: [{ partnerId: 'unnes', name: 'Universitas Negeri Semarang (BLU)', kind: 'kementerian-lembaga' as const }],
}

export const kepalaDaerah = { name: 'Bupati Kebumen', office: 'Bupati', capacity: 'kepala-daerah' as const, inPerson: true }
export const pemegangKuasa = { name: 'Kepala Dinas', office: 'Kepala Dinas Koperasi', capacity: 'pemegang-kuasa' as const, inPerson: true, suratKuasaRef: 'SK/2022/17' }
export const pimpinanMitra = { name: 'Ketua Koperasi', office: 'Ketua', capacity: 'pimpinan-mitra' as const, inPerson: true }

/** Kebumen borders Banjarnegara, Purworejo, Banyumas, Cilacap, Wonosobo (enough for the tests). */
export const kebumenBorders = (a: string, b: string): boolean => {
  const pairs = new Set(['33.05|33.04', '33.05|33.06', '33.05|33.02', '33.05|33.01', '33.05|33.07'])
  return pairs.has(`${a}|${b}`) || pairs.has(`${b}|${a}`)
}

export const commands = {
  identify: (variant: Variant, extra: Record<string, unknown> = {}) => ({
    type: 'IdentifyCooperation', agreementId: AGREEMENT, kind: variant, object: 'Pengembangan sentra gula merah', potential: 'gula merah',
    initiatingUnit: 'Dinas Koperasi dan UKM', initiatingRegion: REGION, partners: partnersFor[variant], ...extra,
  }),
  map: (variant: Variant, extra: Record<string, unknown> = {}) => ({
    type: 'MapAffairs', agreementId: AGREEMENT, affairs: ['2.17', '3.30'], authorityStatement: 'Kewenangan kabupaten (lampiran UU 23/2014)',
    planningDocuments: [{ kind: 'RPJMD', reference: 'Perda RPJMD 2021-2026' }], kak: { reference: 'KAK/1' },
    ...(variant === 'KSDPK' ? { feasibilityStudy: { reference: 'FS/1', preparedBy: 'partner' } } : {}), ...extra,
  }),
  assess: (verdict: 'layak' | 'tidak-layak' = 'layak') => ({ type: 'AssessFeasibility', agreementId: AGREEMENT, verdict, notes: 'Kajian TKKSD' }),
  offer: () => ({ type: 'SendOffer', agreementId: AGREEMENT, letterReference: 'Surat 1' }),
  respond: (partnerId: string, accepted = true) => ({ type: 'RecordOfferResponse', agreementId: AGREEMENT, partnerId, accepted }),
  workPlan: (extra: Record<string, unknown> = {}) => ({
    type: 'AgreeWorkPlan', agreementId: AGREEMENT,
    actions: [{ actionId: 'a1', description: 'Pelatihan produksi', owner: 'Dinas Koperasi', dueDate: isoDay(90), output: '40 perajin terlatih' }],
    duration: { years: 3 }, sector: 'public-service', funding: 'APBD 2022', burdensPublic: false, inCurrentApbd: true, ...extra,
  }),
  review: (document: 'KB' | 'PKS' | 'NK') => ({ type: 'ReviewDraft', agreementId: AGREEMENT, document, draftReference: `Rancangan ${document} 1`, notes: 'Dibahas TKKSD' }),
  dprdRequest: () => ({
    type: 'RequestDprdApproval', agreementId: AGREEMENT, letterReference: 'Surat Bupati 170/12', purpose: 'Pengembangan sentra gula merah',
    rightsAndObligations: 'Daerah menyediakan pelatihan; koperasi menyerap produksi', apbdContribution: 'Rp 400 juta dari APBD 2022',
    benefit: 'Pendapatan perajin naik', publicBurden: 'Retribusi pasar baru bagi perajin',
  }),
  dprd: (approved = true, decidedDay = 57) => ({ type: 'RecordDprdApproval', agreementId: AGREEMENT, approved, decisionReference: 'Keputusan DPRD 1', decidedOn: isoDay(decidedDay) }),
  sign: (type: 'SignKesepakatanBersama' | 'SignPerjanjianKerjaSama' | 'SignNotaKesepakatan', partyId: string, signer: Record<string, unknown> = partyId === REGION || /^\d{2}\.\d{2}$/.test(partyId) ? kepalaDaerah : pimpinanMitra) =>
    ({ type, agreementId: AGREEMENT, partyId, signer }),
  start: (actionId = 'a1') => ({ type: 'StartAction', agreementId: AGREEMENT, actionId }),
  complete: (actionId = 'a1', extra: Record<string, unknown> = { evidence: { kind: 'document', reference: 'BA/45' } }) => ({ type: 'CompleteAction', agreementId: AGREEMENT, actionId, ...extra }),
  monev: (score = 100) => ({ type: 'RecordMonev', agreementId: AGREEMENT, score, findings: 'Terlaksana', recommendation: 'continue' }),
  amend: (extra: Record<string, unknown> = {}) => ({ type: 'Amend', agreementId: AGREEMENT, description: 'Tambah kegiatan', documentReference: 'Adendum I/2022', ...extra }),
  extend: () => ({ type: 'Extend', agreementId: AGREEMENT, reason: 'Monev merekomendasikan perpanjangan' }),
  terminate: (supersededBy?: string) => ({ type: 'Terminate', agreementId: AGREEMENT, reason: 'Mitra bubar', ...(supersededBy === undefined ? {} : { supersededBy }) }),
  expire: () => ({ type: 'Expire', agreementId: AGREEMENT }),
}

export type Step = { label: string; command: Record<string, unknown>; actor: Actor; day: number }

export const stages = ['identified', 'mapped', 'assessed', 'offered', 'accepted', 'coordinated', 'kb-signed', 'signed', 'started', 'implemented', 'evaluated'] as const
export type Stage = (typeof stages)[number]

/** The good path for a variant, each step labelled with the stage it completes. */
export function goodPath(variant: Variant): Step[] {
  const partners = partnersFor[variant].map((partner) => partner.partnerId)
  const signer = (partyId: string) => (partyId === REGION ? actors.bupati : partnerActor(partyId))
  const parties = [REGION, ...partners]
  const signing: Step[] =
    variant === 'Sinergi'
      ? [
          { label: 'coordinated', command: commands.review('NK'), actor: actors.tkksd, day: 50 },
          ...parties.map((party) => ({ label: 'signed', command: commands.sign('SignNotaKesepakatan', party), actor: signer(party), day: 60 })),
        ]
      : [
          { label: 'coordinated', command: commands.review('KB'), actor: actors.tkksd, day: 50 },
          ...parties.map((party) => ({ label: 'kb-signed', command: commands.sign('SignKesepakatanBersama', party), actor: signer(party), day: 55 })),
          { label: 'kb-signed', command: commands.review('PKS'), actor: actors.tkksd, day: 56 },
          ...parties.map((party) => ({ label: 'signed', command: commands.sign('SignPerjanjianKerjaSama', party), actor: signer(party), day: 60 })),
        ]
  return [
    { label: 'identified', command: commands.identify(variant), actor: actors.opd, day: 0 },
    { label: 'mapped', command: commands.map(variant), actor: actors.opd, day: 7 },
    { label: 'assessed', command: commands.assess(), actor: actors.tkksd, day: 14 },
    { label: 'offered', command: commands.offer(), actor: actors.bupati, day: 21 },
    ...partners.map((partnerId) => ({ label: 'accepted', command: commands.respond(partnerId), actor: partnerActor(partnerId), day: 28 })),
    { label: 'coordinated', command: commands.workPlan(), actor: actors.tkksd, day: 35 },
    ...signing,
    { label: 'started', command: commands.start(), actor: actors.opd, day: 70 },
    { label: 'implemented', command: commands.complete(), actor: actors.opd, day: 85 },
    { label: 'evaluated', command: commands.monev(), actor: actors.monev, day: 180 },
  ]
}

/** Events of the good path up to and including `stage`. */
export function eventsThrough(stage: Stage, variant: Variant = 'KSDPK', policy: Partial<AgreementPolicy> = { isBordering: kebumenBorders }): AgreementEvent[] {
  const steps = goodPath(variant)
  const lastIndex = steps.map((step) => step.label).lastIndexOf(stage)
  return run(steps.slice(0, lastIndex + 1), policy).events
}

export function run(steps: Step[], policy: Partial<AgreementPolicy> = { isBordering: kebumenBorders }, from: { events: AgreementEvent[]; state: AgreementState } = { events: [], state: initialState }) {
  let state = from.state
  const events = [...from.events]
  for (const step of steps) {
    const produced = decide(step.command, state, context({ now: day(step.day), actor: step.actor, policy }))
    for (const event of produced) state = evolve(state, event)
    events.push(...produced)
  }
  return { events, state }
}

export function stateThrough(stage: Stage, variant: Variant = 'KSDPK'): AgreementState {
  return run([], {}, { events: [], state: eventsThrough(stage, variant).reduce(evolve, initialState) }).state
}

/** The coded error a step was refused with; fails the test when it was accepted or broke uncoded. */
export function refusal(run: () => unknown): KerjasamaError {
  try {
    run()
  } catch (error) {
    if (error instanceof KerjasamaError) return error
    throw error
  }
  throw new Error('expected a refusal')
}
