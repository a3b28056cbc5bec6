import { InvalidStoreInput } from '@kerjasama/core'
import { assertIdentifier, assertJsonValue, storeInputReasons } from '@kerjasama/core/adapter'
import type { ReadModelDocument, ReadModelTransaction } from '@kerjasama/core'
import { DeferredWriteFailed } from './deferredWrites'
import type { WrittenDocuments } from './writtenDocuments'

/** `build` makes a deferred document (deferredWrites.ts) the first time the batch needs it. */
type Entry = { document: ReadModelDocument | undefined; dirty: boolean; build?: () => ReadModelDocument }

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
 * build a new object to change one, as the built-in read models do. A
 * deferred write (deferredWrites.ts) is made, checked and frozen the first
 * time it is read or flushed.
 *
 * The store checks each document when it is flushed. Checking every write
 * as well would walk a large document once per event; so the runner checks
 * only when a flush was refused, by applying the batch again with
 * `checkEachWrite`, and the bad document is then reported at the event that
 * wrote it.
 */
export class BatchDocuments {
  private readonly entries = new Map<string, Map<string, Entry>>()

  /** The documents this batch wrote to the store's transaction, for the pass's ledger once it commits. */
  readonly written: Array<{ collection: string; id: string }> = []

  constructor(
    private readonly store: ReadModelTransaction,
    private readonly checkEachWrite: boolean,
    private readonly ledger?: WrittenDocuments,
  ) {}

  readonly transaction: Omit<ReadModelTransaction, 'setCheckpoint'> = {
    get: async (collection, id) => {
      const known = this.entriesOf(collection).get(id)
      if (known !== undefined) return this.made(known).document
      if (this.ledger?.knowsAbsent(collection, id) === true) {
        this.entriesOf(collection).set(id, { document: undefined, dirty: false })
        return undefined
      }
      const document = await this.store.get(collection, id)
      const frozen = document === undefined ? undefined : deepFreeze(document)
      this.entriesOf(collection).set(id, { document: frozen, dirty: false })
      return frozen
    },
    put: async (collection, id, document) => {
      this.checkAddress(collection, id)
      this.entriesOf(collection).set(id, { document: this.checked(document), dirty: true })
    },
    delete: async (collection, id) => {
      this.checkAddress(collection, id)
      this.entriesOf(collection).set(id, { document: undefined, dirty: true })
    },
    list: async (collection) => {
      await this.flush(collection)
      return this.store.list(collection)
    },
  }

  /** A deferred write (deferredWrites.ts): `build` is called at most once, when the document is first needed. */
  defer(collection: string, id: string, build: () => ReadModelDocument): void {
    this.entriesOf(collection).set(id, { document: undefined, dirty: true, build })
  }

  /** Writes every changed document (of one collection, or all) to the store's transaction. */
  async flush(only?: string): Promise<void> {
    for (const [collection, entries] of this.entries) {
      if (only !== undefined && collection !== only) continue
      for (const [id, entry] of entries) {
        if (!entry.dirty) continue
        this.made(entry)
        if (entry.document === undefined) await this.store.delete(collection, id)
        else {
          await this.store.put(collection, id, entry.document)
          this.written.push({ collection, id })
        }
        entry.dirty = false
      }
    }
  }

  private made(entry: Entry): Entry {
    const build = entry.build
    if (build === undefined) return entry
    entry.build = undefined
    let document: ReadModelDocument
    try {
      document = this.checked(build())
    } catch (error) {
      throw new DeferredWriteFailed('a deferred read-model document could not be made', { cause: error })
    }
    entry.document = document
    return entry
  }

  /**
   * A write is held until the flush, so the store sees a bad id or collection
   * only then, away from the event that made it. Checking each write checks
   * them here as the store would, or the batch could never name its poison
   * event and would be retried as a store failure for ever.
   */
  private checkAddress(collection: string, id: string): void {
    if (!this.checkEachWrite) return
    assertIdentifier('collection', collection)
    assertIdentifier('id', id)
  }

  private checked(document: ReadModelDocument): ReadModelDocument {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new InvalidStoreInput(storeInputReasons.documentMustBeObject, { field: 'document' })
    }
    if (this.checkEachWrite) assertJsonValue(document, 'document')
    return deepFreeze(document)
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
