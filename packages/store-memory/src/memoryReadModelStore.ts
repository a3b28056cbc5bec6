import { InvalidStoreInput, StoreClosed, assertIdentifier, assertJsonValue } from '@kerjasama/core'
import type { ReadModelDocument, ReadModelStore, ReadModelTransaction, TenantScope } from '@kerjasama/core'
import { checkOpenOptions } from './openOptions'
import type { MemoryDatabase, MemoryReadModelSpace } from './memoryDatabase'
import { projectionLock } from './projectionLock'

export type MemoryReadModelStoreOptions = TenantScope & { database?: MemoryDatabase }

type DocumentList = Array<{ id: string; document: ReadModelDocument }>

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
      if (typeof work !== 'function') throw new InvalidStoreInput('transaction work must be a function', { field: 'work' })
      // One transaction per projection at a time, like a row lock on its
      // checkpoint: two runners of one projection must not both apply a batch.
      return projectionLock(database, `${tenant}\n${projection}`, async () => {
        assertOpen()
        const pending = new PendingChanges(space)
        try {
          const result = await work(pending.transaction)
          assertOpen()
          pending.commit(projection)
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
      return listDocuments(space.collections.get(collection), undefined)
    },

    async close() {
      closed = true
    },
  }
}

/** The changes of one transaction, invisible to everyone else until commit. `null` marks a deletion. */
class PendingChanges {
  private readonly changes = new Map<string, Map<string, string | null>>()
  private checkpoint: bigint | undefined
  private ended = false
  readonly transaction: ReadModelTransaction

  constructor(private readonly space: MemoryReadModelSpace) {
    this.transaction = {
      get: async (collection, id) => {
        this.assertActive(collection, id)
        const pending = this.changes.get(collection)?.get(id)
        const text = pending === undefined ? this.space.collections.get(collection)?.get(id) : pending
        return text === undefined || text === null ? undefined : (JSON.parse(text) as ReadModelDocument)
      },
      put: async (collection, id, document) => {
        this.assertActive(collection, id)
        if (typeof document !== 'object' || document === null || Array.isArray(document)) {
          throw new InvalidStoreInput('a read-model document must be an object', { field: 'document' })
        }
        assertJsonValue(document, 'document')
        this.collection(collection).set(id, JSON.stringify(document))
      },
      delete: async (collection, id) => {
        this.assertActive(collection, id)
        this.collection(collection).set(id, null)
      },
      list: async (collection) => {
        this.assertActive(collection, undefined)
        return listDocuments(this.space.collections.get(collection), this.changes.get(collection))
      },
      setCheckpoint: async (position) => {
        this.assertActive(undefined, undefined)
        if (typeof position !== 'bigint' || position < 0n) throw new InvalidStoreInput('a checkpoint must be a non-negative bigint', { field: 'position' })
        this.checkpoint = position
      },
    }
  }

  commit(projection: string): void {
    for (const [collection, documents] of this.changes) {
      let stored = this.space.collections.get(collection)
      if (stored === undefined) {
        stored = new Map()
        this.space.collections.set(collection, stored)
      }
      for (const [id, text] of documents) {
        if (text === null) stored.delete(id)
        else stored.set(id, text)
      }
    }
    if (this.checkpoint !== undefined) this.space.checkpoints.set(projection, this.checkpoint)
  }

  end(): void {
    this.ended = true
  }

  private collection(name: string): Map<string, string | null> {
    let documents = this.changes.get(name)
    if (documents === undefined) {
      documents = new Map()
      this.changes.set(name, documents)
    }
    return documents
  }

  private assertActive(collection: unknown, id: unknown): void {
    // A transaction object kept past its work would otherwise write outside any transaction.
    if (this.ended) throw new InvalidStoreInput('the transaction has already ended', { field: 'transaction' })
    if (collection !== undefined) assertIdentifier('collection', collection)
    if (id !== undefined) assertIdentifier('id', id)
  }
}

function listDocuments(stored: Map<string, string> | undefined, pending: Map<string, string | null> | undefined): DocumentList {
  const merged = new Map<string, string | null>(stored ?? [])
  for (const [id, text] of pending ?? []) merged.set(id, text)
  const result: DocumentList = []
  for (const [id, text] of [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (text !== null) result.push({ id, document: JSON.parse(text) as ReadModelDocument })
  }
  return result
}
