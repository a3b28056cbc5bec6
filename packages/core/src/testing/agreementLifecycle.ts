import type { AgreementCommandInput, CommandInputOf, Role, Signer } from '../agreement'
import type { Actor } from '../store'
import { TEST_REGION, testActors } from './testActors'

/**
 * Command sequences that take one agreement from identified to evaluated, the
 * good path, for tests and examples. Every field a guard looks at is filled
 * the way a careful Bagian Kerja Sama would fill it; `ceremonial` below turns
 * one step into the ceremonial-only version the library refuses.
 */
export type LifecycleVariant = 'KSDPK' | 'KSDD-sukarela' | 'Sinergi'

/** A command without its agreementId, which the lifecycle fills in. */
type UnaddressedCommand = AgreementCommandInput extends infer C ? (C extends unknown ? Omit<C, 'agreementId'> : never) : never

export type LifecycleStep = {
  label: string
  command: AgreementCommandInput
  /** Acts for the party the step is spoken for: the initiating region's officer, or the partner's own user. */
  actor: Actor
  /** Days after the lifecycle's start at which the step happens. */
  day: number
  /** The status the agreement has once the step is accepted. */
  reaches: string
}

/** The first step, typed as the IdentifyCooperation it always is, so its id can be dropped for the service to assign one. */
export type IdentifyStep = Omit<LifecycleStep, 'command'> & { command: CommandInputOf<'IdentifyCooperation'> }

export type LifecyclePartner = { partnerId: string; name: string; kind: 'daerah' | 'pihak-ketiga' | 'kementerian-lembaga'; regionCode?: string }

export type LifecycleOptions = {
  agreementId: string
  /** The first day; every later date is computed from it. Default 2022-02-22. */
  start?: Date | string
  object?: string
  potential?: string
  affairs?: string[]
  initiatingRegion?: string
  initiatingUnit?: string
  partners?: LifecyclePartner[]
  /** Days from the last signature to the first action's due date (default 30). */
  firstActionDueDays?: number
  /**
   * A plan that burdens the public, so the DPRD must approve: the kepala
   * daerah asks after the KB (for Sinergi: after the plan) and the DPRD
   * approves before the PKS or NK. Default false.
   */
  dprd?: boolean
}

const DAY_MS = 86_400_000
const SIGN_DAY = 60

