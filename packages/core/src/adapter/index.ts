/**
 * For authors of storage adapters: the checks every adapter runs on its input
 * before it writes (R9, R10), the hash chain (R11), the in-memory changes of a
 * read-model transaction (R8), and the index keys, query plan, cursors,
 * checkpoints and leases every read-model adapter shares (R14–R16). An app
 * never needs these; it imports from '@kerjasama/core', where the port types
 * and the errors an adapter throws live too. The suite that proves an adapter
 * is @kerjasama/store-contract.
 */
export * from '../storeInput'
export * from '../storeInputReasons'
export * from '../integrity'
export * from '../pendingReadModelChanges'
export * from '../checkpointInput'
export * from '../collectionIndexes'
export * from '../indexKeys'
export * from '../indexEntries'
export * from '../leaseInput'
export * from '../snapshotInput'
export * from '../queryCursor'
export * from '../readModelQueryPlan'
export * from '../queryDocuments'
