import { InvalidStoreInput, ProjectionConflict, StoreClosed } from '@kerjasama/core'
import { assertIdentifier, checkCollectionIndexes, checkLease, checkLeaseTtl, checkpointStillAt, indexEntriesOf, mergeDocuments, PendingReadModelChanges, planReadModelQuery, queryDocuments, sameFields, storeInputReasons } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelStore, TenantScope } from '@kerjasama/core'
import type { CommittedDocuments } from '@kerjasama/core/adapter'
import { checkOpenOptions } from './openOptions'
import type { MemoryDatabase, MemoryReadModelSpace } from './memoryDatabase'
import { projectionLock } from './projectionLock'
import { readModelStateOf } from './memoryReadModelState'
import type { MemoryReadModelState } from './memoryReadModelState'

export type MemoryReadModelStoreOptions = TenantScope & { database?: MemoryDatabase }

/**
 * Read models of the store's own tenant only: a province's reader keeps its
 * own projections (R12). Everything that writes runs without an await between
 * its checks and its last change, so on one event loop it is atomic. Leases
 * use the process clock (Date.now()).
 */
export function openMemoryReadModelStore(options: MemoryReadModelStoreOptions = {}): ReadModelStore {
  const { tenant, database } = checkOpenOptions(options)
  const space = database.readModelSpace(tenant)
  const state = readModelStateOf(space)
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
        const startedAt = space.checkpoints.get(projection) ?? 0n
        const pending = new PendingReadModelChanges(committedDocuments(space))
        try {
          const result = await work(pending.transaction)
          assertOpen()
          commit(space, state, projection, startedAt, pending)
          return result
        } finally {
          pending.end()
        }
      })
    },

    async declareCollections(indexes) {
      assertOpen()
      const declared = checkCollectionIndexes(indexes)
      const changed = [...declared].filter(([collection, fields]) => !sameFields(state.indexes.get(collection), fields))
      // Every stored document must index under the new fields before any declaration changes.
      for (const [collection, fields] of changed) {
        for (const text of space.collections.get(collection)?.values() ?? []) indexEntriesOf(JSON.parse(text) as ReadModelDocument, fields)
      }
      for (const [collection, fields] of changed) state.indexes.set(collection, fields)
    },

    async get(collection, id) {
      assertOpen()
      assertIdentifier('collection', collection)
      assertIdentifier('id', id)
      const text = space.collections.get(collection)?.get(id)
      return text === undefined ? undefined : (JSON.parse(text) as ReadModelDocument)
    },

    async query(collection, query) {
      assertOpen()
      assertIdentifier('collection', collection)
      const indexed = state.indexes.get(collection)
      return queryDocuments(parsedDocuments(space.collections.get(collection)), indexed ?? [], planReadModelQuery(collection, query, indexed))
    },

    async list(collection) {
      assertOpen()
      assertIdentifier('collection', collection)
      return mergeDocuments(committedDocuments(space).list(collection), undefined)
    },

    async acquireLease(name, holder, ttlMs) {
      assertOpen()
      const lease = checkLease(name, holder)
      const ttl = checkLeaseTtl(ttlMs)
      const now = Date.now()
      const current = state.leases.get(lease.name)
      if (current !== undefined && current.holder !== lease.holder && current.expiresAt > now) return false
      state.leases.set(lease.name, { holder: lease.holder, expiresAt: now + ttl })
      return true
    },

    async releaseLease(name, holder) {
      assertOpen()
      const lease = checkLease(name, holder)
      const current = state.leases.get(lease.name)
      if (current === undefined || current.holder !== lease.holder || current.expiresAt <= Date.now()) return false
      state.leases.delete(lease.name)
      return true
    },

    async leaseOf(name) {
      assertOpen()
      assertIdentifier('name', name)
      const current = state.leases.get(name)
      if (current === undefined || current.expiresAt <= Date.now()) return undefined
      return { holder: current.holder, expiresAt: new Date(current.expiresAt) }
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

function commit(space: MemoryReadModelSpace, state: MemoryReadModelState, projection: string, startedAt: bigint, pending: PendingReadModelChanges): void {
  if (!checkpointStillAt(pending.checkpointChange, startedAt, space.checkpoints.get(projection) ?? 0n)) throw new ProjectionConflict(projection)
  // The SQL adapters write index entries in the commit; computing them here
  // refuses the same documents (R14) before anything changes.
  for (const [collection, documents] of pending.documents) {
    const indexed = state.indexes.get(collection) ?? []
    for (const text of documents.values()) if (text !== null) indexEntriesOf(JSON.parse(text) as ReadModelDocument, indexed)
  }
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

/** Stored as JSON text, so a caller can never change a committed document; each query reads fresh copies. */
function* parsedDocuments(documents: ReadonlyMap<string, string> | undefined): Iterable<readonly [string, ReadModelDocument]> {
  for (const [id, text] of documents ?? []) yield [id, JSON.parse(text) as ReadModelDocument]
}
