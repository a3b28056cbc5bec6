import { InvalidStoreInput, ProjectionConflict } from '@kerjasama/core'
import { assertIdentifier, assertJsonValue, checkCheckpointChange, checkpointStillAt, storeInputReasons } from '@kerjasama/core/adapter'
import type { CheckpointChange } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelTransaction } from '@kerjasama/core'
import { entryArrays, indexedFieldsOf, shareDeclarations } from './postgresCollections'
import type { ScopedQuery } from './scopedClient'
import type { SchemaNames } from './schemaName'

type DocumentList = Array<{ id: string; document: ReadModelDocument }>

/** A write held until the transaction's next list or its end: the document's JSON text and index entries, or undefined for a delete. */
type PendingWrite = { text: string; entries: { fields: string[]; keys: string[]; ordered: boolean[] } } | undefined

/**
 * One projection transaction on a scoped client (R8). The projection's
 * checkpoint row is locked FOR UPDATE first, so two runners of one projection
 * take turns; the checkpoint it held then is where this transaction began,
 * and a setCheckpoint that expects another one is refused at commit with
 * PROJECTION_CONFLICT (R15) — a runner that read its batch before another
 * runner committed the same batch.
 *
 * Puts and deletes are checked when they are made and held, the last one
 * per document, until the transaction lists a collection or ends; then each
 * collection's documents and their index entries (R14) are written in a few
 * statements, however many documents the batch changed, where one round trip
 * per document was most of a projection rebuild's time. A get of a document
 * held answers from the held text, as the database would.
 */
export async function runProjectionTransaction<T>(
  query: ScopedQuery,
  names: SchemaNames,
  tenant: string,
  projection: string,
  work: (tx: ReadModelTransaction) => Promise<T>,
  assertOpen: () => void,
  /** Rows this transaction writes (documents and their index entries), for the statistics keeper once it has committed. */
  written: { rows: number },
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

  const pending = new Map<string, Map<string, PendingWrite>>()
  const hold = (collection: string, id: string, write: PendingWrite): void => {
    let held = pending.get(collection)
    if (held === undefined) {
      held = new Map()
      pending.set(collection, held)
    }
    // A document written again replaces the held write, so each document is written once, as it stands last.
    held.delete(id)
    held.set(id, write)
  }
  const writePending = async (only?: string): Promise<void> => {
    for (const [collection, held] of pending) {
      if (only !== undefined && collection !== only) continue
      pending.delete(collection)
      written.rows += await writeDocuments(query, names, tenant, collection, held)
    }
  }

  const tx: ReadModelTransaction = {
    get: async (collection, id) => {
      assertActive(collection, id)
      const held = pending.get(collection)
      if (held?.has(id) === true) {
        const write = held.get(id)
        return write === undefined ? undefined : (JSON.parse(write.text) as ReadModelDocument)
      }
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
      hold(collection, id, { text, entries })
    },
    delete: async (collection, id) => {
      assertActive(collection, id)
      hold(collection, id, undefined)
    },
    list: async (collection) => {
      assertActive(collection, undefined)
      await writePending(collection)
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
    await writePending()
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

/**
 * Writes one collection's held documents: the documents upserted, the
 * deleted ones removed, every old index entry of them removed before the new
 * ones go in — what put_document and delete_document do for one document, a
 * statement each for the lot. Resolves to the rows written (documents and entries).
 */
async function writeDocuments(query: ScopedQuery, names: SchemaNames, tenant: string, collection: string, held: Map<string, PendingWrite>): Promise<number> {
  const ids = [...held.keys()]
  const put = { ids: [] as string[], texts: [] as string[] }
  const removed: string[] = []
  const entries = { ids: [] as string[], fields: [] as string[], keys: [] as string[], ordered: [] as boolean[] }
  for (const [id, write] of held) {
    if (write === undefined) {
      removed.push(id)
      continue
    }
    put.ids.push(id)
    put.texts.push(write.text)
    for (let i = 0; i < write.entries.fields.length; i += 1) entries.ids.push(id)
    entries.fields.push(...write.entries.fields)
    entries.keys.push(...write.entries.keys)
    entries.ordered.push(...write.entries.ordered)
  }
  const index = names.q('document_index')
  if (put.ids.length > 0) {
    // The documents travel as one JSON array, not a text[]: an array literal
    // escapes every quote of every document on the way out and unescapes it
    // on the way in, about half of this statement's time in a rebuild.
    // json_array_elements gives each element's text exactly as sent.
    await query(
      `insert into ${names.q('documents')} (tenant, collection, id, document)
       select $1, $2, d.id, d.document from rows from (unnest($3::text[]), json_array_elements($4::json)) as d(id, document)
       on conflict (tenant, collection, id) do update set document = excluded.document`,
      [tenant, collection, put.ids, jsonArrayOf(put.texts)],
    )
  }
  if (removed.length > 0) await query(`delete from ${names.q('documents')} where tenant = $1 and collection = $2 and id = any($3::text[])`, [tenant, collection, removed])
  await query(`delete from ${index} where tenant = $1 and collection = $2 and id = any($3::text[])`, [tenant, collection, ids])
  if (entries.ids.length > 0) {
    await query(
      `insert into ${index} (tenant, collection, field, value_key, id, ordered)
       select $1, $2, e.field, e.value_key, e.id, e.ordered from unnest($3::text[], $4::text[], $5::text[], $6::boolean[]) as e(field, value_key, id, ordered)`,
      [tenant, collection, entries.fields, entries.keys, entries.ids, entries.ordered],
    )
  }
  return ids.length + entries.ids.length
}

/** Each text is JSON.stringify's output, so joining them makes a JSON array whose elements are those exact texts. */
function jsonArrayOf(texts: string[]): string {
  return `[${texts.join(',')}]`
}

// JavaScript string order, so every adapter lists documents in the same order whatever the database collation.
export function sortById(list: DocumentList): DocumentList {
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
