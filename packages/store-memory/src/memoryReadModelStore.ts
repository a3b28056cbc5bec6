import { InvalidStoreInput, PendingReadModelChanges, StoreClosed, assertIdentifier, mergeDocuments, storeInputReasons } from '@kerjasama/core'
import type { CommittedDocuments, ReadModelDocument, ReadModelStore, TenantScope } from '@kerjasama/core'
import { checkOpenOptions } from './openOptions'
import type { MemoryDatabase, MemoryReadModelSpace } from './memoryDatabase'
import { projectionLock } from './projectionLock'

export type MemoryReadModelStoreOptions = TenantScope & { database?: MemoryDatabase }

/** Read models of the store's own tenant only: a province's reader keeps its own projections (R12). */
export function openMemoryReadModelStore(options: MemoryReadModelStoreOptions = {}): ReadModelStore {
  const { tenant, database } = checkOpenOptions(options)
  const space = database.readModelSpace(tenant)
  let closed = false
  const assertOpen = (): void => {
    if (closed) throw new StoreClosed()
  }

  return {
    async getCheckpoint(projection) {
      assertOpen()
      assertIdentifier('projection', projection)
      return space.checkpoints.get(projection) ?? 0n
    },

    async transaction(projection, work) {
      assertOpen()
      assertIdentifier('projection', projection)
      if (typeof work !== 'function') throw new InvalidStoreInput(storeInputReasons.workMustBeFunction, { field: 'work' })
      // One transaction per projection at a time, like a row lock on its
      // checkpoint: two runners of one projection must not both apply a batch.
      return projectionLock(database, `${tenant}\n${projection}`, async () => {
        assertOpen()
        const pending = new PendingReadModelChanges(committedDocuments(space))
        try {
          const result = await work(pending.transaction)
          assertOpen()
          commit(space, projection, pending)
          return result
        } finally {
          pending.end()
        }
      })
    },

    async get(collection, id) {
      assertOpen()
      assertIdentifier('collection', collection)
      assertIdentifier('id', id)
      const text = space.collections.get(collection)?.get(id)
      return text === undefined ? undefined : (JSON.parse(text) as ReadModelDocument)
    },

    async list(collection) {
      assertOpen()
      assertIdentifier('collection', collection)
      return mergeDocuments(committedDocuments(space).list(collection), undefined)
    },

    async close() {
      closed = true
    },
  }
}

function committedDocuments(space: MemoryReadModelSpace): CommittedDocuments {
  return {
    get: (collection, id) => space.collections.get(collection)?.get(id),
    list: (collection) => [...(space.collections.get(collection) ?? [])].map(([id, document]) => ({ id, document })),
  }
}

function commit(space: MemoryReadModelSpace, projection: string, pending: PendingReadModelChanges): void {
  for (const [collection, documents] of pending.documents) {
    let stored = space.collections.get(collection)
    if (stored === undefined) {
      stored = new Map()
      space.collections.set(collection, stored)
    }
    for (const [id, text] of documents) {
      if (text === null) stored.delete(id)
      else stored.set(id, text)
    }
  }
  if (pending.checkpoint !== undefined) space.checkpoints.set(projection, pending.checkpoint)
}
