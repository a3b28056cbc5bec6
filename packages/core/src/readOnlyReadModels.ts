import { StoreReadOnly } from './errors'
import type { ReadModelStore } from './store'

/**
 * The read models of a store opened read-only: reads (get, list, query,
 * checkpoints, leaseOf) pass through; a projection transaction is refused
 * before it runs any of the caller's work, and so is every other write:
 * declaring indexes, taking or releasing a lease.
 */
export function readOnlyReadModels<S extends ReadModelStore>(store: S): S {
  return {
    ...store,
    transaction: async () => {
      throw new StoreReadOnly('readModels.transaction')
    },
    declareCollections: async () => {
      throw new StoreReadOnly('readModels.declareCollections')
    },
    acquireLease: async () => {
      throw new StoreReadOnly('readModels.acquireLease')
    },
    releaseLease: async () => {
      throw new StoreReadOnly('readModels.releaseLease')
    },
  }
}
