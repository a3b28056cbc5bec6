import type { ReadModelDocument, ReadModelPage, ReadModelQuery, ReadModelReader, ReadModelStore } from '@kerjasama/core'
import { physicalCollection } from './buildNames'
import { readControlRecord } from './rebuild'

/**
 * What a read model's query functions receive: the projection's logical
 * collections, answered from whichever build is active. Each call looks the
 * active build up afresh (one small read), so a reader created before a
 * switch reads the new build after it, and no caller ever needs to know
 * build keys. Before anything was built, every collection reads as empty.
 */
export function readerFor(store: Pick<ReadModelStore, 'get' | 'query'>, projection: { name: string }): ReadModelReader {
  const resolve = async (collection: string): Promise<string | undefined> => {
    const control = await readControlRecord(store, projection.name)
    return control === undefined ? undefined : physicalCollection(projection.name, control.active, collection)
  }
  return {
    async get(collection: string, id: string): Promise<ReadModelDocument | undefined> {
      const physical = await resolve(collection)
      return physical === undefined ? undefined : store.get(physical, id)
    },
    async query(collection: string, query?: ReadModelQuery): Promise<ReadModelPage> {
      const physical = await resolve(collection)
      return physical === undefined ? { items: [] } : store.query(physical, query)
    },
  }
}
