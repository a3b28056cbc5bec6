import type { EventStore, ReadModelReader } from '@kerjasama/core'
import { DocumentsInMemory } from '../../src'
import type { Projection } from '../../src'

/**
 * Folds every event of the store into the projections: the simplest correct
 * build, in this process, the reference the runner and the stores are held to.
 */
export async function buildReadModels(store: EventStore, projections: readonly Projection[]): Promise<ReadModelReader> {
  const documents = new DocumentsInMemory(Object.assign({}, ...projections.map((projection) => projection.collections ?? {})))
  for await (const event of store.readAll()) {
    for (const projection of projections) await projection.apply(event, documents.transaction)
  }
  return documents
}
