import type { EventStore } from '@kerjasama/core'
import { adapterExport } from './adapterModule'
import { claimDemoFile, markDemoFileInProgress } from './demoFile'
import type { StoreSelection } from './storeOptions'

/** The demo's store, opened for writing (and, on PostgreSQL, migrated) for --tenant or the default tenant. */
export async function openDemoStore(selection: StoreSelection, env: NodeJS.ProcessEnv = process.env): Promise<EventStore> {
  const tenant = selection.tenant === undefined ? {} : { tenant: selection.tenant }
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
      return open({ ...postgresConnection(env), schema: selection.schema, ...tenant })
    }
  }
}

/**
 * Without DATABASE_URL the pg driver reads the standard PG* variables itself.
 * The process's own DATABASE_URL is left for the adapter to read, so an error
 * about it names DATABASE_URL rather than an option the user never set.
 */
export function postgresConnection(env: NodeJS.ProcessEnv): { connectionString?: string } {
  return env.DATABASE_URL === undefined || env.DATABASE_URL === process.env.DATABASE_URL ? {} : { connectionString: env.DATABASE_URL }
}
