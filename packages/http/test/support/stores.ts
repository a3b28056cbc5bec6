import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import type { ApiStores } from '../../src/testing'

export const TENANT = '33.05'

/** Memory event store and read models sharing one database, for Kebumen. */
export function memoryStores(): ApiStores {
  const database = createMemoryDatabase()
  return { eventStore: openMemoryStore({ database, tenant: TENANT }), readModels: openMemoryReadModelStore({ database, tenant: TENANT }) }
}

/** A private SQLite ':memory:' database: events and read models on one connection. */
export function sqliteStores(): ApiStores {
  const store = openSqliteStore({ file: ':memory:', tenant: TENANT })
  return { eventStore: store, readModels: store.readModels }
}
