import { InvalidStoreInput, ProjectionConflict, StoreClosed } from '@kerjasama/core'
import {
  PendingReadModelChanges,
  assertIdentifier,
  checkCollectionIndexes,
  checkLease,
  checkLeaseTtl,
  checkpointStillAt,
  mergeDocuments,
  planReadModelQuery,
  sameFields,
  storeInputReasons,
} from '@kerjasama/core/adapter'
import type { ReadModelStore } from '@kerjasama/core'
import type { SqliteConnection } from './connection'
import { prepareLeaseStatements } from './leaseStatements'
import { MAX_POSITION } from './maxPosition'
import { inProjectionQueue } from './projectionQueue'
import { prepareReadModelIndexStatements } from './readModelIndexStatements'
import { prepareReadModelStatements } from './readModelStatements'
import { sqliteIndexWriter } from './sqliteIndexWriter'
import { sqliteQueryRunner } from './sqliteQuery'
import { toStoreError } from './sqliteErrors'

/**
 * Read models of one tenant. A transaction's changes stay in memory while
 * the projection's async work runs, and are written in one short BEGIN
 * IMMEDIATE ... COMMIT at the end (R8), with their index entries (R14).
 * Holding an SQLite transaction open across the work's awaits instead would
 * block every other writer on the file for as long as the work takes, would
 * let plain reads on this shared connection see uncommitted documents, and
 * would deadlock a second connection in this process: better-sqlite3 waits
 * for a lock synchronously, so the holder could never resume to release it.
 *
 * Transactions of one projection queue up within the process. Across
 * processes, the commit is compare-and-set (R15): each commit bumps the
 * projection's revision, and a transaction whose projection was committed by
 * someone else meanwhile, or whose checkpoint is not where the caller said
 * its batch began, is refused with PROJECTION_CONFLICT instead of applying a
 * batch twice. Leases (R16) use this process's clock.
 */
export function createSqliteReadModelStore(connection: SqliteConnection, tenant: string, onClose: () => void): ReadModelStore {
  const { db } = connection
  const statements = prepareReadModelStatements(db)
  const indexStatements = prepareReadModelIndexStatements(db)
  const leases = prepareLeaseStatements(db)
  const indexWriter = sqliteIndexWriter(indexStatements, tenant)
  const runQuery = sqliteQueryRunner(db, tenant)
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
  /** One write at its turn at the file's write lock (writeTurns). */
  const write = async <T>(operation: string, run: () => T): Promise<T> =>
    connection.writeTurns
      .take(operation, () => {
        assertOpen()
        return run()
      })
      .catch((error: unknown) => Promise.reject(toStoreError(error, operation)))
  const committed = {
    get: (collection: string, id: string) => read('read-model get', () => statements.getDocument.get(tenant, collection, id)),
    list: (collection: string) => read('read-model list', () => statements.listDocuments.all(tenant, collection)),
  }
  const checkpointOf = (projection: string) => statements.getCheckpoint.get(tenant, projection) ?? { position: 0n, revision: 0n }

  const commit = db.transaction((projection: string, start: { position: bigint; revision: bigint }, pending: PendingReadModelChanges) => {
    const current = checkpointOf(projection)
    if (current.revision !== start.revision || !checkpointStillAt(pending.checkpointChange, start.position, current.position)) throw new ProjectionConflict(projection)
    for (const [collection, documents] of pending.documents) {
      const indexed = indexWriter.indexedFields(collection)
      for (const [id, text] of documents) {
        if (text === null) statements.deleteDocument.run(tenant, collection, id)
        else statements.putDocument.run(tenant, collection, id, text)
        indexWriter.reindexDocument(collection, id, text === null || indexed === undefined || indexed.length === 0 ? [] : pending.entriesFor(collection, id, indexed))
      }
    }
    statements.saveCheckpoint.run(tenant, projection, pending.checkpoint ?? current.position, start.revision + 1n)
  })

  const declare = db.transaction((declared: Map<string, readonly string[]>) => {
    for (const [collection, fields] of declared) {
      if (sameFields(indexWriter.indexedFields(collection), fields)) continue
      indexWriter.reindexCollection(collection, fields)
    }
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
        const start = read('read-model transaction', () => checkpointOf(projection))
        const pending = new PendingReadModelChanges(committed, MAX_POSITION, (collection) => read('read-model transaction', () => indexWriter.indexedFields(collection)))
        try {
          const result = await work(pending.transaction)
          pending.end()
          if (!pending.isEmpty) await write('read-model commit', () => commit.immediate(projection, start, pending))
          return result
        } finally {
          pending.end()
        }
      })
    },

    async declareCollections(indexes) {
      assertOpen()
      const declared = checkCollectionIndexes(indexes)
      const unchanged = read('read-model declare', () => [...declared].every(([collection, fields]) => sameFields(indexWriter.indexedFields(collection), fields)))
      // Redeclaring what is declared, the common case at every start, takes no write lock.
      if (!unchanged) await write('read-model declare', () => declare.immediate(declared))
    },

    async get(collection, id) {
      assertIdentifier('collection', collection)
      assertIdentifier('id', id)
      const text = committed.get(collection, id)
      return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>)
    },

    async query(collection, query) {
      assertOpen()
      assertIdentifier('collection', collection)
      return read('read-model query', () => runQuery(collection, planReadModelQuery(collection, query, indexWriter.indexedFields(collection))))
    },

    async list(collection) {
      assertIdentifier('collection', collection)
      return mergeDocuments(committed.list(collection), undefined)
    },

    async acquireLease(name, holder, ttlMs) {
      assertOpen()
      const lease = checkLease(name, holder)
      const ttl = checkLeaseTtl(ttlMs)
      return write('read-model lease', () =>
        db.transaction(() => {
          const now = Date.now()
          return leases.acquire.get({ tenant, name: lease.name, holder: lease.holder, expiresAt: now + ttl, now }) !== undefined
        }).immediate(),
      )
    },

    async releaseLease(name, holder) {
      assertOpen()
      const lease = checkLease(name, holder)
      return write('read-model lease', () => db.transaction(() => leases.release.run(tenant, lease.name, lease.holder, Date.now()).changes === 1).immediate())
    },

    async leaseOf(name) {
      assertOpen()
      assertIdentifier('name', name)
      const row = read('read-model lease', () => leases.live.get(tenant, name, Date.now()))
      return row === undefined ? undefined : { holder: row.holder, expiresAt: new Date(row.expires_at) }
    },

    async close() {
      if (closed) return
      closed = true
      onClose()
    },
  }
}
