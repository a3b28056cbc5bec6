import { InvalidStoreInput, StoreReadOnly, readOnlyReadModels } from '@kerjasama/core'
import type { EventStore, ReadModelStore, SnapshotStore, TenantScope } from '@kerjasama/core'
import { appendSignal } from './appendSignal'
import { openConnection } from './connection'
import { resolveStoreOptions } from './options'
import type { SqliteConnectionOptions, SqliteStoreOptions } from './options'
import { createSqliteEventStore } from './sqliteEventStore'
import { createSqliteReadModelStore } from './sqliteReadModelStore'
import { createSqliteSnapshotStore } from './sqliteSnapshotStore'

/** The event store of one SQLite file, with the read models of the same tenant on the same connection. */
export type SqliteStore = EventStore & {
  /** Read models of this store's tenant. Closing them leaves the event store open; closing the store closes both. */
  readonly readModels: ReadModelStore
  /** Snapshots of this store's tenant, for the agreement service's `snapshots` option. Closed with the store; closing them alone leaves it open. */
  readonly snapshots: SnapshotStore
}

/**
 * Opens (creating and migrating as needed) the SQLite file for one tenant.
 * One connection serves both the events and the read models. With
 * `readOnly: true` the file must exist at this library's schema version and
 * is never changed: append and read-model transactions are refused.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const resolved = resolveStoreOptions(options)
  const connection = openConnection(resolved)
  const signal = appendSignal(connection.databaseKey, new Set(resolved.readable))
  const events = createSqliteEventStore(connection, resolved, () => {
    signal.close()
    connection.close()
  })
  const readModels = createSqliteReadModelStore(connection, resolved.tenant, () => undefined)
  const snapshots = createSqliteSnapshotStore(connection, resolved.tenant, { readOnly: resolved.readOnly, onClose: () => undefined })
  const announced = async (appended: ReturnType<typeof events.append>) => {
    const result = await appended
    if (!result.duplicate) signal.announce(resolved.tenant)
    return result
  }
  return {
    tenant: events.tenant,
    append: (streamId, newEvents, appendOptions) =>
      resolved.readOnly ? Promise.reject(new StoreReadOnly('append')) : announced(events.append(streamId, newEvents, appendOptions)),
    readStream: (streamId, readOptions) => events.readStream(streamId, readOptions),
    readAll: (readOptions) => events.readAll(readOptions),
    verify: (verifyOptions) => events.verify(verifyOptions),
    // Wakes for appends through any store of this process on the file (R17); other processes' appends are found by polling.
    subscribe: async (listener) => {
      connection.assertOpen()
      if (typeof listener !== 'function') throw new InvalidStoreInput({ id: 'listener harus berupa fungsi', en: 'listener must be a function' }, { field: 'listener' })
      return signal.subscribe(listener)
    },
    close: () => events.close(),
    readModels: resolved.readOnly ? readOnlyReadModels(readModels) : readModels,
    snapshots,
  }
}

export type SqliteReadModelStoreOptions = SqliteConnectionOptions & Pick<TenantScope, 'tenant'>

/** Read models on a connection of their own, for a projection runner that does not append events. */
export function openSqliteReadModelStore(options: SqliteReadModelStoreOptions): ReadModelStore {
  const resolved = resolveStoreOptions(options)
  const connection = openConnection(resolved)
  const readModels = createSqliteReadModelStore(connection, resolved.tenant, () => connection.close())
  return resolved.readOnly ? readOnlyReadModels(readModels) : readModels
}
