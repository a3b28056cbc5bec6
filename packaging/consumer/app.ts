// Type-checked with skipLibCheck: false against the installed tarballs, so
// every published .d.ts must resolve with what npm installed: no
// devDependency, no src/ path, no missing @types package.
import { createAgreementService, isKerjasamaError } from '@kerjasama/core'
import type { AgreementService, EventStore, ReadModelStore, StoredEvent } from '@kerjasama/core'
import { prepareAppend } from '@kerjasama/core/adapter'
import type { SerializedEvent } from '@kerjasama/core/adapter'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import type { SqliteStore } from '@kerjasama/store-sqlite'
import { openPostgresStore } from '@kerjasama/store-postgres'
import type { PostgresStoreOptions } from '@kerjasama/store-postgres'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { describeEventStoreContract } from '@kerjasama/store-contract'
import type { StoreFixture } from '@kerjasama/store-contract'
import { registerProjection } from '@kerjasama/projections'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import { runCli } from '@kerjasama/cli'

export async function wire(): Promise<AgreementService> {
  const sqlite: SqliteStore = openSqliteStore({ file: ':memory:', tenant: '33.05' })
  const readModels: ReadModelStore = sqlite.readModels
  const store: EventStore = sqlite
  const agreements = createAgreementService({ store, clock: testClock('2022-02-22T02:00:00.000Z'), regions: await loadIndonesianRegions() })
  const [identify] = agreementLifecycle('KSDPK', { agreementId: 'kebumen-gula' })
  const result = await agreements.execute(identify.command, { actor: identify.actor })
  const events: StoredEvent[] = result.events
  try {
    await sqlite.append('', [], { expectedVersion: 'none' })
  } catch (error) {
    if (isKerjasamaError(error)) console.log(error.code, error.localized.id, events.length, readModels)
  }
  return agreements
}

// The pool option is pg's Pool: its type must come with the package.
export const postgresOptions: PostgresStoreOptions = { schema: 'kerjasama', poolSize: 4 }
export const poolSize: number | undefined = postgresOptions.pool?.totalCount
export const opened = openPostgresStore
export const serialized: SerializedEvent[] = prepareAppend('agreement-a', [], { expectedVersion: 'none' }).events
export const fixture: StoreFixture = { open: async () => openMemoryStore(), tamper: async () => undefined, cleanup: async () => undefined }
export const readModelStore: ReadModelStore = openMemoryReadModelStore()
export const references = [describeEventStoreContract, registerProjection, runCli, postgresAvailability]
