import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { openMemoryReadModelStore } from '@kerjasama/store-memory'
import type { Projection } from '../../src'

/**
 * Folds every event of the store into the projections in one transaction
 * each: the simplest correct build, the reference the runner is held to.
 */
export async function buildReadModels(store: EventStore, projections: readonly Projection[], readModels: ReadModelStore = openMemoryReadModelStore()): Promise<ReadModelStore> {
  for (const projection of projections) {
    if (projection.collections !== undefined) await readModels.declareCollections(projection.collections)
    await readModels.transaction(projection.name, async (tx) => {
      let last = 0n
      for await (const event of store.readAll()) {
        await projection.apply(event, tx)
        last = event.position
      }
      if (last > 0n) await tx.setCheckpoint(last)
    })
  }
  return readModels
}
