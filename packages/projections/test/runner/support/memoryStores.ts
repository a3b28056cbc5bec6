import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import type { MemoryDatabase } from '@kerjasama/store-memory'

export type MemoryStores = { database: MemoryDatabase; eventStore: EventStore; readModels: ReadModelStore }

/** An event store and read models on one memory database; `again` opens a second pair on it, like another app instance would. */
export function memoryStores(database: MemoryDatabase = createMemoryDatabase()): MemoryStores & { again: () => MemoryStores } {
  const open = (): MemoryStores => ({ database, eventStore: openMemoryStore({ database }), readModels: openMemoryReadModelStore({ database }) })
  return { ...open(), again: open }
}