export function agreementLifecycle(variant: LifecycleVariant, options: LifecycleOptions): [IdentifyStep, ...LifecycleStep[]] {
  const start = new Date(options.start ?? '2022-02-22T02:00:00.000Z')
  const at = (day: number): string => new Date(start.getTime() + day * DAY_MS).toISOString()
  const agreementId = options.agreementId
  const region = options.initiatingRegion ?? TEST_REGION
  const partners = options.partners ?? defaultPartners(variant)
  const actionId = `${agreementId}-action-1`
  const steps: LifecycleStep[] = []
  const add = (label: string, day: number, actor: Actor, reaches: string, command: UnaddressedCommand): void => {
    steps.push({ label, day, actor, reaches, command: { agreementId, ...command } })
  }
  // The region's officers act for the initiating region, each partner's user for that partner.
  const officer = (role: Exclude<Role, 'partner'>): Actor => ({ id: region === TEST_REGION ? testActors[role].id : `${role}-${region}`, role, actsFor: region })
  const partnerUser = (partner: LifecyclePartner): Actor => ({ id: `mitra-${partner.partnerId}`, role: 'partner', actsFor: partner.partnerId })

  add('identify', 0, officer('opd'), 'identified', {
    type: 'IdentifyCooperation',
    kind: variant,
    object: options.object ?? 'Pengembangan sentra gula merah',
    ...(options.potential === undefined ? {} : { potential: options.potential }),
    initiatingRegion: region,
    initiatingUnit: options.initiatingUnit ?? 'Dinas Koperasi dan UKM',
    partners,
  })
  add('map', 7, officer('opd'), 'mapped', {
    type: 'MapAffairs',
    affairs: options.affairs ?? ['2.17', '3.30', '3.31'],
    authorityStatement: 'Kewenangan daerah menurut lampiran UU 23/2014',
    planningDocuments: [
      { kind: 'RPJMD', reference: 'Perda RPJMD 2021-2026' },
      { kind: 'RKPD', reference: 'RKPD 2022' },
    ],
    kak: { reference: `KAK/${agreementId}/2022` },
    ...(variant === 'KSDPK' ? { feasibilityStudy: { reference: `FS/${agreementId}/2022`, preparedBy: 'partner' } } : {}),
  })
  add('assess', 14, officer('tkksd'), 'mapped', { type: 'AssessFeasibility', verdict: 'layak', notes: 'TKKSD menilai layak dilanjutkan' })
  add('offer', 21, officer('kepala-daerah'), 'mapped', { type: 'SendOffer', letterReference: `Surat penawaran ${agreementId}` })
  for (const partner of partners) {
    add(`accept-${partner.partnerId}`, 28, partnerUser(partner), 'mapped', { type: 'RecordOfferResponse', partnerId: partner.partnerId, accepted: true })
  }
  add('work plan', 35, officer('tkksd'), 'coordinated', {
    type: 'AgreeWorkPlan',
    actions: [
      {
        actionId,
        description: 'Pelatihan produksi dan pengemasan',
        owner: options.initiatingUnit ?? 'Dinas Koperasi dan UKM',
        dueDate: at(SIGN_DAY + (options.firstActionDueDays ?? 30)),
        output: '40 peserta terlatih',
      },
    ],
    duration: { years: 3 },
    sector: 'public-service',
    funding: 'APBD 2022',
    burdensPublic: options.dprd === true,
    inCurrentApbd: true,
  })
  const askDprd = (askDay: number): void => {
    if (options.dprd !== true) return
    add('request DPRD approval', askDay, officer('kepala-daerah'), 'coordinated', {
      type: 'RequestDprdApproval',
      letterReference: `Surat kepala daerah ${agreementId}/DPRD`,
      purpose: options.object ?? 'Pengembangan sentra gula merah',
      rightsAndObligations: 'Daerah menyediakan pelatihan dan sarana; mitra menyerap dan memasarkan produksi',
      apbdContribution: 'Sesuai rencana kerja, APBD 2022',
      benefit: 'Pendapatan pelaku usaha daerah meningkat',
      publicBurden: 'Iuran pemanfaatan sarana bersama bagi pelaku usaha',
    })
    add('DPRD approval', askDay + 2, officer('dprd'), 'coordinated', {
      type: 'RecordDprdApproval',
      approved: true,
      decisionReference: `Keputusan DPRD ${agreementId}`,
      decidedOn: at(askDay + 2).slice(0, 10),
    })
  }
  const regionHead: Signer = { name: 'Kepala Daerah', office: `Kepala daerah ${region}`, capacity: 'kepala-daerah', inPerson: true }
  const kuasaHolder: Signer = { name: 'Kepala Perangkat Daerah', office: options.initiatingUnit ?? 'Dinas Koperasi dan UKM', capacity: 'pemegang-kuasa', inPerson: true, suratKuasaRef: `SK/${agreementId}/kuasa` }
  const partnerHead = (partner: LifecyclePartner): Signer => ({ name: `Pimpinan ${partner.name}`, office: partner.name, capacity: partner.kind === 'daerah' ? 'kepala-daerah' : 'pimpinan-mitra', inPerson: true })
  const signAll = (type: 'SignKesepakatanBersama' | 'SignPerjanjianKerjaSama' | 'SignNotaKesepakatan', label: string, day: number, regionSigner: Signer, regionActor: Actor): void => {
    partners.forEach((partner) => {
      add(`${label} ${partner.partnerId}`, day, partnerUser(partner), 'coordinated', { type, partyId: partner.partnerId, signer: partnerHead(partner) })
    })
    add(`${label} ${region}`, day, regionActor, 'signed', { type, partyId: region, signer: regionSigner })
  }
  const reviewDraft = (document: 'KB' | 'PKS' | 'NK', day: number): void => {
    add(`review ${document} draft`, day, officer('tkksd'), 'coordinated', {
      type: 'ReviewDraft',
      document,
      draftReference: `Rancangan ${document} ${agreementId}`,
      notes: 'TKKSD membahas rancangan bersama perangkat daerah pemrakarsa',
    })
  }
  if (variant === 'Sinergi') {
    askDprd(SIGN_DAY - 10)
    reviewDraft('NK', SIGN_DAY - 7)
    signAll('SignNotaKesepakatan', 'sign NK', SIGN_DAY, regionHead, officer('kepala-daerah'))
  } else {
    reviewDraft('KB', SIGN_DAY - 8)
    signAll('SignKesepakatanBersama', 'sign KB', SIGN_DAY - 5, regionHead, officer('kepala-daerah'))
    askDprd(SIGN_DAY - 4)
    reviewDraft('PKS', SIGN_DAY - 1)
    signAll('SignPerjanjianKerjaSama', 'sign PKS', SIGN_DAY, kuasaHolder, officer('kuasa'))
  }
  // The KB alone does not make an agreement signed: only the last PKS signature does.
  for (const step of steps) if (step.command.type === 'SignKesepakatanBersama') step.reaches = 'coordinated'
  add('start action', SIGN_DAY + 10, officer('opd'), 'signed', { type: 'StartAction', actionId })
  add('complete action', SIGN_DAY + 25, officer('opd'), 'implemented', {
    type: 'CompleteAction',
    actionId,
    evidence: { kind: 'document', reference: `Berita acara ${agreementId}/1` },
    outputAchieved: '40 peserta terlatih',
  })
  add('monev', SIGN_DAY + 120, officer('monev'), 'evaluated', { type: 'RecordMonev', score: 100, findings: 'Rencana kerja terlaksana dan berlanjut', recommendation: 'continue' })
  // The first step added above is the identification.
  return steps as [IdentifyStep, ...LifecycleStep[]]
}

function defaultPartners(variant: LifecycleVariant): LifecyclePartner[] {
  if (variant === 'KSDD-sukarela') return [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionCode: '33.06' }]
  if (variant === 'Sinergi') return [{ partnerId: 'universitas-negeri-blu', name: 'Universitas Negeri (PTN BLU)', kind: 'kementerian-lembaga' }]
  return [{ partnerId: 'koperasi-gula-kelapa', name: 'Koperasi Produsen Gula Kelapa', kind: 'pihak-ketiga' }]
}

/** Turns one good step into its ceremonial-only counterpart; any other command comes back as it was. */
export const ceremonial = {
  /** The work plan's actions all fall due long after signing. */
  actionsDueLate(command: AgreementCommandInput, dueDate: string): AgreementCommandInput {
    if (command.type !== 'AgreeWorkPlan') return command
    return { ...command, actions: command.actions.map((action) => ({ ...action, dueDate })) }
  },
  /** An action "completed" with nothing to show for it. */
  withoutEvidence(command: AgreementCommandInput): AgreementCommandInput {
    if (command.type !== 'CompleteAction') return command
    const { evidence: _dropped, ...rest } = command
    return rest
  },
  /** Mapping onto other urusan codes (e.g. an absolute affair). */
  withAffairs(command: AgreementCommandInput, affairs: string[]): AgreementCommandInput {
    if (command.type !== 'MapAffairs') return command
    return { ...command, affairs }
  },
}
