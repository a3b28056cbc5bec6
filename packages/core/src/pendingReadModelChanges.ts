import { checkCheckpointChange, MAX_CHECKPOINT } from './checkpointInput'
import { sameFields } from './collectionIndexes'
import type { CheckpointChange } from './checkpointInput'
import { InvalidStoreInput } from './errors'
import { indexEntriesOf, storedFieldsOf } from './indexEntries'
import type { IndexEntry } from './indexEntries'
import { storeInputReasons } from './storeInputReasons'
import type { ReadModelDocument, ReadModelTransaction } from './store'
import { assertIdentifier, assertJsonValue } from './storeInput'

export type DocumentList = Array<{ id: string; document: ReadModelDocument }>

/** A put's index entries, made at the put from its indexed fields as the stored JSON holds them, and the fields they were made for. */
export type PendingIndexEntries = { fields: readonly string[]; entries: IndexEntry[] }

/** What the transaction reads through to: the committed documents. */
export type CommittedDocuments = {
  get(collection: string, id: string): string | undefined
  list(collection: string): Array<{ id: string; document: string }>
}

/**
 * The changes of one read-model transaction, held in memory and invisible to
 * everyone else until the adapter commits `documents` and `checkpoint` in one
 * step (R8). `null` marks a deletion. An adapter keeps them here rather than
 * in an open database transaction so its write lock is held only for the
 * short commit, never across the projection's awaits.
 */
export class PendingReadModelChanges {
  readonly documents = new Map<string, Map<string, string | null>>()
  /**
   * With `indexedFields`, each put's index entries, made at the put from its
   * indexed fields (storedFieldsOf): the adapter then need not parse the text
   * again at commit to index it, and a value that cannot be indexed is
   * refused at the put.
   */
  private readonly indexEntries = new Map<string, Map<string, PendingIndexEntries>>()
  /** The setCheckpoint of this transaction, with the checkpoint it expects to move from (R15). */
  checkpointChange: CheckpointChange | undefined
  private ended = false
  readonly transaction: ReadModelTransaction

  /**
   * `maxCheckpoint`: the largest position the adapter can store (SQLite and
   * PostgreSQL: signed 64-bit). `indexedFields`: the collection's declared
   * fields as the adapter knows them now, asked once per collection.
   */
  constructor(committed: CommittedDocuments, maxCheckpoint = MAX_CHECKPOINT, indexedFields?: (collection: string) => readonly string[] | undefined) {
    const fieldsOf = new Map<string, readonly string[] | undefined>()
    this.transaction = {
      get: async (collection, id) => {
        this.assertActive(collection, id)
        const pending = this.documents.get(collection)?.get(id)
        const text = pending === undefined ? committed.get(collection, id) : pending
        return text === undefined || text === null ? undefined : (JSON.parse(text) as ReadModelDocument)
      },
      put: async (collection, id, document) => {
        this.assertActive(collection, id)
        if (typeof document !== 'object' || document === null || Array.isArray(document)) {
          throw new InvalidStoreInput(storeInputReasons.documentMustBeObject, { field: 'document' })
        }
        assertJsonValue(document, 'document')
        if (indexedFields !== undefined) {
          if (!fieldsOf.has(collection)) fieldsOf.set(collection, indexedFields(collection))
          const fields = fieldsOf.get(collection)
          if (fields !== undefined && fields.length > 0) this.indexEntriesOf(collection).set(id, { fields, entries: indexEntriesOf(storedFieldsOf(document, fields), fields) })
          else this.indexEntries.get(collection)?.delete(id)
        }
        this.collection(collection).set(id, JSON.stringify(document))
      },
      delete: async (collection, id) => {
        this.assertActive(collection, id)
        this.indexEntries.get(collection)?.delete(id)
        this.collection(collection).set(id, null)
      },
      list: async (collection) => {
        this.assertActive(collection, undefined)
        return mergeDocuments(committed.list(collection), this.documents.get(collection))
      },
      setCheckpoint: async (position, options) => {
        this.assertActive(undefined, undefined)
        this.checkpointChange = checkCheckpointChange(position, options, maxCheckpoint)
      },
    }
  }

  /** The position setCheckpoint asked for, if it was called. */
  get checkpoint(): bigint | undefined {
    return this.checkpointChange?.position
  }

  get isEmpty(): boolean {
    return this.documents.size === 0 && this.checkpointChange === undefined
  }

  end(): void {
    this.ended = true
  }

  /**
   * The index entries of the document last put under `id`, for `fields` (the
   * fields declared when the adapter commits): the ones made at the put when
   * they were made for these fields, else made now from the text.
   */
  entriesFor(collection: string, id: string, fields: readonly string[]): IndexEntry[] {
    const made = this.indexEntries.get(collection)?.get(id)
    if (made !== undefined && sameFields(made.fields, fields)) return made.entries
    const text = this.documents.get(collection)?.get(id)
    return text === undefined || text === null ? [] : indexEntriesOf(JSON.parse(text) as ReadModelDocument, fields)
  }

  private indexEntriesOf(name: string): Map<string, PendingIndexEntries> {
    return innerMap(this.indexEntries, name)
  }

  private collection(name: string): Map<string, string | null> {
    return innerMap(this.documents, name)
  }

  private assertActive(collection: unknown, id: unknown): void {
    // A transaction object kept past its work would otherwise write outside any transaction.
    if (this.ended) throw new InvalidStoreInput(storeInputReasons.transactionEnded, { field: 'transaction' })
    if (collection !== undefined) assertIdentifier('collection', collection)
    if (id !== undefined) assertIdentifier('id', id)
  }
}

function innerMap<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key)
  if (inner === undefined) {
    inner = new Map()
    outer.set(key, inner)
  }
  return inner
}

/** Committed documents overlaid with pending ones, ordered by id. */
export function mergeDocuments(committed: Array<{ id: string; document: string }>, pending: Map<string, string | null> | undefined): DocumentList {
  const merged = new Map<string, string | null>(committed.map((row) => [row.id, row.document]))
  for (const [id, text] of pending ?? []) merged.set(id, text)
  const result: DocumentList = []
  for (const [id, text] of [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (text !== null) result.push({ id, document: JSON.parse(text) as ReadModelDocument })
  }
  return result
}
