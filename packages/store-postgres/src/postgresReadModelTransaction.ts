import { InvalidStoreInput, ProjectionConflict } from '@kerjasama/core'
import { assertIdentifier, assertJsonValue, checkCheckpointChange, checkpointStillAt, storeInputReasons, storedFieldsOf } from '@kerjasama/core/adapter'
import type { CheckpointChange } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelTransaction } from '@kerjasama/core'
import { declarationLockKey, entryArrays, indexedFieldsOf } from './postgresCollections'
import type { ScopedQuery } from './scopedClient'
import type { SchemaNames } from './schemaName'

type DocumentList = Array<{ id: string; document: ReadModelDocument }>

/** A write held until the transaction's next list or its end: the document's JSON text and index entries, or undefined for a delete. */
type PendingWrite = { text: string; entries: { fields: string[]; keys: string[]; ordered: boolean[] } } | undefined

/**
 * Per projection, the collections its last transaction used: the next one
 * asks begin_projection for their declared fields (read under the
 * declarations lock, so never stale), instead of a round trip each on first use.
 */
export type RememberedCollections = Map<string, readonly string[]>

/** Projections remembered at most; past it the memory starts again, so a process naming projections without end stays bounded. */
const REMEMBERED_PROJECTIONS = 1000

/**
 * One projection transaction on a client inside BEGIN (R8), which
 * begin_projection (migration 8) puts in the tenant's scope. The projection's
 * checkpoint row is locked FOR UPDATE first, so two runners of one projection
 * take turns; the checkpoint it held then is where this transaction began,
 * and a setCheckpoint that expects another one is refused at commit with
 * PROJECTION_CONFLICT (R15) — a runner that read its batch before another
 * runner committed the same batch.
 *
 * Puts and deletes are checked when they are made and held, the last one
 * per document, until the transaction lists a collection or ends; then each
 * collection's documents and their index entries (R14) are written in one
 * call, however many documents the batch changed, where one round trip
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
  remembered: RememberedCollections,
): Promise<T> {
  const documents = names.q('documents')
  const begun = await query<{ checkpoint: string; collection: string | null; indexed: string[] | null }>(
    `select checkpoint, collection, indexed from ${names.q('begin_projection')}($1, $2, $3, $4)`,
    [tenant, projection, declarationLockKey(names, tenant), remembered.get(projection) ?? []],
  )
  const startedAt = BigInt(begun[0]?.checkpoint ?? '0')
  const fields = new Map<string, Promise<readonly string[] | undefined>>()
  // Fields known without waiting, so a put can make its entries in the same step as its text.
  const fieldsAtHand = new Map<string, { fields: readonly string[] | undefined }>()
  for (const row of begun) {
    if (row.collection === null) continue
    fields.set(row.collection, Promise.resolve(row.indexed ?? undefined))
    fieldsAtHand.set(row.collection, { fields: row.indexed ?? undefined })
  }
  const used = new Set<string>()
  const fieldsOf = (collection: string) => {
    used.add(collection)
    let known = fields.get(collection)
    if (known === undefined) {
      known = indexedFieldsOf(query, names, tenant, collection)
      known.then((found) => fieldsAtHand.set(collection, { fields: found }), () => undefined)
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
      // Entries from the JSON as stored, exactly as the other adapters compute them from their stored text:
      // from the document's fields in the same step as the text when the fields are at hand, else from the text.
      const atHand = fieldsAtHand.get(collection)
      if (atHand !== undefined) used.add(collection)
      const entries =
        atHand === undefined
          ? entryArrays(JSON.parse(text) as ReadModelDocument, await fieldsOf(collection))
          : entryArrays(storedFieldsOf(document, atHand.fields ?? []), atHand.fields)
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
    if (remembered.size >= REMEMBERED_PROJECTIONS && !remembered.has(projection)) remembered.clear()
    remembered.set(projection, [...used])
    return result
  } finally {
    ended = true
  }
}

/**
 * Writes one collection's held documents and their index entries in one
 * call of write_documents (migration 8): the documents upserted, the deleted
 * ones removed, and of their index entries only those that changed.
 * Resolves to the rows written (documents and entries).
 */
async function writeDocuments(query: ScopedQuery, names: SchemaNames, tenant: string, collection: string, held: Map<string, PendingWrite>): Promise<number> {
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
  // The documents travel as one JSON array, not a text[]: an array literal
  // escapes every quote of every document on the way out and unescapes it on
  // the way in. json_array_elements gives each element's text exactly as sent.
  const rows = await query<{ written: number }>(`select ${names.q('write_documents')}($1, $2, $3, $4, $5, $6, $7, $8, $9) as written`, [
    tenant,
    collection,
    put.ids,
    jsonArrayOf(put.texts),
    removed,
    entries.ids,
    entries.fields,
    entries.keys,
    entries.ordered,
  ])
  return rows[0]?.written ?? 0
}

/** Each text is JSON.stringify's output, so joining them makes a JSON array whose elements are those exact texts. */
function jsonArrayOf(texts: string[]): string {
  return `[${texts.join(',')}]`
}

// JavaScript string order, so every adapter lists documents in the same order whatever the database collation.
export function sortById(list: DocumentList): DocumentList {
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
