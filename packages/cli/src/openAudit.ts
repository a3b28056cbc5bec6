import type { EventStore, StoreAudit, VerifyReport } from '@kerjasama/core'
import { adapterExport } from './adapterModule'
import { postgresConnection } from './openStore'
import type { StoreSelection } from './storeOptions'

/**
 * What verify reads: the whole file or schema, read-only. Nothing is created
 * or migrated: a missing file or schema is STORE_NOT_FOUND from the adapter.
 */
export async function openAudit(selection: StoreSelection, env: NodeJS.ProcessEnv = process.env): Promise<StoreAudit> {
  switch (selection.store) {
    case 'memory':
      return memoryAudit(await adapterExport<EventStore>('@kerjasama/store-memory', 'openMemoryStore', 'memory'))
    case 'sqlite':
      return (await adapterExport<StoreAudit>('@kerjasama/store-sqlite', 'openSqliteAudit', 'sqlite'))({ file: selection.file })
    case 'postgres':
      return (await adapterExport<Promise<StoreAudit>>('@kerjasama/store-postgres', 'openPostgresAudit', 'postgres'))({ ...postgresConnection(env, selection), schema: selection.schema })
  }
}

/** A memory store lives in this process only, so a new one holds no tenant; verifying one of its tenants finds nothing. */
function memoryAudit(open: (options: Record<string, unknown>) => EventStore): StoreAudit {
  return {
    tenants: async () => [],
    verifyTenant: async (tenant): Promise<VerifyReport> => {
      const store = open({ tenant })
      try {
        return await store.verify()
      } finally {
        await store.close()
      }
    },
    close: async () => undefined,
  }
}
