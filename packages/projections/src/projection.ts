import type { ReadModelTransaction, StoredEvent } from '@kerjasama/core'

/**
 * A projection folds the event log into read-model documents. The runner
 * calls `apply` once per event, in global position order, inside a
 * transaction whose changes commit together with the checkpoint (R8), so
 * `apply` must only touch `tx` — never another store, the clock or the
 * network — or a replay would not rebuild the same documents.
 *
 * Bumping `version` makes the runner build the new version beside the old
 * one and switch when it has caught up.
 */
export type Projection = {
  /** Stable name; the checkpoint and the lease are kept under it. Letters, digits, '-' and '_'. */
  name: string
  /** A positive integer; bump it when `apply` changes what it writes. */
  version: number
  /** The collections this projection writes, with the fields each declares as indexed for queries. */
  collections?: Readonly<Record<string, { indexed: readonly string[] }>>
  apply(event: StoredEvent, tx: ReadModelTransaction): Promise<void>
}

/** Declares a projection; the identity function, there so a user's own projection is typed like the built-ins. */
export function defineProjection(projection: Projection): Projection {
  return projection
}
