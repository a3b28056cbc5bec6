import type { EventStore, ReadModelStore } from '@kerjasama/core'
import {
  builtInProjections, builtInReader, createProjectionRunner, queryDeadlines, queryPotentials, queryRegister, querySemesterReport, queryTimeline, queryUrusanMatrix, queryWatchlist,
} from '@kerjasama/projections'
import type { Deadline, PotentialView, RegisterEntry, SemesterReport, Timeline, UrusanMatrix, WatchlistEntry } from '@kerjasama/projections'

export type ReadModelsShown = {
  register: RegisterEntry[]
  matrix: UrusanMatrix
  watchlist: WatchlistEntry[]
  potentials: PotentialView[]
  deadlines: Deadline[]
  report: SemesterReport
  timeline: Timeline | undefined
}

/** Far enough ahead to reach the first terms ending in 2025. */
const DEADLINE_DAYS = 500

const severityNames = { high: 'TINGGI / high', medium: 'SEDANG / medium', low: 'RENDAH / low' } as const

/**
 * What the provincial bureau would open after the rakor: the register, the
 * pemetaan urusan and the ceremonial-risk watchlist, built by the projection
 * runner from the events the scenario recorded, and judged on `now`.
 */
export async function showReadModels(input: {
  eventStore: EventStore
  readModels: ReadModelStore
  now: Date
  semester: string
  log: (line: string) => void
  /** The agreement whose timeline is printed; none when absent. */
  timelineOf?: string
}): Promise<ReadModelsShown> {
  const { log } = input
  const runner = createProjectionRunner({ eventStore: input.eventStore, readModels: input.readModels, projections: [...builtInProjections] })
  await runner.catchUp()
  const reader = builtInReader(input.readModels)
  const register = (await queryRegister(reader, { limit: 500 })).items
  const matrix = await queryUrusanMatrix(reader, { province: '33' })
  const watchlist = await queryWatchlist(reader, { now: input.now })
  const potentials = await queryPotentials(reader)
  const deadlines = await queryDeadlines(reader, { now: input.now, days: DEADLINE_DAYS })
  const report = await querySemesterReport(reader, { semester: input.semester })
  const timeline = input.timelineOf === undefined ? undefined : await queryTimeline(reader, { tenant: input.eventStore.tenant, agreementId: input.timelineOf })
  const day = input.now.toISOString().slice(0, 10)

  log('')
  log(`Register kerja sama / Agreement register (${register.length})`)
  for (const entry of register) {
    log(`  ${entry.stage.padEnd(12)} ${entry.kind.padEnd(14)} ${entry.initiatingRegion.padEnd(6)} ${entry.object}`)
    log(`  ${''.padEnd(12)} urusan: ${entry.urusan.map((urusan) => `${urusan.code} ${urusan.name}`).join('; ') || '—'}`)
  }

  log('')
  log('Matriks urusan × wilayah (jumlah kerja sama) / Urusan × region matrix (agreements)')
  log(`  ${'wilayah'.padEnd(8)}${matrix.urusan.map((urusan) => urusan.code.padStart(6)).join('')}`)
  for (const row of matrix.rows) log(`  ${row.region.padEnd(8)}${matrix.urusan.map((urusan) => String(row.cells[urusan.code]?.total ?? '·').padStart(6)).join('')}`)

  log('')
  log(`Daftar pantauan risiko seremonial per ${day} / Ceremonial-risk watchlist as of ${day} (${watchlist.length})`)
  for (const entry of watchlist) {
    log(`  [${severityNames[entry.severity]}] ${entry.code} — ${entry.object} (sejak / since ${entry.since})`)
    log(`      ${entry.reason.id}`)
    log(`      ${entry.reason.en}`)
  }

  log('')
  log('Potensi daerah / Local potentials')
  for (const potential of potentials) {
    log(`  ${potential.potential}: ${potential.agreements.length} kerja sama / agreements, ${potential.regions.join(', ')} — terjauh / furthest: ${potential.furthestStage}`)
  }

  log('')
  log(`Tenggat ${DEADLINE_DAYS} hari ke depan / Deadlines in the next ${DEADLINE_DAYS} days (${deadlines.length})`)
  for (const deadline of deadlines) {
    const what = deadline.kind === 'action' ? `kegiatan / action: ${deadline.description ?? deadline.actionId}` : 'berakhirnya masa berlaku / term ends'
    log(`  ${deadline.dueDate}  ${what} — ${deadline.object}`)
  }

  log('')
  log(`Laporan semester ${report.semester} (${report.from} s.d. ${report.to}) / Semester report`)
  for (const row of report.rows) {
    const stages = Object.entries(row.byStage).filter(([, count]) => count > 0).map(([stage, count]) => `${stage} ${count}`).join(', ')
    log(`  ${row.region.padEnd(6)} ${stages || '—'}; ditandatangani / signed ${row.newSignings}; kegiatan berbukti / evidenced actions ${row.actionsCompletedWithEvidence}; monev ${row.monevHeld}${row.monevMeanScore === null ? '' : ` (rerata / mean ${row.monevMeanScore})`}`)
  }

  if (timeline !== undefined) {
    log('')
    log(`Linimasa / Timeline: ${register.find((entry) => entry.agreementId === input.timelineOf)?.object ?? input.timelineOf}`)
    for (const entry of timeline.entries) log(`  ${entry.happenedOn}  ${entry.who.role.padEnd(13)} ${entry.what.id}`)
  }
  return { register, matrix, watchlist, potentials, deadlines, report, timeline }
}
