import { KerjasamaError } from '@kerjasama/core'
import type { ReadModelReader, ReadModelStore } from '@kerjasama/core'
import type { Projection } from '../projection'
import { readerFor } from '../runner/readerFor'
import { builtInProjections } from './builtInProjections'

/**
 * One reader for every built-in read model: each logical collection is
 * answered from the active build of the projection that declares it, so an
 * app passes one reader to queryRegister, queryWatchlist, queryUrusanMatrix …
 */
export function builtInReader(store: Pick<ReadModelStore, 'get' | 'query'>, projections: readonly Projection[] = builtInProjections): ReadModelReader {
  const byCollection = new Map<string, ReadModelReader>()
  for (const projection of projections) {
    const reader = readerFor(store, projection)
    for (const collection of Object.keys(projection.collections ?? {})) byCollection.set(collection, reader)
  }
  const readerOf = (collection: string): ReadModelReader => {
    const reader = byCollection.get(collection)
    // A misspelt collection must not read as an empty register.
    if (reader === undefined) {
      throw new KerjasamaError(
        'READ_MODEL_UNKNOWN_COLLECTION',
        { id: `Koleksi ${collection} tidak dideklarasikan oleh proyeksi mana pun`, en: `No projection declares the collection ${collection}` },
        { collection, known: [...byCollection.keys()] },
      )
    }
    return reader
  }
  return {
    get: (collection, id) => readerOf(collection).get(collection, id),
    query: (collection, query) => readerOf(collection).query(collection, query),
  }
}
