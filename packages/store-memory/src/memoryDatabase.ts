import type { AppendResult, TenantId } from '@kerjasama/core'

/** One event as the memory store keeps it: the JSON text exactly as hashed, like a database row. */
export type MemoryEventRow = {
  id: string
  tenant: TenantId
  streamId: string
  version: number
  position: bigint
  type: string
  schemaVersion: number
  dataJson: string
  metadataJson: string
  hash: string
}

/** Documents and checkpoints of one tenant's projections. Documents are kept as JSON text so no caller can mutate them in place. */
export type MemoryReadModelSpace = {
  collections: Map<string, Map<string, string>>
  checkpoints: Map<string, bigint>
}

/** One snapshot as the memory store keeps it: the state as JSON text, so no caller can change it in place. */
export type MemorySnapshotRow = { version: number; reducerVersion: number; eventHash: string; stateDigest: string; stateJson: string }

/** A keyed append's first result and the fingerprint of what the key stood for (R4). */
export type MemoryIdempotencyRecord = { result: AppendResult; fingerprint: string }

export type TamperTarget = { tenant: TenantId; streamId: string; version: number }

/**
 * The shared state behind any number of memory stores, the way a database
 * file or server sits behind many connections. Tenancy and concurrency tests
 * open several stores on one database; a store opened without one gets its own.
 */
export class MemoryDatabase {
  /** Every event in commit order; position order and array order are the same. */
  readonly log: MemoryEventRow[] = []
  readonly streams = new Map<string, MemoryEventRow[]>()
  readonly idempotency = new Map<string, MemoryIdempotencyRecord>()
  readonly eventIds = new Set<string>()
  readonly readModels = new Map<TenantId, MemoryReadModelSpace>()
  /** The snapshot of each tenant, stream and reducer version (snapshotKey). */
  readonly snapshots = new Map<string, MemorySnapshotRow>()
  private lastPosition = 0n

  nextPosition(): bigint {
    this.lastPosition += 1n
    return this.lastPosition
  }

  stream(tenant: TenantId, streamId: string): MemoryEventRow[] | undefined {
    return this.streams.get(streamKey(tenant, streamId))
  }

  readModelSpace(tenant: TenantId): MemoryReadModelSpace {
    let space = this.readModels.get(tenant)
    if (space === undefined) {
      space = { collections: new Map(), checkpoints: new Map() }
      this.readModels.set(tenant, space)
    }
    return space
  }

  /**
   * Changes one stored event's data without updating its hash, as someone
   * editing the table by hand would. Only the contract suite's R11 test uses it.
   */
  tamperForTesting(target: TamperTarget): void {
    const row = this.stream(target.tenant, target.streamId)?.find((candidate) => candidate.version === target.version)
    if (row === undefined) throw new Error(`no event ${target.tenant}/${target.streamId}@${target.version} to tamper with`)
    row.dataJson = JSON.stringify({ tampered: true, was: row.dataJson.length })
  }
}

// Tenants and stream ids cannot contain control characters (storeInput), so a
// newline separator can never make two different pairs collide.
export function streamKey(tenant: TenantId, streamId: string): string {
  return `${tenant}\n${streamId}`
}

export function snapshotKey(tenant: TenantId, streamId: string, reducerVersion: number): string {
  return `${tenant}\n${streamId}\n${reducerVersion}`
}

export function idempotencyKey(tenant: TenantId, key: string): string {
  return `${tenant}\n${key}`
}

export function createMemoryDatabase(): MemoryDatabase {
  return new MemoryDatabase()
}
