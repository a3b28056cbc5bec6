import { InvalidStoreInput, ProjectionConflict } from '@kerjasama/core'
import { assertIdentifier, assertJsonValue, checkCheckpointChange, checkpointStillAt, storeInputReasons } from '@kerjasama/core/adapter'
import type { CheckpointChange } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelTransaction } from '@kerjasama/core'
import { entryArrays, indexedFieldsOf, shareDeclarations } from './postgresCollections'
import type { ScopedQuery } from './scopedClient'
import type { SchemaNames } from './schemaName'

type DocumentList = Array<{ id: string; document: ReadModelDocument }>

/**
 * One projection transaction on a scoped client (R8). The projection's
 * checkpoint row is locked FOR UPDATE first, so two runners of one projection
 * take turns; the checkpoint it held then is where this transaction began,
 * and a setCheckpoint that expects another one is refused at commit with
 * PROJECTION_CONFLICT (R15) — a runner that read its batch before another
 * runner committed the same batch. Puts and deletes write the document and
 * its index entries (R14) in one call.
 */
export async function runProjectionTransaction<T>(
  query: ScopedQuery,
  names: SchemaNames,
  tenant: string,
  projection: string,
  work: (tx: ReadModelTransaction) => Promise<T>,
  assertOpen: () => void,
): Promise<T> {
  const documents = names.q('documents')
  await shareDeclarations(query, names, tenant)
  await query(`insert into ${names.q('checkpoints')} (tenant, projection, position) values ($1, $2, 0) on conflict do nothing`, [tenant, projection])
  const locked = await query<{ position: string }>(`select position from ${names.q('checkpoints')} where tenant = $1 and projection = $2 for update`, [tenant, projection])
  const startedAt = BigInt(locked[0]?.position ?? '0')
  const fields = new Map<string, Promise<readonly string[] | undefined>>()
  const fieldsOf = (collection: string) => {
    let known = fields.get(collection)
    if (known === undefined) {
      known = indexedFieldsOf(query, names, tenant, collection)
      fields.set(collection, known)
    }
    return known
  }
  let ended = false
  let change: CheckpointChange | undefined
  const assertActive = (collection: unknown, id: unknown): void => {
    if (ended) throw new InvalidStoreInput(storeInputReasons.transactionEnded, { field: 'transaction' })
    if (collection !== undefined) assertIdentifier('collection', collection)
    if (id !== undefined) assertIdentifier('id', id)
  }

  const tx: ReadModelTransaction = {
    get: async (collection, id) => {
      assertActive(collection, id)
      const rows = await query<{ document: string }>(`select document::text as document from ${documents} where tenant = $1 and collection = $2 and id = $3`, [tenant, collection, id])
      const text = rows[0]?.document
      return text === undefined ? undefined : (JSON.parse(text) as ReadModelDocument)
    },
    put: async (collection, id, document) => {
      assertActive(collection, id)
      if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new InvalidStoreInput(storeInputReasons.documentMustBeObject, { field: 'document' })
      }
      assertJsonValue(document, 'document')
      const text = JSON.stringify(document)
      // Entries from the JSON as stored, exactly as the other adapters compute them from their stored text.
      const entries = entryArrays(JSON.parse(text) as ReadModelDocument, await fieldsOf(collection))
      await query(`select ${names.q('put_document')}($1, $2, $3, $4, $5, $6, $7)`, [tenant, collection, id, text, entries.fields, entries.keys, entries.ordered])
    },
    delete: async (collection, id) => {
      assertActive(collection, id)
      await query(`select ${names.q('delete_document')}($1, $2, $3)`, [tenant, collection, id])
    },
    list: async (collection) => {
      assertActive(collection, undefined)
      const rows = await query<{ id: string; document: string }>(`select id, document::text as document from ${documents} where tenant = $1 and collection = $2`, [tenant, collection])
      return sortById(rows.map((row) => ({ id: row.id, document: JSON.parse(row.document) as ReadModelDocument })))
    },
    setCheckpoint: async (position, options) => {
      assertActive(undefined, undefined)
      change = checkCheckpointChange(position, options)
    },
  }

  try {
    const result = await work(tx)
    assertOpen()
    if (change !== undefined) {
      // The row has been locked since the start, so the checkpoint now is the one the transaction began from.
      if (!checkpointStillAt(change, startedAt, startedAt)) throw new ProjectionConflict(projection)
      await query(`update ${names.q('checkpoints')} set position = $3 where tenant = $1 and projection = $2`, [tenant, projection, String(change.position)])
    }
    return result
  } finally {
    ended = true
  }
}

// JavaScript string order, so every adapter lists documents in the same order whatever the database collation.
export function sortById(list: DocumentList): DocumentList {
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
