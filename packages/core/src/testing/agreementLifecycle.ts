import type { Actor } from '../store'
import { testActors } from './testActors'

/**
 * Command sequences that take one agreement from identified to evaluated, the
 * good path, for tests and examples. Every field a guard looks at is filled
 * the way a careful Bagian Kerja Sama would fill it; `ceremonial` below turns
 * one step into the ceremonial-only version the library refuses.
 */
export type LifecycleVariant = 'KSDPK' | 'KSDD-sukarela' | 'Sinergi'

export type LifecycleStep = {
  label: string
  command: Record<string, unknown> & { type: string }
  actor: Actor
  /** Days after the lifecycle's start at which the step happens. */
  day: number
  /** The status the agreement has once the step is accepted. */
  reaches: string
}

export type LifecycleOptions = {
  agreementId: string
  /** The first day; every later date is computed from it. Default 2022-02-22. */
  start?: Date | string
  object?: string
  affairs?: string[]
  initiatingRegion?: string
  initiatingUnit?: string
  partners?: Array<{ id: string; name: string }>
  /** Days from signing to the first action's due date (default 30). */
  firstActionDueDays?: number
}

const DAY_MS = 86_400_000

export function agreementLifecycle(variant: LifecycleVariant, options: LifecycleOptions): LifecycleStep[] {
  const start = new Date(options.start ?? '2022-02-22T02:00:00.000Z')
  const at = (day: number): string => new Date(start.getTime() + day * DAY_MS).toISOString()
  const agreementId = options.agreementId
  const partners = options.partners ?? defaultPartners(variant)
  const signDay = 60
  const actionId = `${agreementId}-action-1`
  const steps: LifecycleStep[] = []
  const add = (label: string, day: number, actor: Actor, reaches: string, command: Record<string, unknown> & { type: string }): void => {
    steps.push({ label, day, actor, reaches, command: { agreementId, ...command } })
  }

  add('identify', 0, testActors.opd, 'identified', {
    type: 'IdentifyCooperation',
    kind: variant,
    object: options.object ?? 'Pengembangan potensi gula merah',
    initiatingRegion: options.initiatingRegion ?? '33.05',
    initiatingUnit: options.initiatingUnit ?? 'Dinas Koperasi dan UKM',
    partners,
  })
  add('map', 7, testActors.opd, 'mapped', {
    type: 'MapAffairs',
    affairs: options.affairs ?? ['2.17', '3.30', '3.31'],
    authorityStatement: 'Kewenangan daerah kabupaten menurut lampiran UU 23/2014',
    planningDocuments: [{ kind: 'RPJMD', reference: 'Perda RPJMD 2021-2026' }, { kind: 'RKPD', reference: 'Perbup RKPD 2022' }],
    kak: { reference: 'KAK/2022/001' },
    ...(variant === 'KSDPK' ? { feasibilityStudy: { reference: 'FS/2022/001', preparedBy: 'partner' } } : {}),
  })
  add('assess', 14, testActors.tkksd, 'mapped', { type: 'AssessFeasibility', verdict: 'layak', notes: 'Layak dilanjutkan' })
  add('offer', 21, testActors.kepala_daerah, 'mapped', { type: 'SendOffer', sentAt: at(21) })
  for (const partner of partners) {
    add(`accept-${partner.id}`, 28, testActors.partner, 'mapped', { type: 'RecordOfferResponse', partnerId: partner.id, accepted: true })
  }
  add('work plan', 35, testActors.tkksd, 'coordinated', {
    type: 'AgreeWorkPlan',
    actions: [{ actionId, description: 'Pelatihan produksi dan pengemasan', owner: 'Dinas Koperasi dan UKM', dueDate: at(signDay + (options.firstActionDueDays ?? 30)), output: '40 perajin terlatih' }],
    durationYears: 3,
    category: 'public-service',
    funding: 'APBD 2022',
    burdensPublic: false,
    inCurrentApbd: true,
  })
  if (variant === 'Sinergi') {
    add('sign NK', signDay, testActors.kepala_daerah, 'signed', { type: 'SignNotaKesepakatan', parties: ['33.05', ...partners.map((p) => p.id)] })
  } else {
    add('sign KB', signDay - 5, testActors.kepala_daerah, 'coordinated', { type: 'SignKesepakatanBersama', parties: ['33.05', ...partners.map((p) => p.id)] })
    add('sign PKS', signDay, testActors.kuasa, 'signed', { type: 'SignPerjanjianKerjaSama', parties: ['33.05', ...partners.map((p) => p.id)], suratKuasa: 'SK/2022/017' })
  }
  add('start action', signDay + 10, testActors.opd, 'signed', { type: 'StartAction', actionId })
  add('complete action', signDay + 25, testActors.opd, 'implemented', { type: 'CompleteAction', actionId, evidence: { kind: 'document', reference: 'BA/2022/045' } })
  add('monev', signDay + 120, testActors.monev, 'evaluated', { type: 'RecordMonev', score: 100, findings: 'Rencana kerja terlaksana', recommendation: 'continue' })
  return steps
}

function defaultPartners(variant: LifecycleVariant): Array<{ id: string; name: string }> {
  if (variant === 'KSDD-sukarela') return [{ id: '33.06', name: 'Kabupaten Purworejo' }]
  if (variant === 'Sinergi') return [{ id: 'univ-negeri-blu', name: 'Universitas Negeri (BLU)' }]
  return [{ id: 'koperasi-gula-kelapa', name: 'Koperasi Produsen Gula Kelapa' }]
}

/** Turns one good step into its ceremonial-only counterpart. */
export const ceremonial = {
  /** The work plan's only action falls due long after signing. */
  actionsDueLate(command: Record<string, unknown>, dueDate: string): Record<string, unknown> {
    const actions = (command.actions as Array<Record<string, unknown>>).map((action) => ({ ...action, dueDate }))
    return { ...command, actions }
  },
  /** An action "completed" with nothing to show for it. */
  withoutEvidence(command: Record<string, unknown>): Record<string, unknown> {
    const { evidence: _dropped, ...rest } = command
    return rest
  },
  /** Mapping onto other urusan codes (e.g. an absolute affair). */
  withAffairs(command: Record<string, unknown>, affairs: string[]): Record<string, unknown> {
    return { ...command, affairs }
  },
}
