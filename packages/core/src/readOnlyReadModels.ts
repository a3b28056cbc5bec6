import { StoreReadOnly } from './errors'
import type { ReadModelStore } from './store'

/**
 * The read models of a store opened read-only: reads pass through, a
 * projection transaction is refused before it runs any of the caller's work.
 */
export function readOnlyReadModels<S extends ReadModelStore>(store: S): S {
  return {
    ...store,
    transaction: async () => {
      throw new StoreReadOnly('readModels.transaction')
    },
  }
}
