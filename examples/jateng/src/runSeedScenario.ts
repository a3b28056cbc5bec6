import type { AgreementCommandInput, AgreementService } from '@kerjasama/core'
import { agreementLifecycle, ceremonial, testActors } from '@kerjasama/core/testing'
import type { IdentifyStep, LifecycleStep, LifecycleVariant, TestClock, LifecycleOptions } from '@kerjasama/core/testing'
import { Narrator } from './narrator'
import type { AgreementStory, SeedReport } from './narrator'

const DAY_MS = 86_400_000

/**
 * The 2022 rakor in Surakarta, replayed: the head of the provincial
 * cooperation bureau asked regions to identify and map what they cooperate
 * on (his example: Kebumen's gula merah) and complained about agreements that
 * are only a ceremony. Kebumen's and Setwan's agreements go the whole way;
 * the ceremonial attempts are refused, each with its reason.
 */
export async function runSeedScenario(service: AgreementService, log: (line: string) => void, clock: TestClock): Promise<SeedReport> {
  const narrator = new Narrator(service, log)
  log('Rakor fasilitasi kerja sama, Surakarta, 22 Februari 2022 — pemetaan urusan pemerintahan dalam rangka kerja sama daerah')
  log('Coordination meeting, Surakarta, 22 February 2022 — mapping government affairs for regional cooperation')

  await goodPath(narrator, clock, 'kebumen-gula-merah', 'Kebumen: gula merah bersama koperasi / palm sugar with a cooperative (KSDPK)', 'KSDPK', {
    object: 'Pengembangan sentra gula merah (gula kelapa) Kebumen',
    affairs: ['2.17', '3.30', '3.31'],
    initiatingRegion: '33.05',
    initiatingUnit: 'Dinas Koperasi, UKM dan Perdagangan Kabupaten Kebumen',
    potential: 'Gula merah (gula kelapa) Kebumen',
    partners: [{ partnerId: 'koperasi-nira-kebumen', name: 'Koperasi Produsen Nira Kelapa Kebumen', kind: 'pihak-ketiga' }],
  })

  await goodPath(narrator, clock, 'setwan-universitas', 'Setwan DPRD Jateng + universitas negeri BLU: kajian legislasi / legislative research (Sinergi)', 'Sinergi', {
    object: 'Kajian akademik rancangan peraturan daerah dan penguatan fungsi kedewanan',
    affairs: ['4.02'],
    initiatingRegion: '33',
    initiatingUnit: 'Sekretariat DPRD Provinsi Jawa Tengah',
    partners: [{ partnerId: 'universitas-negeri-semarang', name: 'Universitas Negeri Semarang (PTN BLU)', kind: 'kementerian-lembaga' }],
  })

  await ceremonialSigning(narrator, clock)
  await ceremonialImplementation(narrator, clock)
  await absoluteAffair(narrator, clock)

  log('')
  log('Jalur setiap kerja sama / Each agreement’s path:')
  for (const agreement of narrator.report.agreements) log(`  ${agreement.key}: ${agreement.path.join(' → ')}`)
  return narrator.report
}

type Options = Omit<LifecycleOptions, 'agreementId' | 'start'>

function plan(clock: TestClock, key: string, variant: LifecycleVariant, options: Options): [IdentifyStep, ...LifecycleStep[]] {
  return agreementLifecycle(variant, { ...options, agreementId: key, start: clock() })
}

/** Runs the steps in order, moving the clock to each step's day; stops at the first refusal. */
async function runSteps(story: AgreementStory, clock: TestClock, start: Date, steps: LifecycleStep[]): Promise<boolean> {
  for (const step of steps) {
    moveTo(clock, start, step.day)
    if (!(await story.step(undefined, step.command, step.actor))) return false
  }
  return true
}

function moveTo(clock: TestClock, start: Date, day: number): void {
  const target = start.getTime() + day * DAY_MS
  if (target > clock().getTime()) clock.set(new Date(target))
}

async function begin(narrator: Narrator, clock: TestClock, key: string, title: string, variant: LifecycleVariant, options: Options): Promise<{ story: AgreementStory; steps: LifecycleStep[]; start: Date }> {
  const start = clock()
  const [identify, ...steps] = plan(clock, key, variant, options)
  // The service names the agreement; the plan's placeholder id is dropped.
  const { agreementId: _placeholder, ...command } = identify.command
  const story = await narrator.begin(key, title, command, identify.actor)
  return { story, steps, start }
}

