import { StoreUnavailable } from '@kerjasama/core'
import type { ReadModelStore } from '@kerjasama/core'

/**
 * Where a simulated crash strikes the n-th transaction (counting from 1):
 * before it starts, inside the work (the first read fails, like a dropped
 * connection), or after it has committed but before the runner hears so.
 */
export type Crash = { transaction: number; at: 'before' | 'inside' | 'after' }

/** The read models as a process sees them that dies at `crash`; every call after the crash fails too, as it would in a dead process. */
export function crashingReadModels(inner: ReadModelStore, crash: Crash | undefined): ReadModelStore & { crashed: () => boolean; kill: () => void } {
  let transactions = 0
  let dead = false
  const die = (operation: string): never => {
    dead = true
    throw new StoreUnavailable(operation)
  }
  const alive = <T>(operation: string, call: () => Promise<T>): Promise<T> => (dead ? Promise.reject(new StoreUnavailable(operation)) : call())
  return {
    crashed: () => dead,
    kill: () => {
      dead = true
    },
    getCheckpoint: (projection) => alive('getCheckpoint', () => inner.getCheckpoint(projection)),
    get: (collection, id) => alive('get', () => inner.get(collection, id)),
    query: (collection, query) => alive('query', () => inner.query(collection, query)),
    list: (collection) => alive('list', () => inner.list(collection)),
    declareCollections: (indexes) => alive('declareCollections', () => inner.declareCollections(indexes)),
    acquireLease: (name, holder, ttlMs) => alive('acquireLease', () => inner.acquireLease(name, holder, ttlMs)),
    releaseLease: (name, holder) => alive('releaseLease', () => inner.releaseLease(name, holder)),
    leaseOf: (name) => alive('leaseOf', () => inner.leaseOf(name)),
    close: () => inner.close(),
    async transaction(projection, work) {
      if (dead) throw new StoreUnavailable('transaction')
      transactions += 1
      const strikes = crash?.transaction === transactions ? crash.at : undefined
      if (strikes === 'before') die('transaction')
      const result = await inner.transaction(projection, async (tx) => {
        if (strikes !== 'inside') return work(tx)
        return work({ ...tx, get: async () => die('transaction get') })
      })
      if (strikes === 'after') die('transaction commit')
      return result
    },
  }
}
