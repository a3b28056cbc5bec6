import type { EventStore, ReadModelStore } from '@kerjasama/core'
import {
  builtInProjections, builtInReader, createProjectionRunner, queryDeadlines, queryPotentials, queryRegister, querySemesterReport, queryUrusanMatrix, queryWatchlist,
} from '@kerjasama/projections'
import type { Deadline, PotentialView, RegisterEntry, SemesterReport, UrusanMatrix, WatchlistEntry } from '@kerjasama/projections'

export type ReadModelsShown = {
  register: RegisterEntry[]
  matrix: UrusanMatrix
  watchlist: WatchlistEntry[]
  potentials: PotentialView[]
  deadlines: Deadline[]
  report: SemesterReport
}

const severityNames = { high: 'TINGGI / high', medium: 'SEDANG / medium', low: 'RENDAH / low' } as const

/**
 * What the provincial bureau would open after the rakor: the register, the
 * pemetaan urusan and the ceremonial-risk watchlist, built by the projection
 * runner from the events the scenario recorded, and judged on `now`.
 */
export async function showReadModels(input: { eventStore: EventStore; readModels: ReadModelStore; now: Date; semester: string; log: (line: string) => void }): Promise<ReadModelsShown> {
  const { log } = input
  const runner = createProjectionRunner({ eventStore: input.eventStore, readModels: input.readModels, projections: [...builtInProjections] })
  await runner.catchUp()
  const reader = builtInReader(input.readModels)
  const register = (await queryRegister(reader, { limit: 500 })).items
  const matrix = await queryUrusanMatrix(reader, { province: '33' })
  const watchlist = await queryWatchlist(reader, { now: input.now })
  const potentials = await queryPotentials(reader)
  const deadlines = await queryDeadlines(reader, { now: input.now, days: 90 })
  const report = await querySemesterReport(reader, { semester: input.semester })
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
  return { register, matrix, watchlist, potentials, deadlines, report }
}
