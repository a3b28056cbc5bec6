import { InvalidStoreInput, StoreClosed } from '@kerjasama/core'
import { assertIdentifier, checkCollectionIndexes, checkLease, checkLeaseTtl, encodeCursor, planReadModelQuery, sameFields, storeInputReasons } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelStore } from '@kerjasama/core'
import type { Pool } from 'pg'
import { mapPgError } from './pgErrors'
import { declareCollections, indexedFieldsOf } from './postgresCollections'
import { pageQuery } from './postgresPageQuery'
import type { PageRow } from './postgresPageQuery'
import { runProjectionTransaction, sortById } from './postgresReadModelTransaction'
import type { RememberedCollections } from './postgresReadModelTransaction'
import { createStatisticsKeeper } from './readModelStatistics'
import { inTenantScope, inTransaction } from './scopedClient'
import type { SchemaNames } from './schemaName'

type DocumentList = Array<{ id: string; document: ReadModelDocument }>

/**
 * Read models of the store's own tenant only: a province's reader keeps its
 * own projections (R12). Each projection transaction runs on one pooled
 * client between BEGIN and COMMIT, so documents, their index entries and the
 * checkpoint commit together or not at all (R8, R14), compare-and-set on the
 * checkpoint (R15). Queries read document_index in one statement (R14);
 * leases are rows judged by the server's clock (R16).
 */
/** `tenant` comes checked from checkPostgresOptions. */
export function createPostgresReadModelStore(pool: Pool, names: SchemaNames, tenant: string, onClose: () => Promise<void>): ReadModelStore {
  let closing: Promise<void> | undefined
  const statistics = createStatisticsKeeper(pool, names)
  const remembered: RememberedCollections = new Map()
  const assertOpen = (): void => {
    if (closing !== undefined) throw new StoreClosed()
  }
  const call = async <R extends object>(operation: string, text: string, values: unknown[]): Promise<R[]> => {
    try {
      return (await pool.query<R>(text, values)).rows
    } catch (error) {
      throw mapPgError(error, operation)
    }
  }
  const readDocuments = async (collection: string, id: string | null): Promise<DocumentList> => {
    const rows = await call<{ id: string; document: string }>('readModel.get', `select id, document from ${names.q('read_documents')}($1, $2, $3)`, [tenant, collection, id])
    return sortById(rows.map((row) => ({ id: row.id, document: JSON.parse(row.document) as ReadModelDocument })))
  }

  return {
    async getCheckpoint(projection) {
      assertOpen()
      assertIdentifier('projection', projection)
      const rows = await call<{ position: string }>('readModel.getCheckpoint', `select ${names.q('read_checkpoint')}($1, $2) as position`, [tenant, projection])
      return BigInt(rows[0]?.position ?? '0')
    },

    async transaction(projection, work) {
      assertOpen()
      assertIdentifier('projection', projection)
      if (typeof work !== 'function') throw new InvalidStoreInput(storeInputReasons.workMustBeFunction, { field: 'work' })
      const written = { rows: 0 }
      const result = await inTransaction(pool, 'readModel.transaction', (query) => runProjectionTransaction(query, names, tenant, projection, work, assertOpen, written, remembered))
      await statistics.wrote(written.rows)
      return result
    },

    async declareCollections(indexes) {
      assertOpen()
      const declared = checkCollectionIndexes(indexes)
      const written = await inTenantScope(pool, names, tenant, 'readModel.declareCollections', async (query) => {
        // Redeclaring what is declared, the common case at every start, takes no exclusive lock.
        const current = await Promise.all([...declared.keys()].map((collection) => indexedFieldsOf(query, names, tenant, collection)))
        if ([...declared.values()].every((fields, index) => sameFields(current[index], fields))) return 0
        return declareCollections(query, names, tenant, declared)
      })
      await statistics.wrote(written)
    },

    async get(collection, id) {
      assertOpen()
      assertIdentifier('collection', collection)
      assertIdentifier('id', id)
      return (await readDocuments(collection, id))[0]?.document
    },

    async query(collection, query) {
      assertOpen()
      assertIdentifier('collection', collection)
      return inTenantScope(pool, names, tenant, 'readModel.query', async (run) => {
        const plan = planReadModelQuery(collection, query, await indexedFieldsOf(run, names, tenant, collection))
        const { text, values } = pageQuery(names, tenant, collection, plan)
        const rows = (await run<PageRow>(text, values)).filter((row): row is PageRow & { document: string } => row.document !== null)
        const items = rows.slice(0, plan.limit)
        const last = rows.length > plan.limit ? items.at(-1) : undefined
        return {
          items: items.map((row) => ({ id: row.id, document: JSON.parse(row.document) as ReadModelDocument })),
          ...(last === undefined ? {} : { next: encodeCursor(plan, { key: plan.orderBy === undefined ? undefined : (last.value_key as string), id: last.id }) }),
        }
      })
    },

    async list(collection) {
      assertOpen()
      assertIdentifier('collection', collection)
      return readDocuments(collection, null)
    },

    async acquireLease(name, holder, ttlMs) {
      assertOpen()
      const lease = checkLease(name, holder)
      const ttl = checkLeaseTtl(ttlMs)
      const rows = await call<{ acquired: boolean }>('readModel.acquireLease', `select ${names.q('acquire_lease')}($1, $2, $3, $4) as acquired`, [tenant, lease.name, lease.holder, ttl])
      return rows[0]?.acquired === true
    },

    async releaseLease(name, holder) {
      assertOpen()
      const lease = checkLease(name, holder)
      const rows = await call<{ released: boolean }>('readModel.releaseLease', `select ${names.q('release_lease')}($1, $2, $3) as released`, [tenant, lease.name, lease.holder])
      return rows[0]?.released === true
    },

    async leaseOf(name) {
      assertOpen()
      assertIdentifier('name', name)
      const rows = await call<{ holder: string; expires_at: Date }>('readModel.leaseOf', `select holder, expires_at from ${names.q('read_lease')}($1, $2)`, [tenant, name])
      const row = rows[0]
      return row === undefined ? undefined : { holder: row.holder, expiresAt: row.expires_at }
    },

    close() {
      closing ??= onClose()
      return closing
    },
  }
}
