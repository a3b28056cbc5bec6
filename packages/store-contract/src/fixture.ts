import type { EventStore, ReadModelStore, SnapshotStore, TenantScope } from '@kerjasama/core'

export type EventStoreOpenOptions = TenantScope & { maxEventBytes?: number }

/**
 * What an adapter hands the contract suite. Every store opened from one
 * fixture shares one underlying database (file, schema, memory database), so
 * the suite can test tenancy and concurrency across stores. Each test gets a
 * fresh fixture and calls `cleanup` at its end, after closing its stores.
 */
export type StoreFixture = {
  open(options?: EventStoreOpenOptions): Promise<EventStore>
  /** Change that event's stored data behind the library's back, leaving its hash as it was (R11). */
  tamper(target: { tenant: string; streamId: string; version: number }): Promise<void>
  cleanup(): Promise<void>
}

export type ReadModelFixture = {
  open(options?: TenantScope): Promise<ReadModelStore>
  cleanup(): Promise<void>
}

/** Every snapshot store opened from one fixture shares one database, like the other fixtures. */
export type SnapshotFixture = {
  open(options?: TenantScope): Promise<SnapshotStore>
  cleanup(): Promise<void>
}

export type ContractOptions = {
  /** Concurrent writers (or transactions) in the R1, R2, R4, R5, R8 and R12 concurrency tests. Default 8; the contract requires at least 8 for R5. */
  concurrentWriters?: number
  /** Appends per writer in the R5 tailing test. Default 25. */
  eventsPerWriter?: number
  /** fast-check runs per property. Default 25; lower it for slow backends. */
  numRuns?: number
  /** The maxEventBytes the R9 size tests open a store with. Default 64 KiB. */
  maxEventBytes?: number
  /** Per-test timeout in milliseconds. Default 60 000. */
  testTimeout?: number
}

export type ResolvedContractOptions = Required<ContractOptions>

export function resolveContractOptions(options: ContractOptions = {}): ResolvedContractOptions {
  return {
    concurrentWriters: options.concurrentWriters ?? 8,
    eventsPerWriter: options.eventsPerWriter ?? 25,
    numRuns: options.numRuns ?? 25,
    maxEventBytes: options.maxEventBytes ?? 64 * 1024,
    testTimeout: options.testTimeout ?? 60_000,
  }
}
