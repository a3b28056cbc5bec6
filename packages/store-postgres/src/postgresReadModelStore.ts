import { InvalidStoreInput, StoreClosed } from '@kerjasama/core'
import { assertIdentifier, assertJsonValue, storeInputReasons } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelStore, ReadModelTransaction } from '@kerjasama/core'
import type { Pool, PoolClient } from 'pg'
import { isConnectionError, mapPgError } from './pgErrors'
import type { SchemaNames } from './schemaName'

type DocumentList = Array<{ id: string; document: ReadModelDocument }>

/**
 * Read models of the store's own tenant only: a province's reader keeps its
 * own projections (R12). Each projection transaction runs on one pooled
 * client between BEGIN and COMMIT, so documents and checkpoint commit
 * together or not at all (R8); the checkpoint row is locked FOR UPDATE first,
 * so two runners of one projection take turns instead of both applying a batch.
 */
/** `tenant` comes checked from checkPostgresOptions. */
export function createPostgresReadModelStore(pool: Pool, names: SchemaNames, tenant: string, onClose: () => Promise<void>): ReadModelStore {
  let closing: Promise<void> | undefined
  const assertOpen = (): void => {
    if (closing !== undefined) throw new StoreClosed()
  }
  const readDocuments = async (collection: string, id: string | null): Promise<DocumentList> => {
    try {
      const result = await pool.query<{ id: string; document: string }>(`select id, document from ${names.q('read_documents')}($1, $2, $3)`, [tenant, collection, id])
      return sortById(result.rows.map((row) => ({ id: row.id, document: JSON.parse(row.document) as ReadModelDocument })))
    } catch (error) {
      throw mapPgError(error, 'readModel.get')
    }
  }

  return {
    async getCheckpoint(projection) {
      assertOpen()
      assertIdentifier('projection', projection)
      try {
        const result = await pool.query<{ position: string }>(`select ${names.q('read_checkpoint')}($1, $2) as position`, [tenant, projection])
        return BigInt(result.rows[0]?.position ?? '0')
      } catch (error) {
        throw mapPgError(error, 'readModel.getCheckpoint')
      }
    },

    async transaction(projection, work) {
      assertOpen()
      assertIdentifier('projection', projection)
      if (typeof work !== 'function') throw new InvalidStoreInput(storeInputReasons.workMustBeFunction, { field: 'work' })
      let client: PoolClient
      try {
        client = await pool.connect()
      } catch (error) {
        throw mapPgError(error, 'readModel.transaction')
      }
      let broken = false
      const run = async <T>(text: string, values: unknown[]): Promise<T[]> => {
        try {
          return (await client.query(text, values)).rows as T[]
        } catch (error) {
          if (isConnectionError(error)) broken = true
          throw mapPgError(error, 'readModel.transaction')
        }
      }
      let ended = false
      const assertActive = (collection: unknown, id: unknown): void => {
        if (ended) throw new InvalidStoreInput(storeInputReasons.transactionEnded, { field: 'transaction' })
        if (collection !== undefined) assertIdentifier('collection', collection)
        if (id !== undefined) assertIdentifier('id', id)
      }
      const documents = names.q('documents')
      const tx: ReadModelTransaction = {
        get: async (collection, id) => {
          assertActive(collection, id)
          const rows = await run<{ document: string }>(`select document::text as document from ${documents} where collection = $1 and id = $2`, [collection, id])
          const text = rows[0]?.document
          return text === undefined ? undefined : (JSON.parse(text) as ReadModelDocument)
        },
        put: async (collection, id, document) => {
          assertActive(collection, id)
          if (typeof document !== 'object' || document === null || Array.isArray(document)) {
            throw new InvalidStoreInput(storeInputReasons.documentMustBeObject, { field: 'document' })
          }
          assertJsonValue(document, 'document')
          await run(
            `insert into ${documents} (tenant, collection, id, document) values ($1, $2, $3, $4::json)
             on conflict (tenant, collection, id) do update set document = excluded.document`,
            [tenant, collection, id, JSON.stringify(document)],
          )
        },
        delete: async (collection, id) => {
          assertActive(collection, id)
          await run(`delete from ${documents} where collection = $1 and id = $2`, [collection, id])
        },
        list: async (collection) => {
          assertActive(collection, undefined)
          const rows = await run<{ id: string; document: string }>(`select id, document::text as document from ${documents} where collection = $1`, [collection])
          return sortById(rows.map((row) => ({ id: row.id, document: JSON.parse(row.document) as ReadModelDocument })))
        },
        setCheckpoint: async (position) => {
          assertActive(undefined, undefined)
          if (typeof position !== 'bigint' || position < 0n) throw new InvalidStoreInput({ id: 'checkpoint harus berupa bigint non-negatif', en: 'a checkpoint must be a non-negative bigint' }, { field: 'position' })
          await run(`update ${names.q('checkpoints')} set position = $2 where tenant = $1 and projection = $3`, [tenant, String(position), projection])
        },
      }
      try {
        await run(`begin`, [])
        await run(`select ${names.q('enter_scope')}($1, $1)`, [tenant])
        await run(`insert into ${names.q('checkpoints')} (tenant, projection, position) values ($1, $2, 0) on conflict do nothing`, [tenant, projection])
        await run(`select position from ${names.q('checkpoints')} where projection = $1 for update`, [projection])
        const result = await work(tx)
        assertOpen()
        await run('commit', [])
        return result
      } catch (error) {
        if (!broken) await client.query('rollback').catch(() => (broken = true))
        throw error
      } finally {
        ended = true
        client.release(broken)
      }
    },

    async get(collection, id) {
      assertOpen()
      assertIdentifier('collection', collection)
      assertIdentifier('id', id)
      return (await readDocuments(collection, id))[0]?.document
    },

    async list(collection) {
      assertOpen()
      assertIdentifier('collection', collection)
      return readDocuments(collection, null)
    },

    close() {
      closing ??= onClose()
      return closing
    },
  }
}

// JavaScript string order, so every adapter lists documents in the same order whatever the database collation.
function sortById(list: DocumentList): DocumentList {
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
