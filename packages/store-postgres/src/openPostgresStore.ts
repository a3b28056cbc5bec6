import { StoreReadOnly, isKerjasamaError, readOnlyReadModels } from '@kerjasama/core'
import type { ReadModelStore, SnapshotStore, TenantScope } from '@kerjasama/core'
import { poolFrom } from './connection'
import type { ConnectionOptions } from './connection'
import { checkConnectionString, connectionTarget, poolConfig } from './connectionTarget'
import type { ConnectionTarget } from './connectionTarget'
import { migrate } from './migrate'
import { classifyPgFailure } from './pgFailure'
import { checkReadableSchema } from './readableSchema'
import { createPostgresEventStore } from './postgresEventStore'
import type { EventStoreSettings, PostgresEventStore } from './postgresEventStore'
import { createPostgresReadModelStore } from './postgresReadModelStore'
import { createPostgresSnapshotStore } from './postgresSnapshotStore'
import { checkPostgresOptions } from './options'

export type PostgresStoreOptions = ConnectionOptions &
  EventStoreSettings & {
    /** Every table, function and sequence lives in this schema (default "kerjasama"); its app role is `<schema>_app`. */
    schema?: string
    /**
     * Open an existing schema without changing anything: no CREATE SCHEMA, no
     * role, no migration; append and read-model transactions are refused with
     * STORE_READ_ONLY. A missing schema is STORE_NOT_FOUND, an older one STORE_SCHEMA_TOO_OLD.
     */
    readOnly?: boolean
  }

export type PostgresStore = PostgresEventStore & {
  /** The read models of the store's own tenant, on the same pool and schema. Closed with the store. */
  readModels: ReadModelStore
  /** Snapshots of the store's own tenant, for the agreement service's `snapshots` option. Closed with the store. */
  snapshots: SnapshotStore
}

/**
 * Opens (and migrates, if needed) the event store and read models in one
 * schema. When the store created the pool (connectionString or PG* variables)
 * close() ends it; a pool you pass in stays yours. With `readOnly: true` the
 * schema must exist and nothing in it is changed.
 */
export async function openPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const { checked, handle } = await openSchema(options)
  let readModels: ReadModelStore | undefined
  let snapshots: SnapshotStore | undefined
  const events = createPostgresEventStore(handle.pool, checked, async () => {
    await readModels?.close()
    await snapshots?.close()
    await handle.end()
  })
  readModels = createPostgresReadModelStore(handle.pool, checked.names, checked.tenant, async () => undefined)
  snapshots = createPostgresSnapshotStore(handle.pool, checked.names, checked.tenant, { readOnly: checked.readOnly, onClose: async () => undefined })
  if (!checked.readOnly) return Object.assign(events, { readModels, snapshots })
  return Object.assign(events, {
    readModels: readOnlyReadModels(readModels),
    snapshots,
    append: async (): Promise<never> => {
      throw new StoreReadOnly('append')
    },
  })
}

export type PostgresReadModelStoreOptions = ConnectionOptions & TenantScope & { schema?: string; readOnly?: boolean }

/** Read models on their own, for a projection runner that does not append. */
export async function openPostgresReadModelStore(options: PostgresReadModelStoreOptions = {}): Promise<ReadModelStore> {
  const { checked, handle } = await openSchema(options)
  const readModels = createPostgresReadModelStore(handle.pool, checked.names, checked.tenant, () => handle.end())
  return checked.readOnly ? readOnlyReadModels(readModels) : readModels
}

/**
 * Checks the options and the connection string, connects, and either brings
 * the schema up to date or, read-only, checks that it is there at this
 * version. The pool is ended again if that fails, and the failure names the
 * role, host or database it was about (never the password).
 */
export async function openSchema(options: ConnectionOptions & { schema?: string; readOnly?: boolean }) {
  const checked = checkPostgresOptions(options)
  const target = resolveTarget(options)
  const handle = poolFrom(options, checked.poolSize)
  try {
    if (checked.readOnly) await checkReadableSchema(handle.pool, checked.names, target)
    else await migrate(handle.pool, checked.names)
  } catch (error) {
    await handle.end()
    throw isKerjasamaError(error) ? error : classifyPgFailure(error, 'open', target)
  }
  return { checked, handle, target }
}

function resolveTarget(options: ConnectionOptions): ConnectionTarget {
  if (options.pool !== undefined) return connectionTarget(poolConfig(options.pool))
  const connectionString = options.connectionString ?? process.env.DATABASE_URL
  if (connectionString === undefined) return connectionTarget({})
  checkConnectionString(connectionString, options.connectionString === undefined ? 'DATABASE_URL' : 'connectionString')
  return connectionTarget({ connectionString })
}