async function goodPath(narrator: Narrator, clock: TestClock, key: string, title: string, variant: LifecycleVariant, options: Options): Promise<void> {
  const { story, steps, start } = await begin(narrator, clock, key, title, variant, options)
  // A Kepala OPD may not sign the KB: only the kepala daerah in person may.
  const kb = steps.find((step) => step.command.type === 'SignKesepakatanBersama' && step.actor.role === 'kepala-daerah')
  if (kb !== undefined) {
    const index = steps.indexOf(kb)
    await runSteps(story, clock, start, steps.slice(0, index))
    moveTo(clock, start, kb.day)
    // The agency head serves the same region as the kepala daerah: refused for the role, not the party.
    await story.step('oleh kepala dinas, bukan bupati / by an agency head, not the bupati', kb.command, { ...testActors.opd, actsFor: kb.actor.actsFor })
    await runSteps(story, clock, start, steps.slice(index))
  } else {
    await runSteps(story, clock, start, steps)
  }
  story.end()
}

/**
 * A good plan with one step turned ceremonial: the story runs until the
 * library refuses that step (or one that depends on it), showing the reason.
 */
async function ceremonialPath(narrator: Narrator, clock: TestClock, key: string, title: string, variant: LifecycleVariant, options: Options, mutate: (step: LifecycleStep, start: Date) => LifecycleStep): Promise<void> {
  const { story, steps, start } = await begin(narrator, clock, key, title, variant, options)
  await runSteps(story, clock, start, steps.map((step) => mutate(step, start)))
  story.end()
}

const withCommand = (step: LifecycleStep, command: AgreementCommandInput): LifecycleStep => ({ ...step, command })

/** "Tanda tangan dulu, kegiatan belakangan": the only action falls due 200 days after signing. */
function ceremonialSigning(narrator: Narrator, clock: TestClock): Promise<void> {
  return ceremonialPath(narrator, clock, 'seremonial-festival', 'Seremonial: MoU festival tanpa kegiatan dekat / festival MoU with no action soon (KSDD sukarela)', 'KSDD-sukarela', {
    object: 'Promosi pariwisata bersama',
    affairs: ['3.26'],
    initiatingRegion: '33.05',
    initiatingUnit: 'Dinas Pariwisata dan Kebudayaan Kabupaten Kebumen',
    partners: [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionCode: '33.06' }],
  }, (step, start) =>
    step.command.type === 'AgreeWorkPlan' ? withCommand(step, ceremonial.actionsDueLate(step.command, new Date(start.getTime() + 260 * DAY_MS).toISOString())) : step,
  )
}

/** Signed properly, then "implemented" with nothing to show. */
function ceremonialImplementation(narrator: Narrator, clock: TestClock): Promise<void> {
  return ceremonialPath(narrator, clock, 'seremonial-tanpa-bukti', 'Seremonial: kegiatan selesai tanpa bukti / action done without evidence (KSDPK)', 'KSDPK', {
    object: 'Pemasaran gula merah melalui toko daring',
    affairs: ['2.17', '3.30'],
    initiatingRegion: '33.05',
    initiatingUnit: 'Dinas Koperasi, UKM dan Perdagangan Kabupaten Kebumen',
    partners: [{ partnerId: 'pt-niaga-digital', name: 'PT Niaga Digital Nusantara', kind: 'pihak-ketiga' }],
  }, (step) => (step.command.type === 'CompleteAction' ? withCommand(step, ceremonial.withoutEvidence(step.command)) : step))
}

/** Absolute affairs belong to the central government: a region cannot cooperate on them. */
function absoluteAffair(narrator: Narrator, clock: TestClock): Promise<void> {
  return ceremonialPath(narrator, clock, 'urusan-absolut', 'Ditolak: pemetaan ke urusan absolut / mapping to an absolute affair (KSDD sukarela)', 'KSDD-sukarela', {
    object: 'Patroli keamanan perbatasan bersama',
    affairs: ['1.05'],
    initiatingRegion: '33.05',
    initiatingUnit: 'Satpol PP Kabupaten Kebumen',
    partners: [{ partnerId: '33.01', name: 'Kabupaten Cilacap', kind: 'daerah', regionCode: '33.01' }],
  }, (step) => (step.command.type === 'MapAffairs' ? withCommand(step, ceremonial.withAffairs(step.command, ['1.05', 'keamanan'])) : step))
}
