import { isKerjasamaError } from '@kerjasama/core'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { adapterExport } from './adapterModule'
import { claimDemoFile, markDemoFileInProgress } from './demoFile'
import type { StoreSelection } from './storeOptions'

/** The demo's store, opened for writing (and, on PostgreSQL, migrated) for --tenant or the default tenant. */
export async function openDemoStore(selection: StoreSelection, env: NodeJS.ProcessEnv = process.env): Promise<EventStore> {
  const tenant = tenantOption(selection)
  switch (selection.store) {
    case 'memory':
      return (await adapterExport<EventStore>('@kerjasama/store-memory', 'openMemoryStore', 'memory'))(tenant)
    case 'sqlite': {
      // The demo starts from an empty file each run so its output is the same
      // every time, but it may only empty a file it owns (see claimDemoFile).
      const ownedByDemo = selection.file !== ':memory:'
      const file = ownedByDemo ? claimDemoFile(selection.file) : selection.file
      const store = await (await adapterExport<EventStore>('@kerjasama/store-sqlite', 'openSqliteStore', 'sqlite'))({ file, ...tenant })
      if (ownedByDemo) markDemoFileInProgress(file)
      return store
    }
    case 'postgres': {
      const open = await adapterExport<Promise<EventStore>>('@kerjasama/store-postgres', 'openPostgresStore', 'postgres')
      return open({ ...postgresConnection(env, selection), schema: selection.schema, ...tenant })
    }
  }
}

/** An event store with the read models of its tenant; closing it closes both. */
export type OpenedStore = { eventStore: EventStore; readModels: ReadModelStore; close(): Promise<void> }

/**
 * For the read commands: the file or schema must exist and is never changed
 * (no file, schema, role or migration is created; a missing one is
 * STORE_NOT_FOUND naming it). Every write, the runner's included, is refused.
 */
export function openStoreForReading(selection: StoreSelection, env: NodeJS.ProcessEnv = process.env): Promise<OpenedStore> {
  return openSelected(selection, env, true)
}

/**
 * For rebuild, skip and serve. `create: false` (rebuild, skip) first opens
 * the store read-only, so a mistyped --db or --schema is STORE_NOT_FOUND
 * rather than a new, empty store with nothing to rebuild; serve creates (and
 * migrates) the store it is to record agreements in.
 */
export async function openStoreForWriting(selection: StoreSelection, env: NodeJS.ProcessEnv, options: { create: boolean }): Promise<OpenedStore> {
  if (!options.create && selection.store !== 'memory') {
    try {
      await (await openSelected(selection, env, true)).close()
    } catch (error) {
      if (!isOlderStore(error)) throw error
    }
  }
  return openSelected(selection, env, false)
}

/**
 * A store an older release made exists, so a writing open may migrate it:
 * after an upgrade, `kerjasama rebuild` is how its file or schema is brought
 * up to date. Version 0 (an empty file, a schema without Kerjasama's tables)
 * is no store at all, and stays refused.
 */
export function isOlderStore(error: unknown): boolean {
  return isKerjasamaError(error) && error.code === 'STORE_SCHEMA_TOO_OLD' && typeof error.details.foundVersion === 'number' && error.details.foundVersion > 0
}

async function openSelected(selection: StoreSelection, env: NodeJS.ProcessEnv, readOnly: boolean): Promise<OpenedStore> {
  const tenant = tenantOption(selection)
  switch (selection.store) {
    case 'memory': {
      // A memory store lives in this process only: a new one is empty, and read-only changes nothing about that.
      const database = (await import('@kerjasama/store-memory')).createMemoryDatabase()
      const eventStore = (await adapterExport<EventStore>('@kerjasama/store-memory', 'openMemoryStore', 'memory'))({ database, ...tenant })
      const readModels = (await adapterExport<ReadModelStore>('@kerjasama/store-memory', 'openMemoryReadModelStore', 'memory'))({ database, ...tenant })
      return { eventStore, readModels, close: () => eventStore.close() }
    }
    case 'sqlite': {
      const open = await adapterExport<EventStore & { readModels: ReadModelStore }>('@kerjasama/store-sqlite', 'openSqliteStore', 'sqlite')
      const store = open({ file: selection.file, ...tenant, ...(readOnly ? { readOnly } : {}) })
      return { eventStore: store, readModels: store.readModels, close: () => store.close() }
    }
    case 'postgres': {
      const open = await adapterExport<Promise<EventStore & { readModels: ReadModelStore }>>('@kerjasama/store-postgres', 'openPostgresStore', 'postgres')
      const store = await open({ ...postgresConnection(env, selection), schema: selection.schema, ...tenant, ...(readOnly ? { readOnly } : {}) })
      return { eventStore: store, readModels: store.readModels, close: () => store.close() }
    }
  }
}

function tenantOption(selection: StoreSelection): { tenant?: string } {
  return selection.tenant === undefined ? {} : { tenant: selection.tenant }
}

/**
 * --postgres wins. Without it the pg driver reads the standard PG* variables
 * itself, and the process's own DATABASE_URL is left for the adapter to
 * read, so an error about it names DATABASE_URL rather than an option the
 * user never set.
 */
export function postgresConnection(env: NodeJS.ProcessEnv, selection?: Pick<StoreSelection, 'connectionString'>): { connectionString?: string } {
  if (selection?.connectionString !== undefined) return { connectionString: selection.connectionString }
  return env.DATABASE_URL === undefined || env.DATABASE_URL === process.env.DATABASE_URL ? {} : { connectionString: env.DATABASE_URL }
}
