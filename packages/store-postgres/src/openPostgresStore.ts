import type { ReadModelStore, TenantScope } from '@kerjasama/core'
import { poolFrom } from './connection'
import type { ConnectionOptions } from './connection'
import { migrate } from './migrate'
import { mapPgError } from './pgErrors'
import { createPostgresEventStore } from './postgresEventStore'
import type { EventStoreSettings, PostgresEventStore } from './postgresEventStore'
import { createPostgresReadModelStore } from './postgresReadModelStore'
import { checkPostgresOptions } from './options'

export type PostgresStoreOptions = ConnectionOptions &
  EventStoreSettings & {
    /** Every table, function and sequence lives in this schema (default "kerjasama"); its app role is `<schema>_app`. */
    schema?: string
  }

export type PostgresStore = PostgresEventStore & {
  /** The read models of the store's own tenant, on the same pool and schema. Closed with the store. */
  readModels: ReadModelStore
}

/**
 * Opens (and migrates, if needed) the event store and read models in one
 * schema. When the store created the pool (connectionString or PG* variables)
 * close() ends it; a pool you pass in stays yours.
 */
export async function openPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const { checked, handle } = await openMigrated(options)
  let readModels: ReadModelStore | undefined
  const events = createPostgresEventStore(handle.pool, checked, async () => {
    await readModels?.close()
    await handle.end()
  })
  readModels = createPostgresReadModelStore(handle.pool, checked.names, checked.tenant, async () => undefined)
  return Object.assign(events, { readModels })
}

export type PostgresReadModelStoreOptions = ConnectionOptions & TenantScope & { schema?: string }

/** Read models on their own, for a projection runner that does not append. */
export async function openPostgresReadModelStore(options: PostgresReadModelStoreOptions = {}): Promise<ReadModelStore> {
  const { checked, handle } = await openMigrated(options)
  return createPostgresReadModelStore(handle.pool, checked.names, checked.tenant, () => handle.end())
}

/** Checks the options, connects, and brings the schema up to date; the pool is ended again if that fails. */
async function openMigrated(options: ConnectionOptions & { schema?: string }) {
  const checked = checkPostgresOptions(options)
  const handle = poolFrom(options, checked.poolSize)
  try {
    await migrate(handle.pool, checked.names)
  } catch (error) {
    await handle.end()
    throw mapPgError(error, 'open')
  }
  return { checked, handle }
}
