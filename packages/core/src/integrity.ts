import { createHash } from 'node:crypto'
import type { StoredEvent, TenantId, VerifyProblem } from './store'

/**
 * Each event's hash covers the previous event's hash and the exact JSON text
 * the store keeps, so a row edited behind the library's back (or a deleted
 * one) breaks the chain at that version. Hashing the stored text rather than a
 * re-serialisation means adapters never need a canonical JSON form, and
 * PostgreSQL can compute the same value server-side with sha256().
 */
export const GENESIS_HASH = '0'.repeat(64)

export type HashableEvent = {
  id: string
  tenant: TenantId
  streamId: string
  version: number
  type: string
  schemaVersion: number
  dataJson: string
  metadataJson: string
}

/** The exact text that is hashed. Fields are newline-separated; none may contain a raw newline (storeInput enforces it). */
export function hashInput(previousHash: string, event: HashableEvent): string {
  return [
    previousHash,
    event.tenant,
    event.streamId,
    String(event.version),
    event.id,
    event.type,
    String(event.schemaVersion),
    event.dataJson,
    event.metadataJson,
  ].join('\n')
}

export function eventHash(previousHash: string, event: HashableEvent): string {
  return createHash('sha256').update(hashInput(previousHash, event), 'utf8').digest('hex')
}

/**
 * Verifies one stream's chain from its stored rows (in version order, with
 * their JSON text as stored). Returns the problems found; empty means intact.
 */
export function verifyChain(rows: Iterable<HashableEvent & { hash: string }>): VerifyProblem[] {
  const problems: VerifyProblem[] = []
  let previousHash = GENESIS_HASH
  let expectedVersion = 1
  for (const row of rows) {
    if (row.version !== expectedVersion) {
      problems.push({ tenant: row.tenant, streamId: row.streamId, version: expectedVersion, problem: 'version-gap' })
      expectedVersion = row.version
    }
    if (eventHash(previousHash, row) !== row.hash) {
      problems.push({ tenant: row.tenant, streamId: row.streamId, version: row.version, problem: 'hash-mismatch' })
    }
    previousHash = row.hash
    expectedVersion += 1
  }
  return problems
}

export function toHashable(event: StoredEvent): HashableEvent & { hash: string } {
  return {
    id: event.id,
    tenant: event.tenant,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    dataJson: JSON.stringify(event.data),
    metadataJson: JSON.stringify(event.metadata),
    hash: event.hash,
  }
}
