import { createAgreementService } from '@kerjasama/core'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { runLifecycle, testClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { openSqliteStore } from '@kerjasama/store-sqlite'

const START = '2022-02-22T02:00:00.000Z'

/** The day the CLI tests judge the watchlist and deadlines on (the read-models.md examples' own day). */
export const KEBUMEN_NOW = new Date('2023-03-01T01:00:00.000Z')

/** Seeds the three Kebumen agreements of docs/read-models.md through the agreement service: readable ids, so tests and docs can name them. */
export async function seedKebumen(store: EventStore): Promise<void> {
  const clock = testClock(START)
  const service = createAgreementService({ store, clock })
  await runLifecycle(service, clock, 'KSDPK', { agreementId: 'gula-merah', potential: 'Gula merah Kebumen', affairs: ['2.17', '3.30'], start: START })
  await runLifecycle(service, clock, 'KSDD-sukarela', { agreementId: 'festival', affairs: ['3.26'], partners: [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionCode: '33.06' }], start: START }, { stopBefore: 'sign KB' })
  await runLifecycle(service, clock, 'KSDPK', { agreementId: 'toko-daring', potential: 'Gula merah Kebumen', affairs: ['2.17'], start: START }, { stopBefore: 'start action' })
}

/** The version of a built-in projection, as status shows the active build's. */
export function builtInVersion(name: string): number {
  const projection = builtInProjections.find((candidate) => candidate.name === name)
  if (projection === undefined) throw new Error(`no built-in projection ${name}`)
  return projection.version
}

export async function catchUpReadModels(eventStore: EventStore, readModels: ReadModelStore): Promise<void> {
  await createProjectionRunner({ eventStore, readModels, projections: [...builtInProjections] }).catchUp()
}

/** An SQLite file with the Kebumen agreements, its read models built unless `buildReadModels: false`; in the default tenant unless one is given. */
export async function kebumenFile(file: string, options: { buildReadModels?: boolean; tenant?: string } = {}): Promise<string> {
  const store = openSqliteStore({ file, ...(options.tenant === undefined ? {} : { tenant: options.tenant }) })
  try {
    await seedKebumen(store)
    if (options.buildReadModels !== false) await catchUpReadModels(store, store.readModels)
  } finally {
    await store.close()
  }
  return file
}
