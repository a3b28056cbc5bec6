import { InvalidStoreInput } from '@kerjasama/core'
import { assertJsonValue, storeInputReasons } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelTransaction } from '@kerjasama/core'

type Entry = { document: ReadModelDocument | undefined; dirty: boolean }

/**
 * A batch's documents, held in the runner between the store's transaction
 * and `apply`. A rebuild applies each agreement's events one after the other,
 * so without this every event would read its document back from the store
 * and write it again: a round trip each on PostgreSQL, a JSON parse and
 * serialisation each everywhere. Here the first read of a document in a
 * batch goes to the store, later reads get the object written last, and each
 * changed document is written once, before the checkpoint, in the same
 * transaction — so R8 holds as before.
 *
 * Documents are frozen when written (and when first read): `apply` must
 * build a new object to change one, as the built-in read models do.
 *
 * The store checks each document when it is flushed. Checking every write
 * as well would walk a large document once per event; so the runner checks
 * only when a flush was refused, by applying the batch again with
 * `checkEachWrite`, and the bad document is then reported at the event that
 * wrote it.
 */
export class BatchDocuments {
  private readonly entries = new Map<string, Map<string, Entry>>()

  constructor(
    private readonly store: ReadModelTransaction,
    private readonly checkEachWrite: boolean,
  ) {}

  readonly transaction: Omit<ReadModelTransaction, 'setCheckpoint'> = {
    get: async (collection, id) => {
      const known = this.entriesOf(collection).get(id)
      if (known !== undefined) return known.document
      const document = await this.store.get(collection, id)
      const frozen = document === undefined ? undefined : deepFreeze(document)
      this.entriesOf(collection).set(id, { document: frozen, dirty: false })
      return frozen
    },
    put: async (collection, id, document) => {
      if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new InvalidStoreInput(storeInputReasons.documentMustBeObject, { field: 'document' })
      }
      if (this.checkEachWrite) assertJsonValue(document, 'document')
      this.entriesOf(collection).set(id, { document: deepFreeze(document), dirty: true })
    },
    delete: async (collection, id) => {
      this.entriesOf(collection).set(id, { document: undefined, dirty: true })
    },
    list: async (collection) => {
      await this.flush(collection)
      return this.store.list(collection)
    },
  }

  /** Writes every changed document (of one collection, or all) to the store's transaction. */
  async flush(only?: string): Promise<void> {
    for (const [collection, entries] of this.entries) {
      if (only !== undefined && collection !== only) continue
      for (const [id, entry] of entries) {
        if (!entry.dirty) continue
        if (entry.document === undefined) await this.store.delete(collection, id)
        else await this.store.put(collection, id, entry.document)
        entry.dirty = false
      }
    }
  }

  private entriesOf(collection: string): Map<string, Entry> {
    let entries = this.entries.get(collection)
    if (entries === undefined) {
      entries = new Map()
      this.entries.set(collection, entries)
    }
    return entries
  }
}

// Objects immer produced are frozen already, and so is everything below
// them: the walk stops there, so freezing a folded agreement costs little.
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
  return value
}
