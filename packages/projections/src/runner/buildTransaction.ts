import { InvalidStoreInput, isKerjasamaError } from '@kerjasama/core'
import { indexEntriesOf, storedFieldsOf } from '@kerjasama/core/adapter'
import type { ReadModelTransaction } from '@kerjasama/core'
import type { Projection } from '../projection'
import { physicalCollection } from './buildNames'
import type { Build } from './buildNames'
import { BatchDocuments } from './batchDocuments'
import type { WrittenDocuments } from './writtenDocuments'
import { DEFER_WRITE } from './deferredWrites'
import type { DeferringTransaction } from './deferredWrites'

/**
 * Errors a transaction's own operations throw when the store, not the
 * projection, is at fault. When `apply` fails with one of these the batch is
 * retried later; anything else `apply` throws — bad documents it tried to
 * write included — makes the event a poison event.
 */
const STORE_FAULTS = new Set(['STORE_UNAVAILABLE', 'STORE_CLOSED', 'PROJECTION_CONFLICT'])

/**
 * The transaction `apply` sees: the projection's logical collections, mapped
 * to the physical ones of the build being written, so a projection never
 * knows which build it writes and the same code fills a rebuild beside the
 * live copy. The checkpoint is the runner's: `apply` cannot move it.
 */
export function buildTransaction(
  store: ReadModelTransaction,
  projection: string,
  build: Build,
  checkEachWrite = false,
  ledger?: WrittenDocuments,
  collections: Projection['collections'] = undefined,
): { tx: DeferringTransaction; storeFault: () => unknown; flush: () => Promise<void>; written: BatchDocuments['written'] } {
  let fault: unknown
  const batch = new BatchDocuments(store, checkEachWrite, ledger)
  const tx = batch.transaction
  // A batch touches the same few collections thousands of times; their physical names are built once.
  const names = new Map<string, string>()
  const physical = (collection: string): string => {
    const known = names.get(collection)
    if (known !== undefined) return known
    // The store checks identifiers too, but would name the physical collection in its error.
    if (typeof collection !== 'string' || collection.length === 0) {
      throw new InvalidStoreInput({ id: 'nama koleksi harus berupa teks yang tidak kosong', en: 'a collection name must be a non-empty string' }, { field: 'collection' })
    }
    const name = physicalCollection(projection, build, collection)
    names.set(collection, name)
    return name
  }
  const watched = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation()
    } catch (error) {
      if (isKerjasamaError(error) && STORE_FAULTS.has(error.code)) fault ??= error
      throw error
    }
  }
  const view: DeferringTransaction = {
    get: (collection, id) => watched(() => tx.get(physical(collection), id)),
    put: (collection, id, document) =>
      watched(() => {
        // A value the store cannot index (too long, too many items) is a bad document too: checking each write finds the event that wrote it.
        const indexed = checkEachWrite && typeof document === 'object' && document !== null ? collections?.[collection]?.indexed : undefined
        if (indexed !== undefined) indexEntriesOf(storedFieldsOf(document, indexed), indexed)
        return tx.put(physical(collection), id, document)
      }),
    delete: (collection, id) => watched(() => tx.delete(physical(collection), id)),
    list: (collection) => watched(() => tx.list(physical(collection))),
    setCheckpoint: async () => {
      throw new InvalidStoreInput(
        { id: 'checkpoint dikelola oleh pelaksana proyeksi; apply tidak boleh menetapkannya', en: 'the runner keeps the checkpoint; apply may not set it' },
        { field: 'setCheckpoint' },
      )
    },
  }
  // Checking each write means writing at each event, so a bad document is reported at the event that made it.
  if (!checkEachWrite) view[DEFER_WRITE] = (collection, id, make) => batch.defer(physical(collection), id, make)
  return { storeFault: () => fault, flush: () => watched(() => batch.flush()), tx: view, written: batch.written }
}
