import { InvalidStoreInput, StoreClosed } from '@kerjasama/core'
import { PendingReadModelChanges, assertIdentifier, mergeDocuments, storeInputReasons } from '@kerjasama/core/adapter'
import type { ReadModelStore } from '@kerjasama/core'
import type { SqliteConnection } from './connection'
import { MAX_POSITION } from './maxPosition'
import { ProjectionConflict } from './projectionConflict'
import { inProjectionQueue } from './projectionQueue'
import { prepareReadModelStatements } from './readModelStatements'
import { toStoreError } from './sqliteErrors'

/**
 * Read models of one tenant. A transaction's changes stay in memory while
 * the projection's async work runs, and are written in one short BEGIN
 * IMMEDIATE ... COMMIT at the end (R8). Holding an SQLite transaction open
 * across the work's awaits instead would block every other writer on the
 * file for as long as the work takes, would let plain reads on this shared
 * connection see uncommitted documents, and would deadlock a second
 * connection in this process: better-sqlite3 waits for a lock synchronously,
 * so the holder could never resume to release it.
 *
 * Transactions of one projection queue up within the process. Across
 * processes, each commit bumps the projection's revision; a transaction whose
 * projection was committed by someone else meanwhile is refused with
 * PROJECTION_CONFLICT instead of applying a batch twice.
 */
export function createSqliteReadModelStore(connection: SqliteConnection, tenant: string, onClose: () => void): ReadModelStore {
  const { db } = connection
  const statements = prepareReadModelStatements(db)
  let closed = false
  const assertOpen = (): void => {
    if (closed || !connection.isOpen()) throw new StoreClosed()
  }
  const read = <T>(operation: string, run: () => T): T => {
    assertOpen()
    try {
      return run()
    } catch (error) {
      throw toStoreError(error, operation)
    }
  }
  const committed = {
    get: (collection: string, id: string) => read('read-model get', () => statements.getDocument.get(tenant, collection, id)),
    list: (collection: string) => read('read-model list', () => statements.listDocuments.all(tenant, collection)),
  }
  const revisionOf = (projection: string): bigint => statements.getCheckpoint.get(tenant, projection)?.revision ?? 0n

  const commit = db.transaction((projection: string, startRevision: bigint, pending: PendingReadModelChanges) => {
    const current = statements.getCheckpoint.get(tenant, projection)
    if ((current?.revision ?? 0n) !== startRevision) throw new ProjectionConflict(projection)
    for (const [collection, documents] of pending.documents) {
      for (const [id, text] of documents) {
        if (text === null) statements.deleteDocument.run(tenant, collection, id)
        else statements.putDocument.run(tenant, collection, id, text)
      }
    }
    statements.saveCheckpoint.run(tenant, projection, pending.checkpoint ?? current?.position ?? 0n, startRevision + 1n)
  })

  return {
    async getCheckpoint(projection) {
      assertOpen()
      assertIdentifier('projection', projection)
      return read('read-model checkpoint', () => statements.getCheckpoint.get(tenant, projection)?.position ?? 0n)
    },

    async transaction(projection, work) {
      assertOpen()
      assertIdentifier('projection', projection)
      if (typeof work !== 'function') throw new InvalidStoreInput(storeInputReasons.workMustBeFunction, { field: 'work' })
      return inProjectionQueue(`${connection.databaseKey}\n${tenant}\n${projection}`, async () => {
        const startRevision = read('read-model transaction', () => revisionOf(projection))
        const pending = new PendingReadModelChanges(committed, MAX_POSITION)
        try {
          const result = await work(pending.transaction)
          pending.end()
          if (!pending.isEmpty) read('read-model commit', () => commit.immediate(projection, startRevision, pending))
          return result
        } finally {
          pending.end()
        }
      })
    },

    async get(collection, id) {
      assertIdentifier('collection', collection)
      assertIdentifier('id', id)
      const text = committed.get(collection, id)
      return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>)
    },

    async list(collection) {
      assertIdentifier('collection', collection)
      return mergeDocuments(committed.list(collection), undefined)
    },

    async close() {
      if (closed) return
      closed = true
      onClose()
    },
  }
}
